#pragma once
// AccountService: the deployer's relay account. Signs in (or up) through the
// backend, keeps the token in the SecretStore (the keychain; never Settings),
// remembers relay URL and e-mail, and restores the session at start.
// Being a RelayLink, "connected" means "signed in": Deploy is offered then.
//
//   AccountService account(&backend, &secrets, &settings, &prefs);
//   account.restore();                        // reads the keychain once
//   account.signIn(form);                     // → signedIn() or signInFailed(message)
//
// Thread: GUI thread.

#include "relaylink.h"
#include "signinform.h"

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
    static inline const QString TokenKey = QStringLiteral("relay-token");

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

    DeployerBackend *m_backend;
    core::SecretStore *m_secrets;
    core::Settings *m_settings;
    DeployerPrefs *m_prefs;
    bool m_signedIn = false;
    bool m_busy = false;
};

} // namespace ttalkak::deployer
