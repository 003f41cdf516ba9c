#pragma once
// The fallback for frontends built by their own "build" script with webpack,
// Parcel, Rollup, esbuild, Rspack... (priority 10: any framework strategy
// that recognises the app wins). The output folder comes from the script's
// flags or the bundler config where a literal says it, else it is a guess
// (dist) and the why list says so.

#include "nodestrategy.h"

namespace ttalkak::strategies {

class BundlerStrategy : public NodeStrategy
{
public:
    BundlerStrategy()
        : NodeStrategy(QStringLiteral("node-static"), 10, NodeProject::Framework::Bundler)
    {
    }
    QString lookingFor() const override;

protected:
    core::Result<void> detectFramework(const Repo &repo, const NodeProject &project, Plan &plan) const override;
    core::Result<Generated> doGenerate(const Plan &plan, const GenerateOptions &options) const override;
};

} // namespace ttalkak::strategies
