#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace ttalkak::tunnel {

Backoff::Backoff(BackoffPolicy policy)
    : m_policy(policy)
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
}

int Backoff::nextDelayMs()
{
    const double ceiling
        = std::min<double>(m_policy.maxMs, m_policy.initialMs * std::pow(m_policy.multiplier, m_attempt));
    if (m_attempt < 62)
        ++m_attempt;
    const double half = ceiling / 2.0;
    return static_cast<int>(half + m_random() * half);
}

} // namespace ttalkak::tunnel
