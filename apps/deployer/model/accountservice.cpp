#include "accountservice.h"
#include "deployerbackend.h"
#include "deployerprefs.h"
#include "logging.h"

#include <core/secretstore.h>
#include <core/settings.h>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

AccountService::AccountService(DeployerBackend *backend, core::SecretStore *secrets, core::Settings *settings,
    DeployerPrefs *prefs, QObject *parent)
    : RelayLink(parent)
    , m_backend(backend)
    , m_secrets(secrets)
    , m_settings(settings)
    , m_prefs(prefs)
{
}

QUrl AccountService::relayUrl() const
{
    return QUrl(m_settings->value(core::Settings::Key::RelayUrl).toString());
}

QString AccountService::email() const
{
    return m_prefs->accountEmail();
}

void AccountService::restore()
{
    m_secrets->read(TokenKey, this, [this](core::Result<QString> token) {
        if (!token || token->isEmpty())
            return; // not signed in before (or the keychain is locked): stay signed out
        m_backend->setSession(relayUrl(), *token);
        setSignedIn(true);
    });
}

void AccountService::signIn(const SignInForm &form)
{
    if (!form.isValid()) {
        Q_EMIT signInFailed(form.errors().constFirst());
        return;
    }
    setBusy(true);
    const QUrl url = form.url();
    const QString email = form.email.trimmed();
    m_backend->signIn(url, email, form.password, form.createAccount, this,
        [this, url, email](core::Result<QJsonObject> r) {
            const QString token = r ? r->value(u"token"_s).toString() : QString();
            if (token.isEmpty()) {
                setBusy(false);
                Q_EMIT signInFailed(r ? tr("The relay answered without a token.") : r.error().message());
                return;
            }
            m_secrets->write(TokenKey, token, this, [this, url, email, token](core::Result<void> w) {
                setBusy(false);
                if (!w) {
                    // Without the keychain the session would not survive a restart; say so but go on.
                    qCWarning(lcSession) << "token not saved:" << w.error().toString();
                }
                m_settings->setValue(core::Settings::Key::RelayUrl, url.toString());
                m_prefs->setAccountEmail(email);
                m_backend->setSession(url, token);
                setSignedIn(true);
                Q_EMIT signedIn();
            });
        });
}

void AccountService::signOut()
{
    m_backend->clearSession();
    m_secrets->remove(TokenKey, this, [](core::Result<void>) { });
    setSignedIn(false);
}

void AccountService::setSignedIn(bool on)
{
    if (m_signedIn == on)
        return;
    m_signedIn = on;
    Q_EMIT connectionChanged(on);
}

void AccountService::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace ttalkak::deployer
