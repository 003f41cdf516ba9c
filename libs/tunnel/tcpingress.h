#pragma once
// TcpIngress: one public relay port for one database deployment. Each accepted client whose
// address is on the owner's allow-list is streamed through the tunnel to the deployment's port;
// anyone else is disconnected at once (logged, connectionRefused()).
//
//   TcpIngress pg(&hub, route, {QHostAddress(u"198.51.100.7"_s)});    // or subnets, see allow()
//   pg.listen(QHostAddress::Any, 15432);
//
// Ownership: a QObject; owns its listener and bridges, not the hub. Thread: the hub's thread.
// Signals: connectionRefused per rejected client, connectionClosed per finished client (for
// metering: bytes each way and duration).

#include "route.h"

#include <core/result.h>

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>

namespace ttalkak::tunnel {

namespace Internal {
class Listener;
}
class TunnelHub;

class TcpIngress : public QObject
{
    Q_OBJECT
public:
    using Subnet = QPair<QHostAddress, int>;

    TcpIngress(TunnelHub *hub, Route route, QList<Subnet> allowList, QObject *parent = nullptr);
    ~TcpIngress() override;

    // An address alone allows exactly it; an empty list allows nobody.
    void setAllowList(QList<Subnet> allowList) { m_allow = std::move(allowList); }
    static Subnet host(const QHostAddress &address);
    bool isAllowed(const QHostAddress &address) const;

    core::Result<void> listen(const QHostAddress &address, quint16 port = 0);
    quint16 serverPort() const;
    void close();
    int activeConnections() const { return m_active; }

Q_SIGNALS:
    void connectionRefused(const QHostAddress &client, const QString &reason);
    void connectionClosed(const QHostAddress &client, qint64 bytesIn, qint64 bytesOut, qint64 durationMs);

private:
    TunnelHub *m_hub;
    Route m_route;
    QList<Subnet> m_allow;
    Internal::Listener *m_listener;
    int m_active = 0;
};

} // namespace ttalkak::tunnel
