#pragma once
// MetricsAggregator: folds access-log rows into per-deployment, per-minute buckets (requests,
// status classes, latency p50/p95/p99, bytes) and hands each closed minute to the relay through
// bucketClosed(); it stores nothing itself. A minute closes once the clock has passed it plus a
// grace period (late rows of long requests still land in their minute).
//
//   MetricsAggregator metrics;
//   connect(&ingress, &HttpIngress::requestLogged, &metrics, &MetricsAggregator::record);
//   connect(&metrics, &MetricsAggregator::bucketClosed, &store, &Store::saveMetrics);
//   metrics.start();                 // checks every few seconds; flush(now) to drive it by hand
//
// Memory: latencies are kept exactly up to kMaxSamples per bucket, then reservoir-sampled.
// Thread: its own thread only.

#include "accesslogentry.h"
#include "metricsbucket.h"

#include <QHash>
#include <QObject>

#include <vector>

class QTimer;

namespace ttalkak::tunnel {

class MetricsAggregator : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxSamples = 20000;

    explicit MetricsAggregator(QObject *parent = nullptr);
    void setGraceSeconds(int seconds) { m_graceSeconds = seconds; }

    void start(int checkIntervalMs = 5000);
    void record(const ttalkak::tunnel::AccessLogEntry &entry);
    // Closes every bucket whose minute ended more than the grace period before `now`.
    void flush(const QDateTime &now);
    void flushAll();
    int openBuckets() const { return int(m_open.size()); }

    static qint64 percentile(std::vector<qint64> &samples, double p);

Q_SIGNALS:
    void bucketClosed(const ttalkak::tunnel::MetricsBucket &bucket);

private:
    struct Open
    {
        MetricsBucket bucket;
        std::vector<qint64> latencies;
        quint64 seen = 0;
    };
    void close(Open &open);

    QHash<QPair<QString, qint64>, Open> m_open; // (deployment, minute as epoch seconds)
    QTimer *m_timer;
    int m_graceSeconds = 5;
    quint64 m_rng = 0x9E3779B97F4A7C15ull;
};

} // namespace ttalkak::tunnel
