#pragma once
// RateLimiter: at most `maxEvents` failures per key within a sliding window. In memory on purpose:
// after a restart an attacker gets one fresh window, which costs less than a write per attempt.
// Memory is bounded (keys beyond maxKeys evict the whole table).

#include <QHash>
#include <QList>
#include <QString>

namespace ttalkak::relay {

class RateLimiter
{
public:
    RateLimiter(int maxEvents, qint64 windowMs, int maxKeys = 100000)
        : m_maxEvents(maxEvents), m_windowMs(windowMs), m_maxKeys(maxKeys) {}

    // 0 when allowed, otherwise milliseconds until the next attempt is allowed.
    qint64 retryAfterMs(const QString &key, qint64 nowMs);
    void recordFailure(const QString &key, qint64 nowMs);
    void reset(const QString &key) { m_events.remove(key); }

private:
    int m_maxEvents;
    qint64 m_windowMs;
    int m_maxKeys;
    QHash<QString, QList<qint64>> m_events;
};

} // namespace ttalkak::relay
