#pragma once
// EgressGuard: keeps a deployment's containers from reaching this machine and the owner's
// private networks. Per deployment network (its IPv4 subnet) it adds packet-filter rules:
//   DOCKER-USER (forwarded traffic): replies pass; new connections to 10/8, 172.16/12,
//     192.168/16, 169.254/16, 100.64/10 and 224/4 are dropped;
//   INPUT (traffic to this host, e.g. the bridge gateway): replies pass; everything else drops.
// The public internet stays reachable, and the tunnel still reaches the container (connections
// the host opens are replies from the container's side).
//
// "Where the host allows": it needs root and iptables (Debian's docker.io brings it) with
// Docker's DOCKER-USER chain. iptables runs as a program with a fixed argument list — no shell,
// and the only variable argument is a subnet this class parsed itself. Every rule carries the
// comment "ttalkak:<subnet>" so release() removes exactly those.
// Thread: blocking calls of a few milliseconds; call from the engine's thread.

#include <core/result.h>

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ttalkak::provider {

class EgressGuard
{
public:
    explicit EgressGuard(QString iptables = QStringLiteral("iptables"));

    // Root, iptables runs, and the DOCKER-USER chain exists. Checked once.
    bool isAvailable() const;
    QString unavailableReason() const { return m_reason; }

    core::Result<void> protect(const QString &subnet);
    core::Result<void> release(const QString &subnet);

    static QStringList blockedRanges();
    // "172.18.0.0/16" → itself; anything that is not an IPv4 CIDR → InvalidInput.
    static core::Result<QString> normalizedSubnet(const QString &subnet);
    // The IPv4 subnets of a network, from Docker's inspect answer (IPAM.Config[].Subnet).
    static QStringList ipv4Subnets(const QJsonObject &networkInspect);

private:
    core::Result<QString> run(const QStringList &args) const;
    QList<QStringList> rulesFor(const QString &subnet) const;

    QString m_iptables;
    mutable int m_available = -1; // unknown, 0, 1
    mutable QString m_reason;
};

} // namespace ttalkak::provider
