#pragma once
// CustomDomainStore: hosts a deployment's owner wants served besides `<name>.<domain>`. A host
// is added pending with a random token; the relay proves that the host's DNS points at it by
// fetching http://<host>/.well-known/ttalkak/<token> through its own ingress (which answers that
// path for pending hosts, see IngressWiring) and then marks it verified. Several deployments may
// claim a host; it is verified for one only, and only verified hosts are routed. Callers scope
// by deployment (the REST layer checks its owner). Thread: the relay's main thread.

#include "database.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace ttalkak::relay {

struct CustomDomain
{
    QString host;
    QString deploymentId;
    QString token;
    qint64 createdAt = 0;
    qint64 verifiedAt = 0; // 0: pending
    bool verified() const { return verifiedAt > 0; }
    QString challengePath() const;
    QJsonObject toJson() const; // {host, verified, verifiedAt?, challenge:{path, token}?}
};

class CustomDomainStore
{
public:
    explicit CustomDomainStore(Database &db)
        : m_db(db)
    {
    }

    // Lower-cased DNS name of 2+ labels, no port, not the relay's own domain or below it.
    static core::Result<QString> normalizeHost(const QString &host, const QString &relayDomain);
    static constexpr QStringView kChallengePrefix = u"/.well-known/ttalkak/";

    // The claim, and whether it was created now (an existing claim is returned as it is).
    core::Result<std::pair<CustomDomain, bool>> add(const QString &deploymentId, const QString &host);
    core::Result<QList<CustomDomain>> list(const QString &deploymentId) const;
    core::Result<CustomDomain> find(const QString &deploymentId, const QString &host) const; // NotFound
    core::Result<void> remove(const QString &deploymentId, const QString &host); // NotFound
    // false when another (not deleted) deployment has this host verified.
    core::Result<bool> markVerified(const QString &deploymentId, const QString &host);

    // For the ingress: the deployment a verified host routes to, and whether `token` is a
    // pending challenge for `host`.
    core::Result<std::optional<QString>> verifiedDeployment(const QString &host) const;
    core::Result<bool> isPendingChallenge(const QString &host, const QString &token) const;

private:
    Database &m_db;
};

} // namespace ttalkak::relay
