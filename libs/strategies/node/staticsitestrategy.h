#pragma once
// A plain static site: index.html and no package.json, served as it is by
// nginx (no build). Priority 5, the last resort: a folder with a build of any
// kind belongs to a more specific strategy.

#include "../strategy.h"

namespace ttalkak::strategies {

class StaticSiteStrategy : public Strategy
{
public:
    StaticSiteStrategy()
        : Strategy(QStringLiteral("static"), 5)
    {
    }
    QString lookingFor() const override;

protected:
    core::Result<std::optional<Plan>> doDetect(const Repo &repo, const QString &appDir) const override;
    core::Result<Generated> doGenerate(const Plan &plan, const GenerateOptions &options) const override;
};

} // namespace ttalkak::strategies
