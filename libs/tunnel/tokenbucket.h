#pragma once
// TokenBucket: a byte-rate limiter. consume() may drive it into debt; delayMs() says how long
// until it is out of debt. The ingress withholds reads and window credits while in debt, so the
// tunnel's flow control turns the limit into back-pressure rather than buffering.

#include <QElapsedTimer>

namespace ttalkak::tunnel {

class TokenBucket
{
public:
    explicit TokenBucket(qint64 bytesPerSecond = 0, qint64 burst = 0);
    bool isLimited() const { return m_rate > 0; }
    void consume(qint64 bytes);
    qint64 available();
    int delayMs();

private:
    void refill();
    qint64 m_rate;
    qint64 m_burst;
    double m_tokens;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
};

} // namespace ttalkak::tunnel
