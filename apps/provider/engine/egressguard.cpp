#include "egressguard.h"
#include "logging.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

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
    return execute(m_iptables, QStringList { u"-w"_s, u"5"_s } + args, {}); // wait for the xtables lock
}

core::Result<QString> EgressGuard::restore(const QByteArray &script) const
{
    // One iptables-restore for a whole change instead of one iptables per rule: a deployment's
    // start went from ~20 processes to two (the listing and this).
    return execute(m_iptables + u"-restore"_s, { u"-w"_s, u"5"_s, u"--noflush"_s }, script);
}

core::Result<QString> EgressGuard::execute(
    const QString &program, const QStringList &args, const QByteArray &input) const
{
    QProcess p;
    p.setProgram(program);
    p.setArguments(args);
    p.start();
    if (!input.isEmpty()) {
        p.write(input);
        p.closeWriteChannel();
    }
    if (!p.waitForFinished(10000)) {
        p.kill();
        return Error(ErrorCode::Unavailable, program + u": "_s + p.errorString());
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
    rules.append(
        QStringList { u"DOCKER-USER"_s, u"-s"_s, subnet } + replies + tag + QStringList { u"-j"_s, u"RETURN"_s });
    for (const QString &range : blockedRanges())
        rules.append(QStringList { u"DOCKER-USER"_s, u"-s"_s, subnet, u"-d"_s, range } + tag
            + QStringList { u"-j"_s, u"DROP"_s });
    rules.append(QStringList { u"INPUT"_s, u"-s"_s, subnet } + replies + tag + QStringList { u"-j"_s, u"ACCEPT"_s });
    rules.append(QStringList { u"INPUT"_s, u"-s"_s, subnet } + tag + QStringList { u"-j"_s, u"DROP"_s });
    return rules;
}

core::Result<QMultiMap<QString, QByteArray>> EgressGuard::taggedRules() const
{
    auto listing = run({ u"-S"_s });
    if (!listing)
        return listing.error();
    static const QRegularExpression tag(uR"(ttalkak:([0-9.]+/[0-9]+)(?:"|\s|$))"_s);
    QMultiMap<QString, QByteArray> rules;
    for (const QString &line : listing->split(u'\n')) {
        if (!line.startsWith(u"-A "_s))
            continue;
        if (const QRegularExpressionMatch m = tag.match(line); m.hasMatch())
            rules.insert(m.captured(1), "-D " + line.mid(3).toLocal8Bit() + '\n');
    }
    return rules;
}

core::Result<QByteArray> EgressGuard::deletions(const QString &subnet) const
{
    // Whatever carries our tag goes, including duplicates an older run may have left.
    auto rules = taggedRules();
    if (!rules)
        return rules.error();
    QByteArray lines;
    for (const QByteArray &line : rules->values(subnet))
        lines += line;
    return lines;
}

core::Result<QStringList> EgressGuard::releaseAllExcept(const QStringList &keep)
{
    if (!isAvailable())
        return QStringList();
    auto rules = taggedRules();
    if (!rules)
        return rules.error();
    QStringList released;
    QByteArray script = "*filter\n";
    for (auto it = rules->cbegin(); it != rules->cend(); ++it) {
        if (keep.contains(it.key()))
            continue;
        script += it.value();
        if (!released.contains(it.key()))
            released.append(it.key());
    }
    if (released.isEmpty())
        return released;
    if (auto r = restore(script + "COMMIT\n"); !r)
        return r.error();
    return released;
}

core::Result<void> EgressGuard::protect(const QString &subnet)
{
    auto s = normalizedSubnet(subnet);
    if (!s)
        return s.error();
    if (!isAvailable())
        return Error(ErrorCode::Unavailable, m_reason);
    auto stale = deletions(*s); // a restart re-protects: never the same rules twice
    if (!stale)
        return stale.error();
    QByteArray script = "*filter\n" + *stale;
    // Each insert goes to the top of its chain, so the last rule goes in first.
    const QList<QStringList> rules = rulesFor(*s);
    for (auto it = rules.crbegin(); it != rules.crend(); ++it)
        script += "-I " + it->join(u' ').toLocal8Bit() + '\n';
    script += "COMMIT\n";
    if (auto r = restore(script); !r) {
        (void)release(*s);
        return r.error();
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
    auto stale = deletions(*s);
    if (!stale)
        return stale.error();
    if (stale->isEmpty())
        return core::ok();
    if (auto r = restore("*filter\n" + *stale + "COMMIT\n"); !r)
        return r.error();
    return core::ok();
}

} // namespace ttalkak::provider
