#include "clientconfig.h"

#include <QCoreApplication>
#include <QTimer>

namespace ttalkak::client {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

namespace {
QString environmentRelay()
{
    QString v = qEnvironmentVariable("TTALKAK_RELAY_URL");
    return v.isEmpty() ? qEnvironmentVariable("TTALKAK_RELAY") : v;
}
} // namespace

ClientConfig::ClientConfig(core::Settings &settings, core::SecretStore &secrets)
    : m_settings(settings)
    , m_secrets(secrets)
{
}

core::Result<QUrl> ClientConfig::parseRelayUrl(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("ClientConfig", "the relay URL must be http(s)://host[:port]: %1").arg(text));
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QUrl ClientConfig::relayUrl() const
{
    const QString text = relayUrlFromEnvironment() ? environmentRelay() : m_settings.value(core::Settings::Key::RelayUrl).toString();
    auto url = parseRelayUrl(text);
    return url ? *url : QUrl(text);
}

bool ClientConfig::relayUrlFromEnvironment() const
{
    return !environmentRelay().isEmpty();
}

void ClientConfig::setRelayUrl(const QUrl &url)
{
    m_settings.setValue(core::Settings::Key::RelayUrl, url.toString());
}

QString ClientConfig::tokenKey(const QUrl &relay)
{
    return u"token:"_s + relay.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

bool ClientConfig::tokenFromEnvironment() const
{
    return !qEnvironmentVariable("TTALKAK_TOKEN").isEmpty();
}

void ClientConfig::loadToken(const QUrl &relay, QObject *context, core::SecretStore::ReadCallback done) const
{
    if (tokenFromEnvironment()) {
        // Asynchronous like the store, so callers have one code path.
        QTimer::singleShot(0, context, [done = std::move(done)] { done(qEnvironmentVariable("TTALKAK_TOKEN")); });
        return;
    }
    m_secrets.read(tokenKey(relay), context, std::move(done));
}

void ClientConfig::storeToken(const QUrl &relay, const QString &token, QObject *context, core::SecretStore::DoneCallback done)
{
    m_secrets.write(tokenKey(relay), token, context, std::move(done));
}

void ClientConfig::forgetToken(const QUrl &relay, QObject *context, core::SecretStore::DoneCallback done)
{
    m_secrets.remove(tokenKey(relay), context, std::move(done));
}

} // namespace ttalkak::client
