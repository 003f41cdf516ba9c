#pragma once
// A database's allow-list as its owner writes it: a JSON array of CIDR strings ("203.0.113.7/32",
// "10.0.0.0/8", "2001:db8::/32"; a bare address means just it), normalized to "address/prefix"
// for storage, and turned into TcpIngress subnets.

#include <core/result.h>

#include <QHostAddress>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QStringList>

namespace ttalkak::relay::allowlist {

// InvalidInput names the bad entry. At most 100 entries; an empty list (nobody) is allowed.
core::Result<QStringList> parse(const QJsonValue &value);
// The creating client's address alone (/32 or /128; IPv4-mapped as IPv4) plus loopback.
QStringList defaultFor(const QHostAddress &client);
QList<QPair<QHostAddress, int>> toSubnets(const QStringList &normalized);

} // namespace ttalkak::relay::allowlist
