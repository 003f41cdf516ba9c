#include "egressguard.h"
#include "logging.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>

#include <unistd.h>

namespace ttalkak::provider {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

EgressGuard::EgressGuard(QString iptables)
    : m_iptables(std::move(iptables))
{
}

QStringList EgressGuard::blockedRanges()
{
    return { u"10.0.0.0/8"_s, u"172.16.0.0/12"_s, u"192.168.0.0/16"_s, u"169.254.0.0/16"_s, u"100.64.0.0/10"_s,
        u"224.0.0.0/4"_s };
}

core::Result<QString> EgressGuard::normalizedSubnet(const QString &subnet)
{
    const auto parsed = QHostAddress::parseSubnet(subnet);
    if (parsed.first.isNull() || parsed.first.protocol() != QAbstractSocket::IPv4Protocol || parsed.second < 8
        || parsed.second > 30)
        return Error(ErrorCode::InvalidInput, u"not an IPv4 subnet: "_s + subnet.left(64));
    return QString(parsed.first.toString() + u'/' + QString::number(parsed.second));
}

QStringList EgressGuard::ipv4Subnets(const QJsonObject &networkInspect)
{
    QStringList out;
    for (const QJsonValue &c : networkInspect.value(u"IPAM"_s).toObject().value(u"Config"_s).toArray()) {
        if (auto s = normalizedSubnet(c.toObject().value(u"Subnet"_s).toString()))
            out.append(*s);
    }
    return out;
}

core::Result<QString> EgressGuard::run(const QStringList &args) const
{
    QProcess p;
    p.setProgram(m_iptables);
    p.setArguments(QStringList { u"-w"_s, u"5"_s } + args); // wait for the xtables lock
    p.start();
    if (!p.waitForFinished(10000)) {
        p.kill();
        return Error(ErrorCode::Unavailable, m_iptables + u": "_s + p.errorString());
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return Error(ErrorCode::Remote, QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}

bool EgressGuard::isAvailable() const
{
    if (m_available >= 0)
        return m_available == 1;
    m_available = 0;
    if (::geteuid() != 0) {
        m_reason = QStringLiteral("the provider does not run as root");
        return false;
    }
    if (auto r = run({ u"-S"_s, u"DOCKER-USER"_s }); !r) {
        m_reason = r.error().message();
        return false;
    }
    m_available = 1;
    return true;
}

QList<QStringList> EgressGuard::rulesFor(const QString &subnet) const
{
    const QStringList tag { u"-m"_s, u"comment"_s, u"--comment"_s, u"ttalkak:"_s + subnet };
    const QStringList replies { u"-m"_s, u"conntrack"_s, u"--ctstate"_s, u"ESTABLISHED,RELATED"_s };
    QList<QStringList> rules; // chain, then the rule; in the order they must be evaluated
    rules.append(QStringList { u"DOCKER-USER"_s, u"-s"_s, subnet } + replies + tag + QStringList { u"-j"_s, u"RETURN"_s });
    for (const QString &range : blockedRanges())
        rules.append(QStringList { u"DOCKER-USER"_s, u"-s"_s, subnet, u"-d"_s, range } + tag + QStringList { u"-j"_s, u"DROP"_s });
    rules.append(QStringList { u"INPUT"_s, u"-s"_s, subnet } + replies + tag + QStringList { u"-j"_s, u"ACCEPT"_s });
    rules.append(QStringList { u"INPUT"_s, u"-s"_s, subnet } + tag + QStringList { u"-j"_s, u"DROP"_s });
    return rules;
}

core::Result<void> EgressGuard::protect(const QString &subnet)
{
    auto s = normalizedSubnet(subnet);
    if (!s)
        return s.error();
    if (!isAvailable())
        return Error(ErrorCode::Unavailable, m_reason);
    (void)release(*s); // a restart re-protects: never the same rules twice
    // Insert at the top of each chain, last rule first, so they end up in evaluation order.
    const QList<QStringList> rules = rulesFor(*s);
    for (auto it = rules.crbegin(); it != rules.crend(); ++it) {
        QStringList args { u"-I"_s, it->first() };
        args += it->mid(1);
        if (auto r = run(args); !r) {
            (void)release(*s);
            return r.error();
        }
    }
    qCInfo(lcEngine).noquote() << "egress of" << *s << "limited to the public internet";
    return core::ok();
}

core::Result<void> EgressGuard::release(const QString &subnet)
{
    auto s = normalizedSubnet(subnet);
    if (!s)
        return s.error();
    if (!isAvailable())
        return core::ok();
    for (const QStringList &rule : rulesFor(*s)) {
        QStringList args { u"-D"_s, rule.first() };
        args += rule.mid(1);
        while (run(args)) { } // duplicates from an older run go too
    }
    return core::ok();
}

} // namespace ttalkak::provider
