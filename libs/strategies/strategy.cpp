#include "strategy.h"
#include "dockerfiletext.h"

namespace ttalkak::strategies {

using core::Error;
using core::ErrorCode;
using core::Result;

Result<std::optional<Plan>> Strategy::detect(const Repo &repo, const QString &appDir) const
{
    auto r = doDetect(repo, appDir);
    if (r && r->has_value()) {
        Plan &plan = **r;
        plan.strategyId = m_id;
        plan.appDir = appDir;
        // Strategies leave contextDir empty for "the app folder" and say "." for
        // "the repository root"; the plan always carries the real folder.
        if (plan.contextDir.isEmpty())
            plan.contextDir = appDir;
        else if (plan.contextDir == u'.')
            plan.contextDir.clear();
    }
    return r;
}

Result<Generated> Strategy::generate(const Plan &plan, const GenerateOptions &options) const
{
    for (const QString &name : options.buildArgNames) {
        if (auto v = validateEnvName(name); !v)
            return v.error();
    }
    auto r = doGenerate(plan, options);
    if (r && r->dockerfile.isEmpty())
        return Error(ErrorCode::Unknown, QObject::tr("strategy %1 produced no Dockerfile").arg(m_id));
    return r;
}

} // namespace ttalkak::strategies
