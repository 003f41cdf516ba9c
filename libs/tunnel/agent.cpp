#include "agent.h"

#include <QDateTime>

#include "logging.h"
#include "socketbridge.h"
#include "stream.h"
#include "tunnelconnection.h"

#include <QSslSocket>
#include <QTimer>

namespace ttalkak::tunnel {

using namespace Qt::StringLiterals;

Agent::Agent(AgentConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    const int n = std::max(1, m_config.connections);
    m_slots.resize(n);
    for (Slot &slot : m_slots)
        slot.backoff = Backoff(m_config.backoff);
}

Agent::~Agent()
{
    stop();
}

void Agent::setRoute(const QString &deployment, quint16 port, const QHostAddress &host)
{
    AgentRoute route { host, port };
    if (const auto it = m_routes.constFind(deployment); it != m_routes.constEnd() && it->port != port) {
        route.previousPort = it->port;
        route.previousUntilMs = QDateTime::currentMSecsSinceEpoch() + kPreviousPortGraceMs;
    }
    m_routes.insert(deployment, route);
}

void Agent::removeRoute(const QString &deployment)
{
    m_routes.remove(deployment);
}

void Agent::start()
{
    if (m_running)
        return;
    m_running = true;
    for (int i = 0; i < m_slots.size(); ++i)
        connectSlot(i);
}

void Agent::stop()
{
    m_running = false;
    for (Slot &slot : m_slots) {
        if (slot.connection) {
            TunnelConnection *c = slot.connection;
            slot.connection = nullptr;
            c->disconnect(this);
            c->close(u"agent stopping"_s);
            c->deleteLater();
        }
    }
}

int Agent::establishedConnections() const
{
    int n = 0;
    for (const Slot &slot : m_slots)
        n += slot.connection && slot.connection->isEstablished() ? 1 : 0;
    return n;
}

void Agent::connectSlot(int index)
{
    Slot &slot = m_slots[index];
    slot.scheduled = false;
    if (!m_running || slot.connection)
        return;
    QTcpSocket *socket = nullptr;
    if (m_config.tls) {
        auto *ssl = new QSslSocket;
        ssl->setSslConfiguration(*m_config.tls);
        ssl->connectToHostEncrypted(m_config.host, m_config.port);
        socket = ssl;
    } else {
        socket = new QTcpSocket;
        socket->connectToHost(m_config.host, m_config.port);
    }
    TunnelOptions options = m_config.options;
    options.handshakeTimeoutMs = std::max(options.handshakeTimeoutMs, m_config.connectTimeoutMs);
    auto *connection = new TunnelConnection(TunnelConnection::Role::Agent, socket, options, this);
    slot.connection = connection;
    connection->sendHello(m_config.machineId, m_config.key, index);

    connect(connection, &TunnelConnection::established, this, [this, index] {
        m_slots[index].backoff.reset();
        qCInfo(lcAgent) << "tunnel" << index << "established to" << m_config.host << m_config.port;
        Q_EMIT connected(index);
    });
    connect(connection, &TunnelConnection::rejected, this, [this, index](const QString &reason) {
        qCWarning(lcAgent) << "relay rejected the machine key:" << reason;
        m_slots[index].rejected = true;
        Q_EMIT authenticationFailed(reason);
    });
    connect(connection, &TunnelConnection::streamRequested, this, &Agent::onStreamRequested);
    connect(connection, &TunnelConnection::closed, this, [this, index, connection](const QString &reason) {
        Slot &s = m_slots[index];
        const bool wasEstablished = connection->isEstablished();
        if (s.connection == connection)
            s.connection = nullptr;
        connection->deleteLater();
        if (wasEstablished) {
            qCInfo(lcAgent) << "tunnel" << index << "lost:" << reason;
            Q_EMIT disconnected(index, reason);
        } else {
            qCDebug(lcAgent) << "tunnel" << index << "failed:" << reason;
        }
        scheduleReconnect(index);
    });
}

void Agent::scheduleReconnect(int index)
{
    Slot &slot = m_slots[index];
    if (!m_running || slot.scheduled || slot.connection)
        return;
    slot.scheduled = true;
    // A rejected key will not become valid in a second: retry at the slowest pace.
    const int delay = std::exchange(slot.rejected, false) ? m_config.backoff.maxMs : slot.backoff.nextDelayMs();
    qCDebug(lcAgent) << "reconnecting tunnel" << index << "in" << delay << "ms";
    QTimer::singleShot(delay, this, [this, index] { connectSlot(index); });
}

void Agent::onStreamRequested(Stream *stream, const QString &deployment, quint16 port)
{
    const auto it = m_routes.constFind(deployment);
    const bool previous = it != m_routes.constEnd() && it->previousPort != 0 && port == it->previousPort
        && QDateTime::currentMSecsSinceEpoch() < it->previousUntilMs;
    if (it == m_routes.constEnd() || (it->port != port && !previous)) {
        const QString reason = it == m_routes.constEnd() ? u"deployment is not routed on this machine"_s
                                                         : u"port is not the one assigned to the deployment"_s;
        qCWarning(lcAgent) << "refused stream to" << deployment << "port" << port << ":" << reason;
        stream->reset(ResetCode::Refused, reason);
        Q_EMIT streamRefused(deployment, port, reason);
        return;
    }
    auto *socket = new QTcpSocket;
    socket->connectToHost(it->host, it->port);
    auto *bridge = new SocketBridge(stream, socket, m_config.connectTimeoutMs, this);
    ++m_activeStreams;
    connect(bridge, &SocketBridge::finished, this, [this] { --m_activeStreams; });
}

} // namespace ttalkak::tunnel
