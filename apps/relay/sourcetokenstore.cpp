#include "sourcetokenstore.h"

using namespace Qt::StringLiterals;
using ttalkak::core::Result;

namespace ttalkak::relay {

Result<void> SourceTokenStore::put(const QString &deploymentId, int generation, const QString &token)
{
    return m_db.transaction<void>([&]() -> Result<void> {
        if (auto d = m_db.exec(u"DELETE FROM source_tokens WHERE deployment_id = ? AND generation = ?"_s,
                { deploymentId, generation });
            !d)
            return d.error();
        if (token.isEmpty())
            return {};
        if (auto i = m_db.exec(
                u"INSERT INTO source_tokens (deployment_id, generation, token, created_at) VALUES (?, ?, ?, ?)"_s,
                { deploymentId, generation, token, Database::nowMs() });
            !i)
            return i.error();
        return {};
    });
}

Result<QString> SourceTokenStore::token(const QString &deploymentId, int generation) const
{
    auto q = m_db.exec(
        u"SELECT token FROM source_tokens WHERE deployment_id = ? AND generation = ?"_s, { deploymentId, generation });
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Result<void> SourceTokenStore::drop(const QString &deploymentId, int upToGeneration)
{
    auto r = m_db.exec(
        u"DELETE FROM source_tokens WHERE deployment_id = ? AND generation <= ?"_s, { deploymentId, upToGeneration });
    if (!r)
        return r.error();
    return {};
}

Result<void> SourceTokenStore::dropAll(const QString &deploymentId)
{
    auto r = m_db.exec(u"DELETE FROM source_tokens WHERE deployment_id = ?"_s, { deploymentId });
    if (!r)
        return r.error();
    return {};
}

} // namespace ttalkak::relay
