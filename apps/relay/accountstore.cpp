#include "accountstore.h"

#include "logging.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {
constexpr qint64 kTokenCacheMs = 5000;

QString tr(const char *text)
{
    return QCoreApplication::translate("AccountStore", text);
}
} // namespace

QString AccountStore::providerColumns()
{
    return u"id, owner_id, name, cpu_millis, memory_mb, disk_mb, max_deployments, price_cpu_hour, price_gb_hour,"
           " caps, online, last_seen_at, created_at"_s;
}

Result<User> AccountStore::createUser(const QString &email, const QString &passwordHash)
{
    User u{tokens::newId(u"usr"), email.trimmed().toLower(), Database::nowMs()};
    auto r = m_db.exec(u"INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)"_s,
                       {u.id, u.email, passwordHash, u.createdAt});
    if (!r) {
        if (r.error().code() == ErrorCode::InvalidInput)
            return Error(ErrorCode::InvalidInput, QCoreApplication::translate("AccountStore", "this e-mail is already registered"));
        return r.error();
    }
    return u;
}

Result<std::pair<User, QString>> AccountStore::findUserByEmail(const QString &email) const
{
    return m_db.fetchOne(
        u"SELECT id, email, created_at, password_hash FROM users WHERE email = ?"_s, {email.trimmed().toLower()},
        [](const QSqlQuery &q) {
            return std::pair{User{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()}, q.value(3).toString()};
        },
        tr("no such user"));
}

Result<TokenInfo> AccountStore::createToken(const QString &userId, tokens::Kind kind, const QString &name,
                                           const QString &token, const QString &providerId)
{
    TokenInfo t;
    t.id = tokens::newId(u"tok");
    t.kind = tokens::kindName(kind);
    t.userId = userId;
    t.providerId = providerId;
    t.name = name;
    t.createdAt = Database::nowMs();
    auto r = m_db.exec(u"INSERT INTO tokens (id, hash, kind, user_id, provider_id, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                       {t.id, tokens::hashToken(token), t.kind, userId, providerId.isEmpty() ? QVariant() : QVariant(providerId),
                        name, t.createdAt});
    if (!r)
        return r.error();
    return t;
}

Result<Principal> AccountStore::authenticate(const QString &token)
{
    if (token.size() < 16 || token.size() > 128)
        return Database::notFound(tr("invalid token"));
    const QString hash = tokens::hashToken(token);
    const qint64 now = Database::nowMs();
    if (auto it = m_tokenCache.constFind(hash); it != m_tokenCache.cend() && it->expiresAt > now)
        return it->principal;
    auto p = m_db.fetchOne(
        u"SELECT t.id, t.user_id, t.provider_id FROM tokens t LEFT JOIN providers p ON p.id = t.provider_id"
        " WHERE t.hash = ? AND t.revoked_at IS NULL AND (t.provider_id IS NULL OR p.deleted_at IS NULL)"_s,
        {hash}, [](const QSqlQuery &q) { return Principal{q.value(1).toString(), q.value(2).toString(), q.value(0).toString()}; },
        tr("invalid token"));
    if (!p) {
        if (p.error().code() == ErrorCode::NotFound)
            m_tokenCache.remove(hash);
        return p;
    }
    if (m_tokenCache.size() > 50000)
        m_tokenCache.clear();
    m_tokenCache.insert(hash, {*p, now + kTokenCacheMs});
    return p;
}

Result<QList<TokenInfo>> AccountStore::listTokens(const QString &userId) const
{
    auto q = m_db.exec(u"SELECT id, kind, user_id, provider_id, name, created_at, revoked_at FROM tokens"
                       " WHERE user_id = ? ORDER BY created_at, id"_s,
                       {userId});
    if (!q)
        return q.error();
    QList<TokenInfo> out;
    while (q->next()) {
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                    q->value(4).toString(), q->value(5).toLongLong(), q->value(6).toLongLong()});
    }
    return out;
}

Result<void> AccountStore::revokeToken(const QString &userId, const QString &tokenId)
{
    auto n = m_db.execCount(u"UPDATE tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL"_s,
                            {Database::nowMs(), tokenId, userId});
    if (!n)
        return n.error();
    if (*n != 1)
        return Database::notFound(tr("no such token"));
    m_tokenCache.clear(); // cache is keyed by hash; revocations are rare
    return {};
}

Result<Provider> AccountStore::createProvider(const QString &ownerId, const QString &name)
{
    Provider p;
    p.id = tokens::newId(u"prv");
    p.ownerId = ownerId;
    p.name = name;
    p.createdAt = Database::nowMs();
    auto r = m_db.exec(u"INSERT INTO providers (id, owner_id, name, created_at) VALUES (?, ?, ?, ?)"_s,
                       {p.id, ownerId, name, p.createdAt});
    if (!r)
        return r.error();
    return p;
}

Result<Provider> AccountStore::provider(const QString &ownerId, const QString &providerId) const
{
    return m_db.fetchOne(u"SELECT "_s + providerColumns() + u" FROM providers WHERE id = ? AND owner_id = ? AND deleted_at IS NULL"_s,
                         {providerId, ownerId}, Provider::fromQuery, tr("no such provider"));
}

Result<Provider> AccountStore::providerById(const QString &providerId) const
{
    return m_db.fetchOne(u"SELECT "_s + providerColumns() + u" FROM providers WHERE id = ? AND deleted_at IS NULL"_s, {providerId},
                         Provider::fromQuery, tr("no such provider"));
}

Result<QList<Provider>> AccountStore::listProviders(const QString &ownerId) const
{
    auto q = m_db.exec(u"SELECT "_s + providerColumns()
                           + u" FROM providers WHERE owner_id = ? AND deleted_at IS NULL ORDER BY created_at, id"_s,
                       {ownerId});
    if (!q)
        return q.error();
    QList<Provider> out;
    while (q->next())
        out.append(Provider::fromQuery(*q));
    return out;
}

Result<void> AccountStore::deleteProvider(const QString &ownerId, const QString &providerId)
{
    return m_db.transaction<void>([&]() -> Result<void> {
        const qint64 now = Database::nowMs();
        auto n = m_db.execCount(u"UPDATE providers SET deleted_at = ?, online = 0 WHERE id = ? AND owner_id = ? AND deleted_at IS NULL"_s,
                                {now, providerId, ownerId});
        if (!n)
            return n.error();
        if (*n != 1)
            return Database::notFound(tr("no such provider"));
        if (auto r = m_db.exec(u"UPDATE tokens SET revoked_at = ? WHERE provider_id = ? AND revoked_at IS NULL"_s, {now, providerId}); !r)
            return r.error();
        m_tokenCache.clear();
        return {};
    });
}

Result<void> AccountStore::updateProviderOffer(const QString &providerId, const Resources &capacity, int maxDeployments,
                                               qint64 priceCpuHour, qint64 priceGbHour, const QJsonObject &caps)
{
    auto r = m_db.exec(u"UPDATE providers SET cpu_millis = ?, memory_mb = ?, disk_mb = ?, max_deployments = ?,"
                       " price_cpu_hour = ?, price_gb_hour = ?, caps = ?, online = 1, last_seen_at = ? WHERE id = ?"_s,
                       {capacity.cpuMillis, capacity.memoryMb, capacity.diskMb, maxDeployments, priceCpuHour, priceGbHour,
                        toJsonText(caps), Database::nowMs(), providerId});
    if (!r)
        return r.error();
    return {};
}

Result<void> AccountStore::setProviderOnline(const QString &providerId, bool online)
{
    auto r = m_db.exec(u"UPDATE providers SET online = ? WHERE id = ?"_s, {online ? 1 : 0, providerId});
    if (!r)
        return r.error();
    return {};
}

Result<void> AccountStore::touchProvider(const QString &providerId)
{
    auto r = m_db.exec(u"UPDATE providers SET last_seen_at = ? WHERE id = ?"_s, {Database::nowMs(), providerId});
    if (!r)
        return r.error();
    return {};
}

} // namespace ttalkak::relay
