#pragma once
// MetricsRegistry: counters and gauges rendered in the Prometheus text format for /metrics.
// Gauges are callbacks evaluated at scrape time. Single-threaded.

#include <QByteArray>
#include <QList>
#include <QMap>

#include <functional>

namespace ttalkak::relay {

class MetricsRegistry
{
public:
    void increment(const QByteArray &nameWithLabels, qint64 by = 1) { m_counters[nameWithLabels] += by; }
    void addGauge(const QByteArray &name, const QByteArray &help, std::function<qint64()> value);
    QByteArray render() const;

private:
    struct Gauge
    {
        QByteArray name;
        QByteArray help;
        std::function<qint64()> value;
    };
    QMap<QByteArray, qint64> m_counters;
    QList<Gauge> m_gauges;
};

} // namespace ttalkak::relay
