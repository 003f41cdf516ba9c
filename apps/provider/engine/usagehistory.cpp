#include "usagehistory.h"

namespace ttalkak::provider {

UsageHistory::UsageHistory(int capacity)
    : m_capacity(qMax(1, capacity))
{
    m_points.reserve(m_capacity);
}

UsagePoint UsageHistory::append(const docker::StatsSample &s)
{
    UsagePoint p;
    p.time = s.read.isValid() ? s.read : QDateTime::currentDateTimeUtc();
    p.cpuPercent = s.cpuPercent;
    p.memoryMb = s.memoryBytes / (1024.0 * 1024.0);
    p.memoryLimitMb = s.memoryLimit / (1024.0 * 1024.0);
    if (m_hasPrevious && m_previous.read.isValid() && s.read.isValid()) {
        const double seconds = m_previous.read.msecsTo(s.read) / 1000.0;
        if (seconds > 0) {
            p.rxBytesPerSecond = qMax(0.0, s.networkRx - m_previous.networkRx) / seconds;
            p.txBytesPerSecond = qMax(0.0, s.networkTx - m_previous.networkTx) / seconds;
        }
    }
    m_previous = s;
    m_hasPrevious = true;
    append(p);
    return p;
}

void UsageHistory::append(const UsagePoint &point)
{
    if (m_points.size() < m_capacity) {
        m_points.append(point);
        return;
    }
    m_points[m_head] = point;
    m_head = (m_head + 1) % m_capacity;
}

QList<UsagePoint> UsageHistory::points() const
{
    if (m_head == 0)
        return m_points;
    return m_points.mid(m_head) + m_points.first(m_head);
}

UsagePoint UsageHistory::last() const
{
    if (m_points.isEmpty())
        return {};
    return m_points.at((m_head + m_capacity - 1) % int(m_points.size()));
}

void UsageHistory::clear()
{
    m_points.clear();
    m_head = 0;
    m_hasPrevious = false;
}

} // namespace ttalkak::provider
