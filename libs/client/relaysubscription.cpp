#include "relaysubscription.h"

#include "logging.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocket>

namespace ttalkak::client {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

RelaySubscription::RelaySubscription(QUrl webSocketUrl, QString token, QObject *parent)
    : QObject(parent)
    , m_url(std::move(webSocketUrl))
    , m_token(std::move(token))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RelaySubscription::connectNow);
}

RelaySubscription::~RelaySubscription()
{
    m_wanted = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void RelaySubscription::setBackoff(int initialMs, int maxMs)
{
    m_initialMs = std::max(1, initialMs);
    m_maxMs = std::max(m_initialMs, maxMs);
}

void RelaySubscription::open()
{
    if (m_wanted)
        return;
    m_wanted = true;
    m_attempt = 0;
    connectNow();
}

void RelaySubscription::close()
{
    m_wanted = false;
    m_retry.stop();
    if (m_socket)
        m_socket->close();
}

void RelaySubscription::subscribe(const QString &deploymentId)
{
    if (m_deployments.contains(deploymentId))
        return;
    m_deployments.insert(deploymentId);
    if (m_connected)
        sendSubscribe(deploymentId, u"subscribe"_s);
}

void RelaySubscription::unsubscribe(const QString &deploymentId)
{
    if (!m_deployments.remove(deploymentId))
        return;
    if (m_connected)
        sendSubscribe(deploymentId, u"unsubscribe"_s);
}

void RelaySubscription::sendSubscribe(const QString &deploymentId, const QString &type)
{
    const QString id = u"d-"_s + QString::number(m_nextId++);
    if (type == u"subscribe")
        m_pending.insert(id, deploymentId);
    const QJsonObject message{{u"v"_s, 1}, {u"id"_s, id}, {u"type"_s, type}, {u"deployment"_s, deploymentId}};
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void RelaySubscription::connectNow()
{
    if (!m_wanted)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    QWebSocket *socket = m_socket;
    connect(socket, &QWebSocket::connected, this, [this] {
        m_connected = true;
        m_attempt = 0;
        m_pending.clear();
        qCInfo(lcSubscription) << "connected" << m_url.toString(QUrl::RemoveUserInfo);
        for (const QString &d : std::as_const(m_deployments))
            sendSubscribe(d, u"subscribe"_s);
        Q_EMIT connected();
    });
    connect(socket, &QWebSocket::textMessageReceived, this, &RelaySubscription::onTextMessage);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        const QString reason = socket->closeReason().isEmpty() ? socket->errorString() : socket->closeReason();
        const bool was = m_connected;
        m_connected = false;
        if (was)
            Q_EMIT disconnected(reason);
        scheduleReconnect();
    });
    connect(socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, // errorOccurred in Qt ≥ 6.5
            [this, socket](QAbstractSocket::SocketError) {
        // Qt reports a refused upgrade only through the error text ("... status code: 401 ...").
        if (!m_connected && socket->errorString().contains(u"401"_s)) {
            m_wanted = false;
            m_retry.stop();
            Q_EMIT failed(Error(ErrorCode::PermissionDenied, tr("the relay refused the token")));
            return;
        }
        qCDebug(lcSubscription) << "socket error" << socket->errorString();
        if (socket->state() == QAbstractSocket::UnconnectedState && !m_connected)
            scheduleReconnect(); // never connected: no disconnected() follows
    });
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    socket->open(request);
}

void RelaySubscription::scheduleReconnect()
{
    if (!m_wanted || m_retry.isActive())
        return;
    const qint64 cap = std::min<qint64>(m_maxMs, qint64(m_initialMs) << std::min(m_attempt, 20));
    ++m_attempt;
    const int delay = int(cap / 2 + QRandomGenerator::global()->bounded(cap / 2 + 1));
    qCDebug(lcSubscription) << "reconnecting in" << delay << "ms";
    m_retry.start(delay);
}

void RelaySubscription::onTextMessage(const QString &text)
{
    const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = m.value(u"type"_s).toString();
    const QString deployment = m.value(u"deployment"_s).toString();
    if (type == u"ack") {
        const QString dep = m_pending.take(m.value(u"re"_s).toString());
        if (!dep.isEmpty() && m_deployments.contains(dep))
            Q_EMIT subscribed(dep, m.value(u"deployment"_s).toObject());
    } else if (type == u"error") {
        const QString dep = m_pending.take(m.value(u"re"_s).toString());
        const QString code = m.value(u"code"_s).toString();
        const Error error(code == u"not-found" ? ErrorCode::NotFound : ErrorCode::Remote, m.value(u"message"_s).toString());
        if (!dep.isEmpty()) {
            m_deployments.remove(dep);
            Q_EMIT subscriptionFailed(dep, error);
        } else {
            qCWarning(lcSubscription) << "relay error" << code << error.message();
        }
    } else if (type == u"status") {
        Q_EMIT status(deployment, m);
    } else if (type == u"build-log") {
        Q_EMIT buildLog(deployment, m.value(u"line"_s).toString());
    } else if (type == u"log") {
        Q_EMIT log(deployment, m.value(u"lines"_s).toArray());
    } else if (type == u"metrics") {
        Q_EMIT metrics(deployment, m);
    } else if (type == u"shutdown") {
        // The relay closes with 1001 next; come back after its hint rather than hammering it.
        const int after = m.value(u"reconnectAfterMs"_s).toInt(1000);
        m_attempt = 0;
        m_retry.start(std::clamp(after, 0, m_maxMs));
    }
}

} // namespace ttalkak::client
