#pragma once
// AccountStore: users, bearer tokens (user API tokens and provider registration keys) and
// provider machines. Every lookup that a caller can name by id takes the caller's user id and
// answers NotFound for someone else's row (never "forbidden": existence is not leaked).
// Token lookups are cached for a few seconds; revoke() drops the cache entry at once.

#include "database.h"
#include "records.h"
#include "tokens.h"

#include <QHash>

namespace ttalkak::relay {

class AccountStore
{
public:
    explicit AccountStore(Database &db) : m_db(db) {}

    core::Result<User> createUser(const QString &email, const QString &passwordHash);
    // The user and their stored password hash.
    core::Result<std::pair<User, QString>> findUserByEmail(const QString &email) const;

    // Returns the stored record; the caller shows `token` (the secret) once and forgets it.
    core::Result<TokenInfo> createToken(const QString &userId, tokens::Kind kind, const QString &name,
                                        const QString &token, const QString &providerId = {});
    core::Result<Principal> authenticate(const QString &token);
    core::Result<QList<TokenInfo>> listTokens(const QString &userId) const;
    core::Result<void> revokeToken(const QString &userId, const QString &tokenId);

    core::Result<Provider> createProvider(const QString &ownerId, const QString &name);
    core::Result<Provider> provider(const QString &ownerId, const QString &providerId) const;
    core::Result<Provider> providerById(const QString &providerId) const;
    core::Result<QList<Provider>> listProviders(const QString &ownerId) const;
    core::Result<void> deleteProvider(const QString &ownerId, const QString &providerId);
    // From the provider's hello: what it offers now.
    core::Result<void> updateProviderOffer(const QString &providerId, const Resources &capacity, int maxDeployments,
                                           qint64 priceCpuHour, qint64 priceGbHour, const QJsonObject &caps);
    core::Result<void> setProviderOnline(const QString &providerId, bool online);
    core::Result<void> touchProvider(const QString &providerId);

    static QString providerColumns();

private:
    struct CachedPrincipal
    {
        Principal principal;
        qint64 expiresAt = 0;
    };
    Database &m_db;
    QHash<QString, CachedPrincipal> m_tokenCache; // token hash -> principal
};

} // namespace ttalkak::relay
