#pragma once
// DatabaseAccessStore: each database deployment's public TCP port (from --db-ingress-range,
// unique among databases that are not deleted) and its owner's allow-list (normalized CIDR
// strings, see allowlist.h). DatabaseIngress listens from what this holds.
// Thread: the relay's (only) thread.

#include "database.h"

#include <QStringList>

#include <optional>

namespace ttalkak::relay {

class DatabaseAccessStore
{
public:
    explicit DatabaseAccessStore(Database &db)
        : m_db(db)
    {
    }

    struct Access
    {
        QString deploymentId;
        quint16 publicPort = 0;
        QStringList allowList;
        // Where it runs: set while the deployment is placed and its provider reported a port.
        QString state;
        QString providerId;
        quint16 containerPort = 0;
    };

    // Gives the deployment the lowest free port of [from, to]; Unavailable when all are taken.
    core::Result<quint16> allocate(const QString &deploymentId, const QStringList &allowList, quint16 from, quint16 to);
    core::Result<std::optional<Access>> access(const QString &deploymentId) const;
    core::Result<void> setAllowList(const QString &deploymentId, const QStringList &allowList);
    // Every database that is not deleted and has a port.
    core::Result<QList<Access>> live() const;

private:
    Database &m_db;
};

} // namespace ttalkak::relay
