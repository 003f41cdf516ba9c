#pragma once
// MetricsBucket: one deployment's traffic in one UTC minute, as MetricsAggregator closes it.
// The relay persists these (docs/protocol.md, tunnel section); percentiles are of latency in microseconds.

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <array>

namespace ttalkak::tunnel {

struct MetricsBucket
{
    QString deployment;
    QDateTime minute; // UTC, seconds = 0
    qint64 requests = 0;
    std::array<qint64, 6> statusClasses {}; // index 1..5 = 1xx..5xx; 0 = anything else
    qint64 latencyP50Us = 0;
    qint64 latencyP95Us = 0;
    qint64 latencyP99Us = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
};

} // namespace ttalkak::tunnel

Q_DECLARE_METATYPE(ttalkak::tunnel::MetricsBucket)
