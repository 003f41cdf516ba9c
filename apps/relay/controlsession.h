#pragma once
// ControlSession: one authenticated WebSocket connection (a provider machine or a deployer).
// Owns its QWebSocket; deletes itself when the socket disconnects. Outgoing messages get the
// envelope ("v", and a relay-side "id" when they have none).

#include "records.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>

class QWebSocket;

namespace ttalkak::relay {

class ControlSession : public QObject
{
    Q_OBJECT
public:
    ControlSession(QWebSocket *socket, const Principal &principal, QObject *parent = nullptr);
    ~ControlSession() override;

    const Principal &principal() const { return m_principal; }
    bool isProvider() const { return m_principal.isProvider(); }
    bool helloDone() const { return m_helloDone; }
    void setHelloDone() { m_helloDone = true; }
    // The provider's earnings go out with the first heartbeat ack and whenever a minute is charged.
    bool earningsSent() const { return m_earningsSent; }
    void setEarningsSent() { m_earningsSent = true; }
    QSet<QString> &subscriptions() { return m_subscriptions; }

    void send(QJsonObject message);
    // Close with a WebSocket close code (1001 going away, 4000+ protocol reasons).
    void close(int code, const QString &reason);

Q_SIGNALS:
    void messageReceived(ttalkak::relay::ControlSession *session, const QByteArray &text);
    void binaryReceived(ttalkak::relay::ControlSession *session);
    void closed(ttalkak::relay::ControlSession *session);

private:
    QWebSocket *m_socket;
    Principal m_principal;
    QSet<QString> m_subscriptions;
    bool m_helloDone = false;
    bool m_earningsSent = false;
    quint64 m_counter = 0;
};

} // namespace ttalkak::relay
