#include "allowlist.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <optional>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay::allowlist {
namespace {

QHostAddress unmapped(const QHostAddress &address)
{
    bool v4 = false;
    const quint32 ip4 = address.toIPv4Address(&v4);
    return v4 ? QHostAddress(ip4) : address;
}

// "a.b.c.d/n" or a bare address; nullopt when malformed.
std::optional<QPair<QHostAddress, int>> parseOne(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.size() > 64)
        return std::nullopt;
    if (!t.contains(u'/')) {
        QHostAddress a;
        if (!a.setAddress(t) || a.protocol() == QAbstractSocket::UnknownNetworkLayerProtocol)
            return std::nullopt;
        a = unmapped(a);
        return QPair<QHostAddress, int>(a, a.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128);
    }
    const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(t);
    if (subnet.first.isNull() || subnet.second < 0)
        return std::nullopt;
    return subnet;
}

} // namespace

Result<QStringList> parse(const QJsonValue &value)
{
    if (!value.isArray())
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "AllowList", "allowList must be an array of CIDR strings such as \"203.0.113.7/32\""));
    const QJsonArray items = value.toArray();
    if (items.size() > 100)
        return Error(
            ErrorCode::InvalidInput, QCoreApplication::translate("AllowList", "allowList has more than 100 entries"));
    QStringList out;
    for (const QJsonValue &item : items) {
        const auto subnet = item.isString() ? parseOne(item.toString()) : std::nullopt;
        if (!subnet)
            return Error(ErrorCode::InvalidInput,
                QCoreApplication::translate("AllowList",
                    "allowList: \"%1\" is not an address or CIDR "
                    "subnet (like 203.0.113.0/24 or 2001:db8::/32)")
                    .arg(item.toString().left(64)));
        const QString normalized = subnet->first.toString() + u'/' + QString::number(subnet->second);
        if (!out.contains(normalized))
            out << normalized;
    }
    return out;
}

QStringList defaultFor(const QHostAddress &client)
{
    QStringList out;
    const QHostAddress a = unmapped(client);
    if (!a.isNull() && !a.isLoopback())
        out << a.toString() + (a.protocol() == QAbstractSocket::IPv4Protocol ? u"/32"_s : u"/128"_s);
    out << u"127.0.0.0/8"_s << u"::1/128"_s;
    return out;
}

QList<QPair<QHostAddress, int>> toSubnets(const QStringList &normalized)
{
    QList<QPair<QHostAddress, int>> out;
    for (const QString &s : normalized) {
        if (const auto subnet = parseOne(s))
            out << *subnet;
    }
    return out;
}

} // namespace ttalkak::relay::allowlist
