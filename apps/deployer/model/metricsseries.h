#pragma once
// MetricsSeries: chart-ready series from the relay's metrics answers
// (GET /v1/deployments/{id}/metrics: per-minute buckets, minutes without
// requests absent). Counts are shown per minute: minute bins as they are,
// wider bins (7 days → hourly) averaged per minute. Missing bins count as zero
// requests; latency has no point where there were no requests.
//
//   auto s = MetricsSeries::build(answers, from, to, MetricsSeries::binFor(to - from));
//   s.requests  // QList<QPointF>{ x = bin start (epoch ms), y = requests/min }

#include <QJsonObject>
#include <QList>
#include <QPointF>

namespace ttalkak::deployer {

struct MetricsSeries
{
    static constexpr qint64 MinuteMs = 60'000;
    static constexpr qint64 HourMs = 3'600'000;
    static constexpr qint64 MaxCallMs = 24 * HourMs; // the relay answers at most 24 h per call

    QList<QPointF> requests;
    QList<QPointF> status2xx, status3xx, status4xx, status5xx;
    QList<QPointF> latencyP50, latencyP95;
    QList<QPointF> bytesIn, bytesOut; // bytes per minute
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 binMs = MinuteMs;
    qint64 totalRequests = 0;
    double maxRequests = 0;

    // Minute bins up to 24 h, hourly bins beyond.
    static qint64 binFor(qint64 rangeMs) { return rangeMs > MaxCallMs ? HourMs : MinuteMs; }
    // [from, to) split into the ≤ 24 h windows the relay accepts, oldest first.
    static QList<QPair<qint64, qint64>> chunks(qint64 fromMs, qint64 toMs);
    static MetricsSeries build(const QList<QJsonObject> &answers, qint64 fromMs, qint64 toMs, qint64 binMs);
};

} // namespace ttalkak::deployer
