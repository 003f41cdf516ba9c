#pragma once
// DatabaseIngress: one TcpIngress per running database (libs/tunnel/tcpingress.h), on the port
// DatabaseAccessStore gave it and with its owner's allow-list, streaming through the TunnelHub to
// the provider and container port that provider reported. sync() makes the listeners match the
// store: called on a timer, after every deployment status change and after allow-list edits;
// at start it restores the listeners of databases already running.
//
//   DatabaseIngress dbs(hub, access, {.address = cfg.ingressAddress});
//   dbs.start();
//
// Thread: the hub's (the relay's only) thread. Does not own the hub.

#include "databaseaccessstore.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace ttalkak::tunnel {
class TcpIngress;
class TunnelHub;
} // namespace ttalkak::tunnel

namespace ttalkak::relay {

class DatabaseIngress : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        int syncIntervalMs = 2000;
    };

    DatabaseIngress(tunnel::TunnelHub *hub, DatabaseAccessStore &access, Options options, QObject *parent = nullptr);
    ~DatabaseIngress() override;

    void start();
    void stop(); // closes every listener
    void sync();
    int listenerCount() const { return int(m_listeners.size()); }

private:
    struct Listener
    {
        tunnel::TcpIngress *ingress = nullptr;
        DatabaseAccessStore::Access access;
    };
    void close(const QString &deploymentId);

    tunnel::TunnelHub *m_hub;
    DatabaseAccessStore &m_access;
    Options m_options;
    QHash<QString, Listener> m_listeners;
    QSet<quint16> m_failedPorts; // warned once, retried on every sync
    QTimer m_timer;
};

} // namespace ttalkak::relay
