#include "customdomainstore.h"

#include "tokens.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {

const QString kColumns = u"host, deployment_id, token, created_at, verified_at"_s;

CustomDomain fromQuery(const QSqlQuery &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
        q.value(4).isNull() ? 0 : q.value(4).toLongLong() };
}

Error noSuchDomain()
{
    return Database::notFound(QCoreApplication::translate("CustomDomainStore", "no such domain on this deployment"));
}

} // namespace

QString CustomDomain::challengePath() const
{
    return CustomDomainStore::kChallengePrefix.toString() + token;
}

QJsonObject CustomDomain::toJson() const
{
    QJsonObject o { { u"host"_s, host }, { u"verified"_s, verified() }, { u"createdAt"_s, createdAt } };
    if (verified())
        o.insert(u"verifiedAt"_s, verifiedAt);
    else // the token is not a secret: it is served to anyone who asks the host for it
        o.insert(u"challenge"_s, QJsonObject { { u"path"_s, challengePath() }, { u"token"_s, token } });
    return o;
}

Result<QString> CustomDomainStore::normalizeHost(const QString &input, const QString &relayDomain)
{
    static const QRegularExpression label(u"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"_s);
    QString host = input.trimmed().toLower();
    if (host.endsWith(u'.'))
        host.chop(1);
    const QStringList labels = host.split(u'.');
    bool ok = host.size() <= 253 && labels.size() >= 2;
    for (const QString &l : labels)
        ok = ok && label.match(l).hasMatch();
    if (!ok)
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "CustomDomainStore", "host must be a DNS name like www.example.com (no port, no scheme)"));
    const QString domain = relayDomain.toLower();
    if (host == domain || host.endsWith(u'.' + domain))
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "CustomDomainStore", "hosts under the relay's own domain are not custom domains"));
    return host;
}

Result<std::pair<CustomDomain, bool>> CustomDomainStore::add(const QString &deploymentId, const QString &host)
{
    if (auto existing = find(deploymentId, host); existing)
        return std::pair { *existing, false };
    else if (existing.error().code() != ErrorCode::NotFound)
        return existing.error();
    CustomDomain d { host, deploymentId, QString::fromLatin1(tokens::randomBytes(16).toHex()), Database::nowMs(), 0 };
    auto r = m_db.exec(u"INSERT INTO custom_domains (host, deployment_id, token, created_at) VALUES (?, ?, ?, ?)"_s,
        { d.host, d.deploymentId, d.token, d.createdAt });
    if (!r)
        return r.error();
    return std::pair { d, true };
}

Result<QList<CustomDomain>> CustomDomainStore::list(const QString &deploymentId) const
{
    auto q = m_db.exec(
        u"SELECT "_s + kColumns + u" FROM custom_domains WHERE deployment_id = ? ORDER BY host"_s, { deploymentId });
    if (!q)
        return q.error();
    QList<CustomDomain> out;
    while (q->next())
        out.append(fromQuery(*q));
    return out;
}

Result<CustomDomain> CustomDomainStore::find(const QString &deploymentId, const QString &host) const
{
    return m_db.fetchOne(u"SELECT "_s + kColumns + u" FROM custom_domains WHERE deployment_id = ? AND host = ?"_s,
        { deploymentId, host }, fromQuery, noSuchDomain().message());
}

Result<void> CustomDomainStore::remove(const QString &deploymentId, const QString &host)
{
    auto n
        = m_db.execCount(u"DELETE FROM custom_domains WHERE deployment_id = ? AND host = ?"_s, { deploymentId, host });
    if (!n)
        return n.error();
    if (*n != 1)
        return noSuchDomain();
    return {};
}

Result<bool> CustomDomainStore::markVerified(const QString &deploymentId, const QString &host)
{
    return m_db.transaction<bool>([&]() -> Result<bool> {
        // A deleted deployment's verification lapses: the host is free for someone else.
        if (auto r = m_db.exec(u"DELETE FROM custom_domains WHERE host = ? AND deployment_id <> ? AND deployment_id IN"
                               " (SELECT id FROM deployments WHERE state = 'deleted')"_s,
                { host, deploymentId });
            !r)
            return r.error();
        auto other = m_db.exec(
            u"SELECT 1 FROM custom_domains WHERE host = ? AND deployment_id <> ? AND verified_at IS NOT NULL"_s,
            { host, deploymentId });
        if (!other)
            return other.error();
        if (other->next())
            return false;
        auto n = m_db.execCount(
            u"UPDATE custom_domains SET verified_at = COALESCE(verified_at, ?) WHERE deployment_id = ? AND host = ?"_s,
            { Database::nowMs(), deploymentId, host });
        if (!n)
            return n.error();
        if (*n != 1)
            return noSuchDomain();
        return true;
    });
}

Result<std::optional<QString>> CustomDomainStore::verifiedDeployment(const QString &host) const
{
    auto q
        = m_db.exec(u"SELECT deployment_id FROM custom_domains WHERE host = ? AND verified_at IS NOT NULL"_s, { host });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<QString>();
    return std::optional<QString>(q->value(0).toString());
}

Result<bool> CustomDomainStore::isPendingChallenge(const QString &host, const QString &token) const
{
    if (token.isEmpty() || token.size() > 64)
        return false;
    auto q = m_db.exec(
        u"SELECT 1 FROM custom_domains WHERE host = ? AND token = ? AND verified_at IS NULL"_s, { host, token });
    if (!q)
        return q.error();
    return q->next();
}

} // namespace ttalkak::relay
