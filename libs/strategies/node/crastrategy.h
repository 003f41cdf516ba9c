#pragma once
// Create React App: `react-scripts build` writes a static site to build/,
// served by nginx with an SPA fallback. "homepage" sets the base path.

#include "nodestrategy.h"

namespace ttalkak::strategies {

class CraStrategy : public NodeStrategy
{
public:
    CraStrategy()
        : NodeStrategy(QStringLiteral("cra"), 100, NodeProject::Framework::CreateReactApp)
    {
    }
    QString lookingFor() const override;

protected:
    core::Result<void> detectFramework(const Repo &repo, const NodeProject &project, Plan &plan) const override;
    core::Result<Generated> doGenerate(const Plan &plan, const GenerateOptions &options) const override;
};

} // namespace ttalkak::strategies
