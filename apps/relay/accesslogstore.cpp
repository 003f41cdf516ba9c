#include "accesslogstore.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {

const QString kTable = u"access_logs"_s;
const QString kColumns = u"id, at, deployment_id, method, path, status, latency_ms, bytes_in, bytes_out, client"_s;

AccessLogRow rowFromQuery(const QSqlQuery &q)
{
    AccessLogRow r;
    r.id = q.value(0).toLongLong();
    r.at = q.value(1).toLongLong();
    r.deploymentId = q.value(2).toString();
    r.method = q.value(3).toString();
    r.path = q.value(4).toString();
    r.status = q.value(5).toInt();
    r.latencyMs = q.value(6).toInt();
    r.bytesIn = q.value(7).toLongLong();
    r.bytesOut = q.value(8).toLongLong();
    r.client = q.value(9).toString();
    return r;
}

} // namespace

QJsonObject AccessLogRow::toJson() const
{
    return { { u"id"_s, id }, { u"at"_s, at }, { u"method"_s, method }, { u"path"_s, path }, { u"status"_s, status },
        { u"latencyMs"_s, latencyMs }, { u"bytesIn"_s, bytesIn }, { u"bytesOut"_s, bytesOut },
        { u"client"_s, client } };
}

QJsonObject MetricBucket::toJson() const
{
    return { { u"t"_s, minuteMs }, { u"requests"_s, requests },
        { u"status"_s,
            QJsonObject {
                { u"2xx"_s, status2xx }, { u"3xx"_s, status3xx }, { u"4xx"_s, status4xx }, { u"5xx"_s, status5xx } } },
        { u"latencyMs"_s, QJsonObject { { u"p50"_s, p50 }, { u"p95"_s, p95 }, { u"p99"_s, p99 } } },
        { u"bytesIn"_s, bytesIn }, { u"bytesOut"_s, bytesOut } };
}

int percentile(const QList<int> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

AccessLogStore::AccessLogStore(Database &db, LogRetention retention)
    : m_db(db)
    , m_retention(retention)
{
}

Result<int> AccessLogStore::append(const QList<AccessLogRow> &rows)
{
    QSet<QString> touched;
    auto stored = m_db.transaction<int>([&]() -> Result<int> {
        for (const AccessLogRow &r : rows) {
            const QString method = r.method.left(16);
            const QString path = r.path.left(2048);
            const QString client = r.client.left(64);
            const int size = int(64 + method.size() + path.size() + client.size());
            auto q
                = m_db.exec(u"INSERT INTO access_logs (deployment_id, at, method, path, status, latency_ms, bytes_in,"
                            " bytes_out, client, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                    { r.deploymentId, r.at, method, path, r.status, std::max(0, r.latencyMs), r.bytesIn, r.bytesOut,
                        client, size });
            if (!q)
                return q.error();
            touched.insert(r.deploymentId);
        }
        return int(rows.size());
    });
    if (!stored)
        return stored;
    const qint64 now = Database::nowMs();
    for (const QString &dep : std::as_const(touched)) {
        if (auto r = retention::enforce(m_db, kTable, dep, m_retention, now); !r)
            return r.error();
    }
    return stored;
}

Result<QList<AccessLogRow>> AccessLogStore::query(const QString &deploymentId, const LogQuery &lq) const
{
    QString sql = u"SELECT "_s + kColumns + u" FROM access_logs WHERE deployment_id = ? AND at >= ? AND at < ?"_s;
    QVariantList binds { deploymentId, lq.fromMs, lq.toMs };
    if (lq.beforeId > 0) {
        sql += u" AND id < ?"_s;
        binds << lq.beforeId;
    }
    if (!lq.text.isEmpty()) {
        sql += u" AND (LOWER(path) LIKE ? ESCAPE '\\' OR LOWER(method) LIKE ? ESCAPE '\\' OR client LIKE ? ESCAPE '\\')"_s;
        const QString like = likePattern(lq.text);
        binds << like << like << like;
    }
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    binds << lq.limit;
    auto q = m_db.exec(sql, binds);
    if (!q)
        return q.error();
    QList<AccessLogRow> out;
    while (q->next())
        out.append(rowFromQuery(*q));
    return out;
}

Result<QList<AccessLogRow>> AccessLogStore::rows(
    const QString &deploymentId, qint64 fromMs, qint64 toMs, int limit) const
{
    auto q = m_db.exec(u"SELECT "_s + kColumns
            + u" FROM access_logs WHERE deployment_id = ? AND at >= ? AND at < ? ORDER BY at, id LIMIT ?"_s,
        { deploymentId, fromMs, toMs, limit });
    if (!q)
        return q.error();
    QList<AccessLogRow> out;
    while (q->next())
        out.append(rowFromQuery(*q));
    return out;
}

Result<QList<MetricBucket>> AccessLogStore::buckets(const QString &deploymentId, qint64 fromMs, qint64 toMs) const
{
    // Percentiles do not merge, so buckets are computed from the rows (bounded by retention and
    // by the REST API's range limit) rather than kept as running aggregates.
    auto q = m_db.exec(u"SELECT at, status, latency_ms, bytes_in, bytes_out FROM access_logs"
                       " WHERE deployment_id = ? AND at >= ? AND at < ? ORDER BY at"_s,
        { deploymentId, fromMs, toMs });
    if (!q)
        return q.error();
    QList<MetricBucket> out;
    QList<int> latencies;
    auto close = [&] {
        if (out.isEmpty())
            return;
        std::sort(latencies.begin(), latencies.end());
        MetricBucket &b = out.last();
        b.p50 = percentile(latencies, 50);
        b.p95 = percentile(latencies, 95);
        b.p99 = percentile(latencies, 99);
        latencies.clear();
    };
    while (q->next()) {
        const qint64 minute = q->value(0).toLongLong() / 60000 * 60000;
        if (out.isEmpty() || out.last().minuteMs != minute) {
            close();
            out.append(MetricBucket {});
            out.last().minuteMs = minute;
        }
        MetricBucket &b = out.last();
        const int status = q->value(1).toInt();
        ++b.requests;
        if (status >= 500)
            ++b.status5xx;
        else if (status >= 400)
            ++b.status4xx;
        else if (status >= 300)
            ++b.status3xx;
        else
            ++b.status2xx;
        latencies.append(q->value(2).toInt());
        b.bytesIn += q->value(3).toLongLong();
        b.bytesOut += q->value(4).toLongLong();
    }
    close();
    return out;
}

Result<qint64> AccessLogStore::latestId(const QString &deploymentId) const
{
    auto q = m_db.exec(u"SELECT COALESCE(MAX(id), 0) FROM access_logs WHERE deployment_id = ?"_s, { deploymentId });
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<int> AccessLogStore::sweep(qint64 nowMs)
{
    return retention::sweep(m_db, kTable, m_retention, nowMs);
}

} // namespace ttalkak::relay
