#include "tokenbucket.h"

#include <algorithm>
#include <cmath>

namespace ttalkak::tunnel {

TokenBucket::TokenBucket(qint64 bytesPerSecond, qint64 burst)
    : m_rate(bytesPerSecond)
    , m_burst(burst > 0 ? burst : std::max<qint64>(bytesPerSecond / 4, 64 * 1024))
    , m_tokens(double(m_burst))
{
    m_clock.start();
}

void TokenBucket::refill()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_tokens = std::min(double(m_burst), m_tokens + double(now - m_lastNs) * 1e-9 * double(m_rate));
    m_lastNs = now;
}

void TokenBucket::consume(qint64 bytes)
{
    if (!isLimited())
        return;
    refill();
    m_tokens -= double(bytes);
}

qint64 TokenBucket::available()
{
    if (!isLimited())
        return std::numeric_limits<qint64>::max();
    refill();
    return qint64(m_tokens);
}

int TokenBucket::delayMs()
{
    if (!isLimited())
        return 0;
    refill();
    if (m_tokens >= 0)
        return 0;
    return std::max(1, int(std::ceil(-m_tokens * 1000.0 / double(m_rate))));
}

} // namespace ttalkak::tunnel
