#include "metricsaggregator.h"

#include "logging.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace ttalkak::tunnel {

MetricsAggregator::MetricsAggregator(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<MetricsBucket>();
    connect(m_timer, &QTimer::timeout, this, [this] { flush(QDateTime::currentDateTimeUtc()); });
}

void MetricsAggregator::start(int checkIntervalMs)
{
    m_timer->start(checkIntervalMs);
}

void MetricsAggregator::record(const AccessLogEntry &entry)
{
    const qint64 secs = entry.time.toSecsSinceEpoch();
    const qint64 minute = secs - (secs % 60 + 60) % 60;
    Open &open = m_open[{ entry.deployment, minute }];
    MetricsBucket &b = open.bucket;
    if (b.requests == 0) {
        b.deployment = entry.deployment;
        b.minute = QDateTime::fromSecsSinceEpoch(minute, Qt::UTC);
    }
    ++b.requests;
    const int cls = entry.status / 100;
    ++b.statusClasses[cls >= 1 && cls <= 5 ? cls : 0];
    b.bytesIn += entry.bytesIn;
    b.bytesOut += entry.bytesOut;
    ++open.seen;
    if (open.latencies.size() < size_t(kMaxSamples)) {
        open.latencies.push_back(entry.latencyUs);
    } else {
        // Reservoir sampling (xorshift; no need for a good generator here).
        m_rng ^= m_rng << 13;
        m_rng ^= m_rng >> 7;
        m_rng ^= m_rng << 17;
        const quint64 slot = m_rng % open.seen;
        if (slot < quint64(kMaxSamples))
            open.latencies[size_t(slot)] = entry.latencyUs;
    }
}

qint64 MetricsAggregator::percentile(std::vector<qint64> &samples, double p)
{
    if (samples.empty())
        return 0;
    // Nearest-rank: the smallest value with at least p% of samples at or below it.
    const size_t rank = size_t(std::max(1.0, std::ceil(p / 100.0 * double(samples.size()))));
    const auto nth = samples.begin() + std::ptrdiff_t(rank - 1);
    std::nth_element(samples.begin(), nth, samples.end());
    return *nth;
}

void MetricsAggregator::close(Open &open)
{
    open.bucket.latencyP50Us = percentile(open.latencies, 50);
    open.bucket.latencyP95Us = percentile(open.latencies, 95);
    open.bucket.latencyP99Us = percentile(open.latencies, 99);
    Q_EMIT bucketClosed(open.bucket);
}

void MetricsAggregator::flush(const QDateTime &now)
{
    const qint64 cutoff = now.toSecsSinceEpoch() - m_graceSeconds;
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (it.key().second + 60 <= cutoff) {
            close(it.value());
            it = m_open.erase(it);
        } else {
            ++it;
        }
    }
}

void MetricsAggregator::flushAll()
{
    for (auto it = m_open.begin(); it != m_open.end(); ++it)
        close(it.value());
    m_open.clear();
}

} // namespace ttalkak::tunnel
