#include "usagemeter.h"

#include <bit>

namespace ttalkak::provider {

UsageMeter::UsageMeter(QObject *parent)
    : QObject(parent)
{
    m_tick.setInterval(kGraceMs);
    connect(&m_tick, &QTimer::timeout, this, [this] { closeBefore(QDateTime::currentDateTimeUtc()); });
    m_tick.start();
}

void UsageMeter::record(const QString &deploymentId, const UsagePoint &point)
{
    if (!point.time.isValid())
        return;
    const qint64 t = point.time.toSecsSinceEpoch();
    const qint64 start = t - t % 60;
    auto it = m_open.find(deploymentId);
    if (it != m_open.end() && it->start != start) {
        if (start < it->start)
            return; // a late sample of a minute already reported
        close(deploymentId, *it);
        it = m_open.end();
    }
    if (it == m_open.end())
        it = m_open.insert(deploymentId, Minute { start });
    it->seconds |= quint64(1) << (t - start);
    it->cpuSum += point.cpuPercent;
    it->memorySum += point.memoryMb;
    ++it->samples;
}

void UsageMeter::forget(const QString &deploymentId)
{
    m_open.remove(deploymentId);
}

void UsageMeter::closeBefore(const QDateTime &now, int graceMs)
{
    const qint64 cutoff = (now.toMSecsSinceEpoch() - graceMs) / 1000;
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (it->start + 60 <= cutoff) {
            const Minute m = *it;
            const QString id = it.key();
            it = m_open.erase(it);
            close(id, m);
        } else {
            ++it;
        }
    }
}

void UsageMeter::close(const QString &deploymentId, const Minute &m)
{
    const int seconds = std::popcount(m.seconds);
    if (seconds == 0 || m.samples == 0)
        return;
    UsageReport r;
    r.deploymentId = deploymentId;
    r.intervalStart = m.start;
    r.seconds = std::min(seconds, 60);
    r.cpuPercent = m.cpuSum / m.samples;
    r.memoryMb = m.memorySum / m.samples;
    Q_EMIT minuteClosed(r);
}

} // namespace ttalkak::provider
