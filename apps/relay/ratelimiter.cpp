#include "ratelimiter.h"

namespace ttalkak::relay {

qint64 RateLimiter::retryAfterMs(const QString &key, qint64 nowMs)
{
    auto it = m_events.find(key);
    if (it == m_events.end())
        return 0;
    QList<qint64> &times = it.value();
    while (!times.isEmpty() && times.constFirst() <= nowMs - m_windowMs)
        times.removeFirst();
    if (times.isEmpty()) {
        m_events.erase(it);
        return 0;
    }
    if (times.size() < m_maxEvents)
        return 0;
    return times.constFirst() + m_windowMs - nowMs;
}

void RateLimiter::recordFailure(const QString &key, qint64 nowMs)
{
    if (m_events.size() >= m_maxKeys && !m_events.contains(key))
        m_events.clear();
    QList<qint64> &times = m_events[key];
    times.append(nowMs);
    while (times.size() > m_maxEvents)
        times.removeFirst();
}

} // namespace ttalkak::relay
