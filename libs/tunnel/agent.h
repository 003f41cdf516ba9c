#pragma once
// Agent: the provider's end of the tunnel. Keeps `connections` outbound connections to the relay's
// hub (TLS optional), authenticated with the machine id and key, reconnecting with backoff and
// jitter. For every stream the hub opens it connects to the one port assigned to that deployment
// on the allow-list (setRoute) — on loopback unless the route says otherwise — and nowhere else:
// any other request is refused (stream reset with Refused), logged and reported by streamRefused().
//
//   Agent agent({.host = u"relay.example"_s, .port = 7000, .machineId = id, .key = key});
//   agent.setRoute(u"dep-42"_s, 18080);   // the container's published 127.0.0.1 port
//   agent.start();
//
// Ownership: a QObject; owns its connections and bridges. Thread: its own thread only.
// Signals: connected / disconnected per connection index, authenticationFailed when the hub
// rejects the key (it keeps retrying with backoff), streamRefused for allow-list violations.

#include "backoff.h"
#include "tunneloptions.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QVector>

#include <optional>

namespace ttalkak::tunnel {

class Stream;
class TunnelConnection;

struct AgentConfig
{
    QString host;
    quint16 port = 0;
    QString machineId;
    QByteArray key;
    int connections = 1; // parallel connections (throughput, redundancy)
    std::optional<QSslConfiguration> tls; // set to connect with TLS
    BackoffPolicy backoff;
    TunnelOptions options;
    int connectTimeoutMs = 10000; // for the hub and for container ports
};

struct AgentRoute
{
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;
    // After a redeploy moved the route, the relay may still ask for the old port until it has
    // heard the new one: for a short grace such streams go to the *current* port. Any other port
    // is refused, and the agent never connects anywhere but `port`.
    quint16 previousPort = 0;
    qint64 previousUntilMs = 0; // QDateTime::currentMSecsSinceEpoch() deadline
};

class Agent : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kPreviousPortGraceMs = 30000;
    explicit Agent(AgentConfig config, QObject *parent = nullptr);
    ~Agent() override;

    void setRoute(
        const QString &deployment, quint16 port, const QHostAddress &host = QHostAddress(QHostAddress::LocalHost));
    void removeRoute(const QString &deployment);
    QHash<QString, AgentRoute> routes() const { return m_routes; }

    void start();
    void stop();
    int establishedConnections() const;
    int activeStreams() const { return m_activeStreams; }

Q_SIGNALS:
    void connected(int index);
    void disconnected(int index, const QString &reason);
    void authenticationFailed(const QString &reason);
    void streamRefused(const QString &deployment, quint16 port, const QString &reason);

private:
    struct Slot
    {
        TunnelConnection *connection = nullptr;
        Backoff backoff;
        bool scheduled = false;
        bool rejected = false;
    };
    void connectSlot(int index);
    void scheduleReconnect(int index);
    void onStreamRequested(Stream *stream, const QString &deployment, quint16 port);

    AgentConfig m_config;
    QHash<QString, AgentRoute> m_routes;
    QVector<Slot> m_slots;
    int m_activeStreams = 0;
    bool m_running = false;
};

} // namespace ttalkak::tunnel
