#include "tcpingress.h"

#include "listener_p.h"
#include "logging.h"
#include "socketbridge.h"
#include "stream.h"
#include "tunnelhub.h"

#include <QElapsedTimer>
#include <QTcpSocket>

namespace ttalkak::tunnel {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

TcpIngress::TcpIngress(TunnelHub *hub, Route route, QList<Subnet> allowList, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_route(std::move(route))
    , m_allow(std::move(allowList))
    , m_listener(new Internal::Listener(this))
{
    connect(m_listener, &Internal::Listener::accepted, this, [this](QTcpSocket *socket) {
        const QHostAddress peer = socket->peerAddress();
        QString reason;
        if (!isAllowed(peer))
            reason = u"address not on the allow-list"_s;
        else if (m_route.maxConnections > 0 && m_active >= m_route.maxConnections)
            reason = u"connection limit reached"_s;
        Stream *stream
            = reason.isEmpty() ? m_hub->openStream(m_route.machineId, m_route.deployment, m_route.port) : nullptr;
        if (reason.isEmpty() && !stream)
            reason = u"provider offline"_s;
        if (!reason.isEmpty()) {
            qCWarning(lcTcpIngress) << "refused" << peer << "for" << m_route.deployment << ":" << reason;
            socket->abort();
            socket->deleteLater();
            Q_EMIT connectionRefused(peer, reason);
            return;
        }
        auto *bridge = new SocketBridge(stream, socket, 10000, this);
        ++m_active;
        QElapsedTimer clock;
        clock.start();
        connect(bridge, &SocketBridge::finished, this, [this, peer, clock](qint64 in, qint64 out, const QString &) {
            --m_active;
            Q_EMIT connectionClosed(peer, in, out, clock.elapsed());
        });
    });
}

TcpIngress::~TcpIngress() = default;

TcpIngress::Subnet TcpIngress::host(const QHostAddress &address)
{
    return { address, address.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32 };
}

bool TcpIngress::isAllowed(const QHostAddress &address) const
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    const QHostAddress plain = mapped ? QHostAddress(v4) : address;
    for (const Subnet &subnet : m_allow) {
        if (plain.isInSubnet(subnet.first, subnet.second))
            return true;
    }
    return false;
}

core::Result<void> TcpIngress::listen(const QHostAddress &address, quint16 port)
{
    if (!m_listener->listen(address, port))
        return Error(ErrorCode::Io,
            tr("Cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(m_listener->errorString()));
    qCInfo(lcTcpIngress) << "TCP ingress for" << m_route.deployment << "on" << address << m_listener->serverPort();
    return core::ok();
}

quint16 TcpIngress::serverPort() const
{
    return m_listener->serverPort();
}

void TcpIngress::close()
{
    m_listener->close();
}

} // namespace ttalkak::tunnel
