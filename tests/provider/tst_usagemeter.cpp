// UsageMeter: per-second stats samples → one-minute usage intervals as the relay meters them.
#include <engine/usagemeter.h>

#include <QtTest>

using namespace ttalkak::provider;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ttalkak::provider::UsageReport)

class TestUsageMeter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void minutes()
    {
        UsageMeter meter;
        QList<UsageReport> closed;
        connect(&meter, &UsageMeter::minuteClosed, this, [&](const UsageReport &r) { closed.append(r); });
        const qint64 base = 1'800'000'000 - 1'800'000'000 % 60; // a minute boundary
        auto at = [&](qint64 s, double cpu) {
            UsagePoint p;
            p.time = QDateTime::fromSecsSinceEpoch(base + s, Qt::UTC);
            p.cpuPercent = cpu;
            p.memoryMb = 100;
            meter.record(u"dep-a"_s, p);
        };
        for (int s = 30; s < 60; ++s)
            at(s, 10);
        at(45, 30); // a second sample in a second already counted: more samples, same seconds
        QVERIFY(closed.isEmpty());
        at(61, 50); // the next minute closes the first
        QCOMPARE(closed.size(), 1);
        QCOMPARE(closed[0].deploymentId, u"dep-a"_s);
        QCOMPARE(closed[0].intervalStart, base);
        QCOMPARE(closed[0].seconds, 30);
        QCOMPARE(qRound(closed[0].cpuPercent * 100), qRound((30 * 10 + 30) / 31.0 * 100));
        at(20, 99); // late sample of a reported minute: ignored
        QCOMPARE(closed.size(), 1);

        // A quiet container: the timer path closes the minute after it ended plus the grace.
        meter.closeBefore(QDateTime::fromSecsSinceEpoch(base + 120 + 2, Qt::UTC));
        QCOMPARE(closed.size(), 1);
        meter.closeBefore(QDateTime::fromSecsSinceEpoch(base + 120 + 6, Qt::UTC));
        QCOMPARE(closed.size(), 2);
        QCOMPARE(closed[1].intervalStart, base + 60);
        QCOMPARE(closed[1].seconds, 1);

        at(130, 1);
        meter.forget(u"dep-a"_s); // removed: never reported
        meter.closeBefore(QDateTime::fromSecsSinceEpoch(base + 600, Qt::UTC));
        QCOMPARE(closed.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestUsageMeter)
#include "tst_usagemeter.moc"
