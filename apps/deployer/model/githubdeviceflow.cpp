#include "githubdeviceflow.h"
#include "logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

namespace {
constexpr int RequestTimeoutMs = 15000;
}

GitHubDeviceFlow::GitHubDeviceFlow(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &GitHubDeviceFlow::poll);
}

void GitHubDeviceFlow::start(const QUrl &webBase, const QString &clientId, const QString &scope)
{
    cancel();
    m_web = webBase;
    m_clientId = clientId;
    m_running = true;
    QNetworkReply *reply = post(u"/login/device/code"_s, { { u"client_id"_s, clientId }, { u"scope"_s, scope } });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onCode(reply); });
}

void GitHubDeviceFlow::cancel()
{
    m_timer.stop();
    m_running = false;
    m_deviceCode.clear();
}

QNetworkReply *GitHubDeviceFlow::post(const QString &path, const QList<QPair<QString, QString>> &form)
{
    QUrl url = m_web;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(RequestTimeoutMs);
    QUrlQuery body;
    for (const auto &[k, v] : form)
        body.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    return m_network->post(request, body.toString(QUrl::FullyEncoded).toUtf8());
}

void GitHubDeviceFlow::onCode(QNetworkReply *reply)
{
    reply->deleteLater();
    if (!m_running)
        return;
    const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
    if (reply->error() != QNetworkReply::NoError || !o.contains(u"device_code"_s)) {
        const QString why = o.value(u"error_description"_s).toString();
        finish({}, why.isEmpty() ? tr("GitHub did not give a sign-in code: %1").arg(reply->errorString()) : why);
        return;
    }
    m_deviceCode = o.value(u"device_code"_s).toString();
    m_intervalS = qMax(1, o.value(u"interval"_s).toInt(5));
    m_deadline = QDateTime::currentMSecsSinceEpoch() + qint64(o.value(u"expires_in"_s).toInt(900)) * m_secondMs;
    Q_EMIT codeReady(o.value(u"user_code"_s).toString(), QUrl(o.value(u"verification_uri"_s).toString()));
    m_timer.start(m_intervalS * m_secondMs);
}

void GitHubDeviceFlow::poll()
{
    if (!m_running)
        return;
    if (QDateTime::currentMSecsSinceEpoch() > m_deadline) {
        finish({}, tr("The GitHub sign-in code expired. Start again."));
        return;
    }
    QNetworkReply *reply = post(u"/login/oauth/access_token"_s,
        { { u"client_id"_s, m_clientId }, { u"device_code"_s, m_deviceCode },
            { u"grant_type"_s, u"urn:ietf:params:oauth:grant-type:device_code"_s } });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onPoll(reply); });
}

void GitHubDeviceFlow::onPoll(QNetworkReply *reply)
{
    reply->deleteLater();
    if (!m_running)
        return;
    const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
    if (const QString token = o.value(u"access_token"_s).toString(); !token.isEmpty()) {
        finish(token, {});
        return;
    }
    const QString error = o.value(u"error"_s).toString();
    if (error == u"authorization_pending"_s || (error.isEmpty() && reply->error() != QNetworkReply::NoError)) {
        // Not approved yet, or a transient network error: keep polling until the code expires.
        m_timer.start(m_intervalS * m_secondMs);
        return;
    }
    if (error == u"slow_down"_s) {
        m_intervalS = o.contains(u"interval"_s) ? o.value(u"interval"_s).toInt() : m_intervalS + 5;
        m_timer.start(m_intervalS * m_secondMs);
        return;
    }
    if (error == u"access_denied"_s)
        finish({}, tr("GitHub sign-in was cancelled in the browser."));
    else if (error == u"expired_token"_s)
        finish({}, tr("The GitHub sign-in code expired. Start again."));
    else
        finish({}, tr("GitHub refused the sign-in: %1").arg(o.value(u"error_description"_s).toString(error)));
}

void GitHubDeviceFlow::finish(const QString &token, const QString &error)
{
    m_timer.stop();
    m_running = false;
    if (token.isEmpty()) {
        qCInfo(lcSession) << "github device flow failed:" << error;
        Q_EMIT failed(error);
    } else {
        Q_EMIT succeeded(token);
    }
}

} // namespace ttalkak::deployer
