#pragma once
// Vite: a static site built by `vite build`, served by nginx with an SPA fallback.
// outDir, base and assetsDir come from the build script's flags or the literal
// values in vite.config.{ts,js,mjs,mts,cjs,cts}; defaults dist, /, assets.

#include "nodestrategy.h"

namespace ttalkak::strategies {

class ViteStrategy : public NodeStrategy
{
public:
    ViteStrategy()
        : NodeStrategy(QStringLiteral("vite"), 100, NodeProject::Framework::Vite)
    {
    }
    QString lookingFor() const override;

protected:
    core::Result<void> detectFramework(const Repo &repo, const NodeProject &project, Plan &plan) const override;
    core::Result<Generated> doGenerate(const Plan &plan, const GenerateOptions &options) const override;
};

} // namespace ttalkak::strategies
