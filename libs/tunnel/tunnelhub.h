#pragma once
// TunnelHub: the relay's end. Listens for agents (TLS when configured), authenticates each with the
// verifier the relay supplies (machine id + key → accepted?), and opens streams towards a
// deployment's port on a connected machine, spreading them over the machine's parallel connections.
//
//   TunnelHub hub;
//   hub.setVerifier([&store](const QString &machine, const QByteArray &key) {
//       return store.checkMachineKey(machine, key);            // e.g. compare hashes
//   });
//   hub.listen(QHostAddress::Any, 7000);
//   Stream *s = hub.openStream(machine, deployment, port);     // nullptr: machine not connected
//
// Ownership: a QObject; owns the listener and the connections. Thread: its own thread only.
// Signals: agentConnected/agentDisconnected with the machine's remaining connection count,
// authenticationFailed for every rejected handshake.

#include "tunneloptions.h"

#include <core/result.h>

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <optional>

namespace ttalkak::tunnel {

namespace Internal {
class Listener;
}
class Stream;
class TunnelConnection;

class TunnelHub : public QObject
{
    Q_OBJECT
public:
    using Verifier = std::function<bool(const QString &machineId, const QByteArray &key)>;

    explicit TunnelHub(QObject *parent = nullptr);
    ~TunnelHub() override;

    void setVerifier(Verifier verifier) { m_verifier = std::move(verifier); }
    void setOptions(const TunnelOptions &options) { m_options = options; }
    void setTls(const std::optional<QSslConfiguration> &config);
    void setMaxConnectionsPerMachine(int n) { m_maxPerMachine = n; }

    core::Result<void> listen(const QHostAddress &address, quint16 port = 0);
    quint16 serverPort() const;
    // Stops listening and closes every agent connection (agents will reconnect elsewhere/later).
    void close();

    bool isConnected(const QString &machineId) const;
    int connectionCount(const QString &machineId) const;
    QStringList connectedMachines() const;

    Stream *openStream(const QString &machineId, const QString &deployment, quint16 port);

Q_SIGNALS:
    void agentConnected(const QString &machineId, int connections);
    void agentDisconnected(const QString &machineId, int connections, const QString &reason);
    void authenticationFailed(const QHostAddress &peer, const QString &machineId);

private:
    void onAccepted(QTcpSocket *socket);
    void onHello(TunnelConnection *connection, const QString &machineId, const QByteArray &key);

    Internal::Listener *m_listener;
    Verifier m_verifier;
    TunnelOptions m_options;
    QHash<QString, QList<TunnelConnection *>> m_machines;
    int m_maxPerMachine = 8;
};

} // namespace ttalkak::tunnel
