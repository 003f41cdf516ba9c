#pragma once
// AccessLogStore: one row per HTTP request the relay's ingress forwarded to a deployment, and the
// per-minute metric buckets derived from them. The ingress (libs/tunnel) calls append(); the
// REST API reads query() and buckets(); the summarizer reads rows().
// Retention (LogRetention) is enforced by append() for the deployments it touched.
// Thread: the thread that owns the Database.
//
//   AccessLogStore store(db, retention);
//   store.append({{.at = now, .deploymentId = id, .method = "GET", .path = "/", .status = 200, ...}});

#include "logretention.h"

#include <QJsonObject>
#include <QList>

namespace ttalkak::relay {

struct AccessLogRow
{
    qint64 id = 0; // assigned by the store
    qint64 at = 0; // request start, epoch ms
    QString deploymentId;
    QString method;
    QString path; // without the query string is best; capped at 2048 characters
    int status = 0;
    int latencyMs = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    QString client; // client address as text
    QJsonObject toJson() const;
};

struct MetricBucket
{
    qint64 minuteMs = 0; // start of the minute
    int requests = 0;
    int status2xx = 0, status3xx = 0, status4xx = 0, status5xx = 0;
    int p50 = 0, p95 = 0, p99 = 0; // latency ms, nearest rank
    qint64 bytesIn = 0, bytesOut = 0;
    QJsonObject toJson() const;
};

// Nearest-rank percentile (0 < p <= 100) of an ascending list; 0 when empty.
int percentile(const QList<int> &sorted, double p);

class AccessLogStore
{
public:
    AccessLogStore(Database &db, LogRetention retention);

    // Stores the rows in one transaction, then applies retention to their deployments.
    core::Result<int> append(const QList<AccessLogRow> &rows);
    core::Result<QList<AccessLogRow>> query(const QString &deploymentId, const LogQuery &q) const;
    // Every row in [fromMs, toMs), oldest first, at most `limit`.
    core::Result<QList<AccessLogRow>> rows(
        const QString &deploymentId, qint64 fromMs, qint64 toMs, int limit = 200000) const;
    // Minute buckets in [fromMs, toMs) that have requests, oldest first.
    core::Result<QList<MetricBucket>> buckets(const QString &deploymentId, qint64 fromMs, qint64 toMs) const;
    core::Result<int> sweep(qint64 nowMs);
    // Id of the deployment's newest row, 0 when none: a cheap "new requests?" check.
    core::Result<qint64> latestId(const QString &deploymentId) const;

private:
    Database &m_db;
    LogRetention m_retention;
};

} // namespace ttalkak::relay
