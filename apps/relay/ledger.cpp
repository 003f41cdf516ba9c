#include "ledger.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {

qint64 Ledger::price(int seconds, qint64 cpuMillis, qint64 memoryMb, qint64 cpuHour, qint64 gbHour)
{
    // 128-bit intermediate: large reservations times large prices overflow 64 bits.
    __extension__ using Int128 = __int128;
    const Int128 numerator = Int128(seconds) * (Int128(cpuMillis) * cpuHour * 1024 + Int128(memoryMb) * gbHour * 1000);
    return qint64(numerator / (Int128(3600) * 1000 * 1024));
}

Result<bool> Ledger::recordUsage(const QString &providerId, const QString &deploymentId, qint64 intervalStart, int seconds)
{
    const qint64 nowSec = Database::nowMs() / 1000;
    if (seconds < 1 || seconds > 60 || intervalStart % 60 != 0 || intervalStart > nowSec + 60 || intervalStart < nowSec - 7 * 86400)
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("Ledger", "usage needs interval = a minute start (epoch seconds, last 7 days) and seconds 1..60"));
    return m_db.transaction<bool>([&]() -> Result<bool> {
        struct Placement
        {
            QString owner;
            qint64 cpu, mem, cpuHour, gbHour;
        };
        auto placed = m_db.fetchOne(
            u"SELECT d.owner_id, d.cpu_millis, d.memory_mb, p.price_cpu_hour, p.price_gb_hour"
            " FROM deployments d JOIN providers p ON p.id = d.provider_id"
            " WHERE d.id = ? AND d.provider_id = ? AND d.state NOT IN ('queued','deleted','offered')"_s,
            {deploymentId, providerId},
            [](const QSqlQuery &q) {
                return Placement{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                                 q.value(4).toLongLong()};
            },
            QCoreApplication::translate("Ledger", "this deployment is not placed on this provider"));
        if (!placed)
            return placed.error();
        const auto &[owner, cpu, mem, cpuHour, gbHour] = *placed;
        const qint64 amount = price(seconds, cpu, mem, cpuHour, gbHour);
        const qint64 fee = amount * m_feeBasisPoints / 10000;
        const qint64 now = Database::nowMs();
        auto n = m_db.execCount(u"INSERT INTO usage_intervals (deployment_id, provider_id, interval_start, seconds, cpu_millis,"
                                " memory_mb, amount, recorded_at, price_cpu_hour, price_gb_hour)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
                                {deploymentId, providerId, intervalStart, seconds, cpu, mem, amount, now, cpuHour, gbHour});
        if (!n)
            return n.error();
        if (*n == 0)
            return false; // already charged: idempotent
        if (amount == 0)
            return true;
        const QString tx = u"usage:"_s + deploymentId + u':' + providerId + u':' + QString::number(intervalStart);
        const QList<std::pair<QString, qint64>> entries{
            {u"deployer:"_s + owner, -amount}, {u"provider:"_s + providerId, amount - fee}, {u"operator"_s, fee}};
        for (const auto &[account, value] : entries) {
            if (value == 0)
                continue;
            if (auto r = m_db.exec(u"INSERT INTO ledger_entries (tx_id, account, amount, kind, deployment_id, created_at)"
                                   " VALUES (?, ?, ?, 'usage', ?, ?)"_s,
                                   {tx, account, value, deploymentId, now});
                !r)
                return r.error();
        }
        return true;
    });
}

Result<QJsonObject> Ledger::usage(const QString &deploymentId, qint64 fromMs, qint64 toMs) const
{
    // The fee is read back from the ledger (the operator's entry of the interval's transaction),
    // so the answer is what was charged, whatever the fee rate is now.
    auto q = m_db.exec(u"SELECT u.interval_start, u.seconds, u.provider_id, u.cpu_millis, u.memory_mb, u.amount,"
                       " COALESCE(e.amount, 0), u.price_cpu_hour, u.price_gb_hour FROM usage_intervals u"
                       " LEFT JOIN ledger_entries e ON e.account = 'operator' AND e.tx_id = 'usage:' || u.deployment_id"
                       " || ':' || u.provider_id || ':' || CAST(u.interval_start AS TEXT)"
                       " WHERE u.deployment_id = ? AND u.interval_start >= ? AND u.interval_start < ?"
                       " ORDER BY u.interval_start, u.provider_id"_s,
                       {deploymentId, (fromMs + 999) / 1000, (toMs + 999) / 1000});
    if (!q)
        return q.error();
    QJsonArray items;
    qint64 seconds = 0;
    qint64 amount = 0;
    qint64 fee = 0;
    while (q->next()) {
        const QJsonValue price = q->isNull(7) ? QJsonValue()
                                              : QJsonValue(QJsonObject{{u"cpuHour"_s, q->value(7).toLongLong()},
                                                                       {u"gbHour"_s, q->value(8).toLongLong()}});
        items.append(QJsonObject{{u"interval"_s, q->value(0).toLongLong()},
                                 {u"seconds"_s, q->value(1).toLongLong()},
                                 {u"providerId"_s, q->value(2).toString()},
                                 {u"cpuMillis"_s, q->value(3).toLongLong()},
                                 {u"memoryMb"_s, q->value(4).toLongLong()},
                                 {u"amount"_s, q->value(5).toLongLong()},
                                 {u"fee"_s, q->value(6).toLongLong()},
                                 {u"price"_s, price}});
        seconds += q->value(1).toLongLong();
        amount += q->value(5).toLongLong();
        fee += q->value(6).toLongLong();
    }
    return QJsonObject{{u"deployment"_s, deploymentId},
                       {u"items"_s, items},
                       {u"total"_s, QJsonObject{{u"seconds"_s, seconds}, {u"amount"_s, amount}, {u"fee"_s, fee}}}};
}

Result<void> Ledger::grant(const QString &userId, qint64 amount, const QString &txId)
{
    if (amount <= 0)
        return {};
    return m_db.transaction<void>([&]() -> Result<void> {
        auto exists = m_db.exec(u"SELECT 1 FROM ledger_entries WHERE tx_id = ?"_s, {txId});
        if (!exists)
            return exists.error();
        if (exists->next())
            return {};
        const qint64 now = Database::nowMs();
        for (const auto &[account, value] : QList<std::pair<QString, qint64>>{{u"operator"_s, -amount}, {u"deployer:"_s + userId, amount}}) {
            if (auto r = m_db.exec(u"INSERT INTO ledger_entries (tx_id, account, amount, kind, created_at) VALUES (?, ?, ?, 'grant', ?)"_s,
                                   {txId, account, value, now});
                !r)
                return r.error();
        }
        return {};
    });
}

Result<qint64> Ledger::settle()
{
    return m_db.transaction<qint64>([&]() -> Result<qint64> {
        auto q = m_db.exec(u"SELECT (SELECT COALESCE(MAX(id), 0) FROM ledger_entries), (SELECT COALESCE(MAX(upto_id), 0) FROM settlements)"_s);
        if (!q)
            return q.error();
        if (!q->next())
            return qint64(0);
        const qint64 maxId = q->value(0).toLongLong();
        const qint64 settled = q->value(1).toLongLong();
        if (maxId <= settled)
            return qint64(0);
        if (auto r = m_db.exec(u"INSERT INTO settlements (upto_id, settled_at) VALUES (?, ?)"_s, {maxId, Database::nowMs()}); !r)
            return r.error();
        auto c = m_db.exec(u"SELECT COUNT(*) FROM ledger_entries WHERE id > ? AND id <= ?"_s, {settled, maxId});
        if (!c || !c->next())
            return qint64(0);
        qCInfo(lcLedger).noquote() << "settled" << (u"entries="_s + QString::number(c->value(0).toLongLong()))
                                   << (u"upto="_s + QString::number(maxId));
        return c->value(0).toLongLong();
    });
}

Result<qint64> Ledger::balance(const QString &account) const
{
    auto q = m_db.exec(u"SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE account = ?"_s, {account});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<QJsonObject> Ledger::providerEarnings(const QString &providerId) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate today = now.date();
    const qint64 dayStart = QDateTime(today, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 monthStart = QDateTime(QDate(today.year(), today.month(), 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 firstDay = QDateTime(today.addDays(-13), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const QString account = u"provider:"_s + providerId;
    auto totals = providerTotals(u"FROM ledger_entries e WHERE e.account = ?"_s, {account}, dayStart, monthStart);
    if (!totals)
        return totals.error();
    QJsonObject out = *totals;
    out.insert(u"unit"_s, u"micro"_s);
    // Per UTC day: integer division of the ms timestamp, portable across SQLite and PostgreSQL.
    // (PostgreSQL needs the parameter's type spelled out inside arithmetic.)
    auto d = m_db.exec(u"SELECT (created_at - CAST(? AS BIGINT)) / 86400000 AS day, SUM(amount) FROM ledger_entries"
                       " WHERE account = ? AND created_at >= ? GROUP BY day"_s,
                       {firstDay, account, firstDay});
    if (!d)
        return d.error();
    qint64 perDay[14] = {};
    while (d->next()) {
        const qint64 index = d->value(0).toLongLong();
        if (index >= 0 && index < 14)
            perDay[index] += d->value(1).toLongLong();
    }
    QJsonArray days;
    for (int i = 0; i < 14; ++i)
        days.append(QJsonObject{{u"day"_s, today.addDays(i - 13).toString(Qt::ISODate)}, {u"amount"_s, perDay[i]}});
    out.insert(u"days"_s, days);
    // Per deployment, this month, largest first (names from the deployments table when known).
    auto per = m_db.exec(u"SELECT e.deployment_id, COALESCE(MAX(d.name), ''), SUM(e.amount) FROM ledger_entries e"
                         " LEFT JOIN deployments d ON d.id = e.deployment_id"
                         " WHERE e.account = ? AND e.created_at >= ? AND e.deployment_id IS NOT NULL"
                         " GROUP BY e.deployment_id ORDER BY SUM(e.amount) DESC LIMIT 50"_s,
                         {account, monthStart});
    if (!per)
        return per.error();
    QJsonArray deployments;
    while (per->next())
        deployments.append(QJsonObject{{u"deployment"_s, per->value(0).toString()},
                                       {u"name"_s, per->value(1).toString()},
                                       {u"month"_s, per->value(2).toLongLong()}});
    out.insert(u"deployments"_s, deployments);
    return out;
}

Result<QJsonObject> Ledger::earnings(const QString &userId) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 dayStart = QDateTime(now.date(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 monthStart = QDateTime(QDate(now.date().year(), now.date().month(), 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    // Provider side: every provider machine this user owns.
    auto provider = providerTotals(
        u"FROM ledger_entries e JOIN providers pr ON e.account = 'provider:' || pr.id WHERE pr.owner_id = ?"_s,
        {userId}, dayStart, monthStart);
    if (!provider)
        return provider.error();
    auto d = m_db.exec(u"SELECT COALESCE(SUM(CASE WHEN kind = 'usage' AND created_at >= ? THEN -amount ELSE 0 END), 0),"
                       " COALESCE(SUM(CASE WHEN kind = 'usage' AND created_at >= ? THEN -amount ELSE 0 END), 0),"
                       " COALESCE(SUM(CASE WHEN kind = 'usage' THEN -amount ELSE 0 END), 0),"
                       " COALESCE(SUM(amount), 0)"
                       " FROM ledger_entries WHERE account = ?"_s,
                       {dayStart, monthStart, QString(u"deployer:"_s + userId)});
    if (!d)
        return d.error();
    QJsonObject deployer;
    if (d->next())
        deployer = QJsonObject{{u"spentToday"_s, d->value(0).toLongLong()},
                    {u"spentMonth"_s, d->value(1).toLongLong()},
                    {u"spentAllTime"_s, d->value(2).toLongLong()},
                    {u"balance"_s, d->value(3).toLongLong()}};
    return QJsonObject{{u"unit"_s, u"micro"_s}, {u"provider"_s, *provider}, {u"deployer"_s, deployer}};
}

Result<QJsonObject> Ledger::providerTotals(const QString &entries, const QVariantList &binds, qint64 dayStart,
                                           qint64 monthStart) const
{
    auto settledQ = m_db.exec(u"SELECT COALESCE(MAX(upto_id), 0) FROM settlements"_s);
    if (!settledQ)
        return settledQ.error();
    const qint64 settledUpTo = settledQ->next() ? settledQ->value(0).toLongLong() : 0;
    auto q = m_db.exec(u"SELECT COALESCE(SUM(CASE WHEN e.created_at >= ? THEN e.amount ELSE 0 END), 0),"
                       " COALESCE(SUM(CASE WHEN e.created_at >= ? THEN e.amount ELSE 0 END), 0),"
                       " COALESCE(SUM(e.amount), 0),"
                       " COALESCE(SUM(CASE WHEN e.id > ? THEN e.amount ELSE 0 END), 0) "_s
                           + entries,
                       QVariantList{dayStart, monthStart, settledUpTo} + binds);
    if (!q)
        return q.error();
    QJsonObject totals{{u"today"_s, 0}, {u"month"_s, 0}, {u"allTime"_s, 0}, {u"pending"_s, 0}, {u"settled"_s, 0}};
    if (q->next()) {
        const qint64 all = q->value(2).toLongLong();
        const qint64 pending = q->value(3).toLongLong();
        totals = {{u"today"_s, q->value(0).toLongLong()},
                  {u"month"_s, q->value(1).toLongLong()},
                  {u"allTime"_s, all},
                  {u"pending"_s, pending},
                  {u"settled"_s, all - pending}};
    }
    return totals;
}

Result<QStringList> Ledger::overdrawnUsers(qint64 graceMs)
{
    const qint64 now = Database::nowMs();
    QStringList negative;
    {
        auto q = m_db.exec(u"SELECT account FROM ledger_entries WHERE account LIKE 'deployer:%' GROUP BY account HAVING SUM(amount) < 0"_s);
        if (!q)
            return q.error();
        while (q->next())
            negative << q->value(0).toString().mid(9);
    }
    QStringList overdue;
    for (const QString &user : std::as_const(negative)) {
        if (auto r = m_db.exec(u"UPDATE users SET out_of_credit_since = ? WHERE id = ? AND out_of_credit_since IS NULL"_s, {now, user}); !r)
            return r.error();
        auto q = m_db.exec(u"SELECT out_of_credit_since FROM users WHERE id = ?"_s, {user});
        if (q && q->next() && now - q->value(0).toLongLong() >= graceMs)
            overdue << user;
    }
    // Back in credit: forget the start time.
    QString sql = u"UPDATE users SET out_of_credit_since = NULL WHERE out_of_credit_since IS NOT NULL"_s;
    QVariantList binds;
    if (!negative.isEmpty()) {
        sql += u" AND id NOT IN ("_s + QStringList(negative.size(), u"?"_s).join(u',') + u')';
        for (const QString &u : std::as_const(negative))
            binds << u;
    }
    if (auto r = m_db.exec(sql, binds); !r)
        return r.error();
    return overdue;
}

} // namespace ttalkak::relay
