#pragma once
// The root of a JavaScript monorepo that is not an app itself: detection stops
// with an error listing the workspace apps it can deploy, and the deployer
// shows them in a picker (the CLI takes --app). Priority 20: after the
// framework strategies (which win when the root is an app), before the
// generic fallbacks (which would otherwise take a root "build" script such as
// "turbo run build" for a bundler).

#include "../strategy.h"

namespace ttalkak::strategies {

class NodeWorkspaceStrategy : public Strategy
{
public:
    NodeWorkspaceStrategy()
        : Strategy(QStringLiteral("node-workspace"), 20)
    {
    }
    QString lookingFor() const override;

protected:
    core::Result<std::optional<Plan>> doDetect(const Repo &repo, const QString &appDir) const override;
    core::Result<Generated> doGenerate(const Plan &plan, const GenerateOptions &options) const override;
};

} // namespace ttalkak::strategies
