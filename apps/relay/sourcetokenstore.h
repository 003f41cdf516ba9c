#pragma once
// SourceTokenStore: the credential a deployer sends beside `spec` for a private git repo
// (docs/protocol.md, "Deployment spec"). Kept apart from the spec, per deployment and
// generation: the Scheduler puts it only into that generation's offer/redeploy and drops it when
// the provider reports that generation running or failed, or the deployment is deleted.
// Never logged, never returned by REST. Thread: the relay's (only) thread.

#include "database.h"

namespace ttalkak::relay {

class SourceTokenStore
{
public:
    explicit SourceTokenStore(Database &db)
        : m_db(db)
    {
    }

    // An empty token stores nothing (and drops an older one for the same generation).
    core::Result<void> put(const QString &deploymentId, int generation, const QString &token);
    // Empty when there is none.
    core::Result<QString> token(const QString &deploymentId, int generation) const;
    // Drops this generation's token and any older one.
    core::Result<void> drop(const QString &deploymentId, int upToGeneration);
    core::Result<void> dropAll(const QString &deploymentId);

private:
    Database &m_db;
};

} // namespace ttalkak::relay
