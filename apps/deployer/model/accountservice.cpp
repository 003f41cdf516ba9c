#include "accountservice.h"
#include "deployerbackend.h"
#include "deployerprefs.h"
#include "logging.h"

#include <core/secretstore.h>
#include <core/settings.h>

#include <QJsonObject>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

AccountService::AccountService(DeployerBackend *backend, core::SecretStore *secrets, core::Settings *settings,
    DeployerPrefs *prefs, QObject *parent)
    : RelayLink(parent)
    , m_backend(backend)
    , m_prefs(prefs)
    , m_config(*settings, *secrets)
{
}

QUrl AccountService::relayUrl() const
{
    return m_config.relayUrl();
}

QString AccountService::email() const
{
    return m_prefs->accountEmail();
}

void AccountService::restore()
{
    const QUrl url = relayUrl();
    if (url.host().isEmpty())
        return;
    m_config.loadToken(url, this, [this, url](core::Result<QString> token) {
        if (!token || token->isEmpty())
            return; // not signed in before (or the keychain is locked): stay signed out
        startSession(url, *token);
    });
}

void AccountService::startSession(const QUrl &relay, const QString &token)
{
    m_backend->setSession(relay, token);
    setSignedIn(true);
    // Public URLs are named from /v1/info; an older relay without it leaves them unnamed.
    m_backend->relayInfo(this, [this](core::Result<QJsonObject> r) {
        if (r)
            setRelayInfo(RelayInfo::fromJson(*r));
        else
            qCInfo(lcSession) << "no relay info:" << r.error().toString();
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
            m_config.storeToken(url, token, this, [this, url, email, token](core::Result<void> w) {
                setBusy(false);
                if (!w) {
                    // Without the keychain the session would not survive a restart; say so but go on.
                    qCWarning(lcSession) << "token not saved:" << w.error().toString();
                }
                if (!m_config.relayUrlFromEnvironment())
                    m_config.setRelayUrl(url);
                m_prefs->setAccountEmail(email);
                startSession(url, token);
                Q_EMIT signedIn();
            });
        });
}

void AccountService::signOut()
{
    m_backend->clearSession();
    m_config.forgetToken(relayUrl(), this, [](core::Result<void>) { });
    setRelayInfo({});
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
