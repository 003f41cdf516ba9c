#pragma once
// RelaySubscription: live events for the caller's deployments over the relay's control
// WebSocket (docs/protocol.md "Deployer ↔ relay"), as a deployer (user token).
//
//   RelaySubscription live(relay.webSocketUrl(), token);
//   connect(&live, &RelaySubscription::status, this, [](const QString &id, const QJsonObject &s) { ... });
//   live.subscribe(deploymentId);   // before or after open(); remembered across reconnects
//   live.open();
//
// It reconnects after a drop with exponential backoff and "equal jitter" (0.5 s doubling to
// 30 s, reset once connected) and subscribes again to everything; each (re)subscription's ack
// arrives as `subscribed` with the deployment's current state, so nothing is missed between a
// drop and the next status. A 401 on the upgrade stops it (`failed`, PermissionDenied): retrying
// a bad token would not help. A subscription the relay refuses (another user's or a missing
// deployment) is dropped and reported by `subscriptionFailed`. Thread: the one it lives in.

#include <core/error.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

class QWebSocket;

namespace ttalkak::client {

class RelaySubscription : public QObject
{
    Q_OBJECT
public:
    RelaySubscription(QUrl webSocketUrl, QString token, QObject *parent = nullptr);
    ~RelaySubscription() override;

    void open();
    void close(); // no reconnect after this
    bool isConnected() const { return m_connected; }

    void subscribe(const QString &deploymentId);
    void unsubscribe(const QString &deploymentId);
    QStringList subscriptions() const { return m_deployments.values(); }

    // Backoff bounds, for tests.
    void setBackoff(int initialMs, int maxMs);

Q_SIGNALS:
    void connected();
    void disconnected(const QString &reason);
    void failed(const ttalkak::core::Error &error);

    // The subscribe ack: the deployment as the REST API shows it.
    void subscribed(const QString &deploymentId, const QJsonObject &deployment);
    void subscriptionFailed(const QString &deploymentId, const ttalkak::core::Error &error);
    // {deployment, state, desired, generation, providerId?, reason?}
    void status(const QString &deploymentId, const QJsonObject &status);
    void buildLog(const QString &deploymentId, const QString &line);
    // [{t, stream, line, templateId}]
    void log(const QString &deploymentId, const QJsonArray &lines);
    // {deployment, interval, seconds, cpuPercent?, memoryMb?}
    void metrics(const QString &deploymentId, const QJsonObject &sample);

private:
    void connectNow();
    void scheduleReconnect();
    void onTextMessage(const QString &text);
    void sendSubscribe(const QString &deploymentId, const QString &type);

    QUrl m_url;
    QString m_token;
    QWebSocket *m_socket = nullptr;
    QTimer m_retry;
    QSet<QString> m_deployments;
    QHash<QString, QString> m_pending; // message id -> deployment, for subscribe acks and errors
    quint64 m_nextId = 1;
    int m_attempt = 0;
    int m_initialMs = 500;
    int m_maxMs = 30000;
    bool m_wanted = false;
    bool m_connected = false;
};

} // namespace ttalkak::client
