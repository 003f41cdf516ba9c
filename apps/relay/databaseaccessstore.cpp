#include "databaseaccessstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {

QString toText(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList fromText(const QString &text)
{
    QStringList out;
    const QJsonArray items = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : items)
        out << v.toString();
    return out;
}

const QString kSelect = u"SELECT i.deployment_id, i.public_port, i.allow_list, d.state, d.provider_id, d.ingress_port"
                        " FROM database_ingress i JOIN deployments d ON d.id = i.deployment_id"_s;

DatabaseAccessStore::Access fromQuery(const QSqlQuery &q)
{
    return { q.value(0).toString(), quint16(q.value(1).toInt()), fromText(q.value(2).toString()), q.value(3).toString(),
        q.value(4).toString(), quint16(q.value(5).toInt()) };
}

} // namespace

Result<quint16> DatabaseAccessStore::allocate(
    const QString &deploymentId, const QStringList &allowList, quint16 from, quint16 to)
{
    return m_db.transaction<quint16>([&]() -> Result<quint16> {
        // Ports of deleted databases are free again.
        if (auto d = m_db.exec(
                u"DELETE FROM database_ingress WHERE deployment_id IN (SELECT id FROM deployments WHERE state = 'deleted')"_s);
            !d)
            return d.error();
        auto used
            = m_db.exec(u"SELECT public_port FROM database_ingress WHERE public_port BETWEEN ? AND ?"_s, { from, to });
        if (!used)
            return used.error();
        QSet<int> taken;
        while (used->next())
            taken.insert(used->value(0).toInt());
        for (int port = from; port <= to; ++port) {
            if (taken.contains(port))
                continue;
            auto i = m_db.exec(
                u"INSERT INTO database_ingress (deployment_id, public_port, allow_list, updated_at) VALUES (?, ?, ?, ?)"_s,
                { deploymentId, port, toText(allowList), Database::nowMs() });
            if (!i)
                return i.error();
            return quint16(port);
        }
        return Error(ErrorCode::Unavailable,
            QCoreApplication::translate(
                "DatabaseAccessStore", "no free database port left on this relay; try again later"));
    });
}

Result<std::optional<DatabaseAccessStore::Access>> DatabaseAccessStore::access(const QString &deploymentId) const
{
    auto q = m_db.exec(kSelect + u" WHERE i.deployment_id = ?"_s, { deploymentId });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Access>();
    return std::optional<Access>(fromQuery(*q));
}

Result<void> DatabaseAccessStore::setAllowList(const QString &deploymentId, const QStringList &allowList)
{
    auto n = m_db.execCount(u"UPDATE database_ingress SET allow_list = ?, updated_at = ? WHERE deployment_id = ?"_s,
        { toText(allowList), Database::nowMs(), deploymentId });
    if (!n)
        return n.error();
    if (*n != 1)
        return Error(ErrorCode::NotFound,
            QCoreApplication::translate("DatabaseAccessStore", "this database has no public port"));
    return {};
}

Result<QList<DatabaseAccessStore::Access>> DatabaseAccessStore::live() const
{
    auto q = m_db.exec(kSelect + u" WHERE d.state <> 'deleted' ORDER BY i.public_port"_s);
    if (!q)
        return q.error();
    QList<Access> out;
    while (q->next())
        out << fromQuery(*q);
    return out;
}

} // namespace ttalkak::relay
