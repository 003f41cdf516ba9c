#pragma once
// AccountService: the deployer's relay account. Signs in (or up) through the
// backend and keeps relay URL and token where the CLI keeps them (client::ClientConfig:
// Settings::RelayUrl, the SecretStore under "token:<relay url>", TTALKAK_RELAY_URL /
// TTALKAK_TOKEN winning), so `ttalkak login` and the app share one sign-in.
// Restores the session at start and then asks the relay for /v1/info.
// Being a RelayLink, "connected" means "signed in": Deploy is offered then.
//
//   AccountService account(&backend, &secrets, &settings, &prefs);
//   account.restore();                        // reads the keychain once
//   account.signIn(form);                     // → signedIn() or signInFailed(message)
//
// Thread: GUI thread.

#include "relaylink.h"
#include "signinform.h"

#include <client/clientconfig.h>

namespace ttalkak::core {
class SecretStore;
class Settings;
} // namespace ttalkak::core

namespace ttalkak::deployer {

class DeployerBackend;
class DeployerPrefs;

class AccountService : public RelayLink
{
    Q_OBJECT
public:
    AccountService(DeployerBackend *backend, core::SecretStore *secrets, core::Settings *settings,
        DeployerPrefs *prefs, QObject *parent = nullptr);

    bool isConnected() const override { return m_signedIn; }
    QUrl relayUrl() const override;
    QString email() const;
    bool isBusy() const { return m_busy; }

    void restore();
    void signIn(const SignInForm &form);
    void signOut();

Q_SIGNALS:
    void signedIn();
    void signInFailed(const QString &message);
    void busyChanged(bool busy);

private:
    void setSignedIn(bool on);
    void setBusy(bool busy);
    void startSession(const QUrl &relay, const QString &token);

    DeployerBackend *m_backend;
    DeployerPrefs *m_prefs;
    client::ClientConfig m_config;
    bool m_signedIn = false;
    bool m_busy = false;
};

} // namespace ttalkak::deployer
