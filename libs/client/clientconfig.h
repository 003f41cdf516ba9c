#pragma once
// ClientConfig: which relay to talk to and with which token, shared by the deployer GUI and
// the CLI. The relay URL lives in Settings (Key::RelayUrl); the token in a SecretStore (the
// keychain in production), keyed by relay so a token never goes to another relay.
// For CI scripts the environment wins: TTALKAK_RELAY_URL (TTALKAK_RELAY, the older name, too)
// and TTALKAK_TOKEN; a token from the environment is never written to the store.
//
//   core::Settings settings;  core::KeychainSecretStore secrets(ClientConfig::kSecretService);
//   ClientConfig config(settings, secrets);
//   config.loadToken(config.relayUrl(), this, [](core::Result<QString> t) { ... }); // NotFound: not signed in
//
// Borrows settings and secrets (they must outlive it). Thread: the owning thread only.

#include <core/result.h>
#include <core/secretstore.h>
#include <core/settings.h>

#include <QUrl>

namespace ttalkak::client {

class ClientConfig
{
public:
    static constexpr QLatin1StringView kSecretService{"ttalkak"};

    ClientConfig(core::Settings &settings, core::SecretStore &secrets);

    QUrl relayUrl() const;
    bool relayUrlFromEnvironment() const;
    void setRelayUrl(const QUrl &url); // to Settings
    // An http(s) URL without a path or trailing slash issue, or InvalidInput.
    static core::Result<QUrl> parseRelayUrl(const QString &text);

    // The secret store key for the token of `relay`: "token:<scheme://host:port/path>".
    static QString tokenKey(const QUrl &relay);

    // The token for `relay` (usually relayUrl()): $TTALKAK_TOKEN, else the secret store's.
    bool tokenFromEnvironment() const;
    void loadToken(const QUrl &relay, QObject *context, core::SecretStore::ReadCallback done) const;
    void storeToken(const QUrl &relay, const QString &token, QObject *context, core::SecretStore::DoneCallback done);
    void forgetToken(const QUrl &relay, QObject *context, core::SecretStore::DoneCallback done);

private:
    core::Settings &m_settings;
    core::SecretStore &m_secrets;
};

} // namespace ttalkak::client
