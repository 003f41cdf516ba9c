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
// Docker's DOCKER-USER chain. iptables and iptables-restore run as programs with fixed argument
// lists — no shell; the only variable text is a subnet this class parsed itself, and the listing
// of rules it tagged. Every rule carries the comment "ttalkak:<subnet>" so release() removes
// exactly those. A change is one `iptables -S` plus one `iptables-restore --noflush`.
// Thread: blocking calls of a few milliseconds; call from the engine's thread.

#include <core/result.h>

#include <QByteArray>
#include <QJsonObject>
#include <QMultiMap>
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
    // Removes the rules of every subnet not in `keep` (networks a killed provider, or someone
    // with the docker CLI, removed without release()): left behind, they would filter whatever
    // network Docker next gives that subnet. Returns the subnets released.
    core::Result<QStringList> releaseAllExcept(const QStringList &keep);

    static QStringList blockedRanges();
    // "172.18.0.0/16" → itself; anything that is not an IPv4 CIDR → InvalidInput.
    static core::Result<QString> normalizedSubnet(const QString &subnet);
    // The IPv4 subnets of a network, from Docker's inspect answer (IPAM.Config[].Subnet).
    static QStringList ipv4Subnets(const QJsonObject &networkInspect);

private:
    core::Result<QString> run(const QStringList &args) const;
    core::Result<QString> restore(const QByteArray &script) const;
    core::Result<QString> execute(const QString &program, const QStringList &args, const QByteArray &input) const;
    // iptables-restore lines deleting every rule tagged for this subnet (empty: none).
    core::Result<QByteArray> deletions(const QString &subnet) const;
    // Every tagged rule as an iptables-restore deletion line, keyed by its subnet.
    core::Result<QMultiMap<QString, QByteArray>> taggedRules() const;
    QList<QStringList> rulesFor(const QString &subnet) const;

    QString m_iptables;
    mutable int m_available = -1; // unknown, 0, 1
    mutable QString m_reason;
};

} // namespace ttalkak::provider
