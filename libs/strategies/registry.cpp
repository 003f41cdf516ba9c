#include "registry.h"
#include "dockerfiletext.h"

#include <algorithm>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

void Registry::add(std::unique_ptr<Strategy> strategy)
{
    const auto pos = std::upper_bound(m_strategies.begin(), m_strategies.end(), strategy,
                                      [](const auto &a, const auto &b) { return a->priority() > b->priority(); });
    m_strategies.insert(pos, std::move(strategy));
}

const Strategy *Registry::find(const QString &id) const
{
    for (const auto &s : m_strategies)
        if (s->id() == id)
            return s.get();
    return nullptr;
}

Result<Plan> Registry::detect(const QString &repoRoot, const DetectOptions &options) const
{
    auto repo = Repo::open(repoRoot, options.limits);
    if (!repo)
        return repo.error();
    return detect(*repo, options.appDir);
}

Result<Plan> Registry::detect(const Repo &repo, const QString &appDirIn) const
{
    QString appDir = appDirIn;
    while (appDir.endsWith(u'/'))
        appDir.chop(1);
    if (appDir == u".")
        appDir.clear();
    if (!appDir.isEmpty()) {
        if (auto t = validateToken(QObject::tr("app folder"), appDir); !t)
            return t.error();
        if (!repo.isDir(appDir))
            return Error(ErrorCode::NotFound, QObject::tr("app folder '%1' does not exist in the repository").arg(appDir));
    }

    for (const auto &strategy : m_strategies) {
        auto r = strategy->detect(repo, appDir);
        if (!r)
            return r.error();
        if (r->has_value())
            return std::move(**r);
    }

    QStringList lookedFor;
    for (const auto &strategy : m_strategies)
        lookedFor.append(u"  - "_s + strategy->lookingFor());
    const QString where = appDir.isEmpty() ? QObject::tr("the repository root") : u"'"_s + appDir + u"'"_s;
    return Error(ErrorCode::Unsupported,
                 QObject::tr("unknown project type in %1. Looked for:\n%2").arg(where, lookedFor.join(u'\n')));
}

Result<Generated> Registry::generate(const Plan &plan, const GenerateOptions &options) const
{
    const Strategy *s = find(plan.strategyId);
    if (!s)
        return Error(ErrorCode::NotFound, QObject::tr("no strategy named '%1'").arg(plan.strategyId));
    return s->generate(plan, options);
}

} // namespace ttalkak::strategies
