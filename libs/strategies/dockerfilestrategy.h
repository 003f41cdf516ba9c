#pragma once
// The repository brings its own Dockerfile: respect it, report what it does.

#include "strategy.h"

namespace ttalkak::strategies {

class DockerfileStrategy final : public Strategy
{
public:
    DockerfileStrategy() : Strategy(QStringLiteral("dockerfile"), 1000) {}
    QString lookingFor() const override;

protected:
    core::Result<std::optional<Plan>> doDetect(const Repo &repo, const QString &appDir) const override;
    core::Result<Generated> doGenerate(const Plan &plan, const GenerateOptions &options) const override;
};

} // namespace ttalkak::strategies
