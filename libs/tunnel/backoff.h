#pragma once
// Backoff: reconnection delays growing exponentially with "equal jitter" — half of the delay is
// fixed, half random — so a relay restart does not see every agent reconnect in the same instant.
//
//   Backoff b({.initialMs = 500, .maxMs = 30000});
//   QTimer::singleShot(b.nextDelayMs(), this, &Agent::connectOne);   // on each failure
//   b.reset();                                                      // once a handshake succeeds

#include <QtGlobal>

#include <functional>

namespace ttalkak::tunnel {

struct BackoffPolicy
{
    int initialMs = 500;
    int maxMs = 30000;
    double multiplier = 2.0;
};

class Backoff
{
public:
    explicit Backoff(BackoffPolicy policy = {});
    // For tests: a source of uniform numbers in [0, 1).
    void setRandom(std::function<double()> random) { m_random = std::move(random); }

    int nextDelayMs();
    void reset() { m_attempt = 0; }
    int attempt() const { return m_attempt; }

private:
    BackoffPolicy m_policy;
    int m_attempt = 0;
    std::function<double()> m_random;
};

} // namespace ttalkak::tunnel
