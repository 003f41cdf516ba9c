#include "tunnelhub.h"

#include "listener_p.h"
#include "logging.h"
#include "stream.h"
#include "tunnelconnection.h"

#include <QTcpSocket>

namespace ttalkak::tunnel {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

TunnelHub::TunnelHub(QObject *parent)
    : QObject(parent)
    , m_listener(new Internal::Listener(this))
{
    connect(m_listener, &Internal::Listener::accepted, this, &TunnelHub::onAccepted);
}

TunnelHub::~TunnelHub()
{
    close();
}

void TunnelHub::setTls(const std::optional<QSslConfiguration> &config)
{
    m_listener->setSslConfiguration(config);
}

core::Result<void> TunnelHub::listen(const QHostAddress &address, quint16 port)
{
    if (!m_listener->listen(address, port))
        return Error(ErrorCode::Io,
            tr("Cannot listen for tunnels on %1:%2: %3")
                .arg(address.toString())
                .arg(port)
                .arg(m_listener->errorString()));
    qCInfo(lcHub) << "tunnel hub listening on" << address << m_listener->serverPort()
                  << (m_listener->isTls() ? "(TLS)" : "");
    return core::ok();
}

quint16 TunnelHub::serverPort() const
{
    return m_listener->serverPort();
}

void TunnelHub::close()
{
    m_listener->close();
    const auto machines = m_machines;
    m_machines.clear();
    for (const QList<TunnelConnection *> &list : machines) {
        for (TunnelConnection *c : list) {
            c->disconnect(this);
            c->close(u"relay shutting down"_s);
            c->deleteLater();
        }
    }
    // Connections still in their handshake are children too.
    const QList<TunnelConnection *> pending = findChildren<TunnelConnection *>(Qt::FindDirectChildrenOnly);
    for (TunnelConnection *c : pending) {
        c->disconnect(this);
        c->abort(u"relay shutting down"_s);
        c->deleteLater();
    }
}

void TunnelHub::onAccepted(QTcpSocket *socket)
{
    auto *connection = new TunnelConnection(TunnelConnection::Role::Hub, socket, m_options, this);
    connect(connection, &TunnelConnection::helloReceived, this,
        [this, connection](
            const QString &machineId, const QByteArray &key, int) { onHello(connection, machineId, key); });
    connect(connection, &TunnelConnection::closed, this, [this, connection](const QString &reason) {
        connection->deleteLater();
        if (!connection->isEstablished())
            return;
        const QString machine = connection->machineId();
        auto it = m_machines.find(machine);
        if (it == m_machines.end())
            return;
        it->removeAll(connection);
        const int remaining = int(it->size());
        if (remaining == 0)
            m_machines.erase(it);
        qCInfo(lcHub) << "agent" << machine << "connection lost:" << reason << "remaining" << remaining;
        Q_EMIT agentDisconnected(machine, remaining, reason);
    });
}

void TunnelHub::onHello(TunnelConnection *connection, const QString &machineId, const QByteArray &key)
{
    if (!m_verifier || !m_verifier(machineId, key)) {
        qCWarning(lcHub) << "rejected agent" << machineId << "from" << connection->peerAddress();
        const QHostAddress peer = connection->peerAddress();
        connection->reject(tr("unknown machine or wrong key"));
        Q_EMIT authenticationFailed(peer, machineId);
        return;
    }
    QList<TunnelConnection *> &list = m_machines[machineId];
    // A machine past its quota (e.g. half-open connections from before a network change) loses
    // its oldest connection, not the new one.
    while (list.size() >= m_maxPerMachine) {
        TunnelConnection *oldest = list.takeFirst();
        oldest->disconnect(this);
        oldest->close(u"superseded by a newer connection"_s);
        oldest->deleteLater();
    }
    list.append(connection);
    connection->accept();
    qCInfo(lcHub) << "agent" << machineId << "connected from" << connection->peerAddress() << "connections"
                  << list.size();
    Q_EMIT agentConnected(machineId, int(list.size()));
}

bool TunnelHub::isConnected(const QString &machineId) const
{
    return m_machines.contains(machineId);
}

int TunnelHub::connectionCount(const QString &machineId) const
{
    return int(m_machines.value(machineId).size());
}

QStringList TunnelHub::connectedMachines() const
{
    return m_machines.keys();
}

Stream *TunnelHub::openStream(const QString &machineId, const QString &deployment, quint16 port)
{
    const auto it = m_machines.constFind(machineId);
    if (it == m_machines.constEnd())
        return nullptr;
    TunnelConnection *best = nullptr;
    for (TunnelConnection *c : *it) {
        if (c->isEstablished() && !c->isClosed() && (!best || c->streamCount() < best->streamCount()))
            best = c;
    }
    return best ? best->openStream(deployment, port) : nullptr;
}

} // namespace ttalkak::tunnel
