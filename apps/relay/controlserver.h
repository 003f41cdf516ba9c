#pragma once
// ControlServer: the WebSocket endpoint /v1/ws. Authenticates the upgrade request (bearer user
// token or provider registration key) before the handshake, then speaks the control protocol
// (docs/protocol.md) with providers and deployers, and routes Scheduler output to sockets.
// A malformed, unknown or out-of-order message gets an error reply and changes nothing;
// messages larger than maxFrameBytes close the connection with 1009 (QWebSocket's limit).

#include "accountstore.h"
#include "containerlogstore.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "ledger.h"
#include "protocol.h"
#include "resourcestore.h"
#include "scheduler.h"

#include <QHash>
#include <QObject>

class QTcpSocket;
class QWebSocketServer;

namespace ttalkak::relay {

class ControlSession;

class ControlServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxFrameBytes = 256 * 1024;
        int heartbeatIntervalMs = 10000;
        int shutdownGraceMs = 2000;
    };

    ControlServer(AccountStore &accounts, ResourceStore &resources, Scheduler &scheduler, Ledger &ledger,
                  ContainerLogStore &logs, Options options, QObject *parent = nullptr);
    ~ControlServer() override;

    // HttpConnection's upgrade hook.
    bool acceptUpgrade(const HttpRequest &request, QTcpSocket *socket, HttpResponse *rejection);
    // Tells every client the relay is going away and closes them (1001).
    void shutdown();
    int sessionCount() const { return int(m_sessions.size()); }
    int providerCount() const { return int(m_providers.size()); }

private:
    void onNewConnection();
    void onMessage(ControlSession *session, const QByteArray &text);
    void onClosed(ControlSession *session);
    void handleProvider(ControlSession *session, const protocol::Message &m);
    void handleLogs(ControlSession *session, const protocol::Message &m);
    void recordContainerEvent(const QJsonObject &status);
    void handleDeployer(ControlSession *session, const protocol::Message &m);
    void onSendToProvider(const QString &providerId, const QJsonObject &message);
    void onDeploymentEvent(const QString &ownerId, const QString &deploymentId, const QJsonObject &event);
    void publish(const QString &deploymentId, const QJsonObject &event, const QString &ownerId = {});

    AccountStore &m_accounts;
    ResourceStore &m_resources;
    Scheduler &m_scheduler;
    Ledger &m_ledger;
    ContainerLogStore &m_logs;
    Options m_options;
    QWebSocketServer *m_server;
    QHash<QString, Principal> m_pending;             // "address|port" -> principal, until the handshake ends
    QSet<ControlSession *> m_sessions;
    QHash<QString, ControlSession *> m_providers;     // provider id -> its session (after hello)
    QHash<QString, QSet<ControlSession *>> m_subscribers; // deployment id -> deployer sessions
};

} // namespace ttalkak::relay
