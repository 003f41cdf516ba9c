// The bounded per-deployment buffers: usage ring (rates from cumulative counters) and log lines.
#include <engine/logbuffer.h>
#include <engine/usagehistory.h>

#include <QTest>

using namespace ttalkak::provider;
using namespace Qt::StringLiterals;

class TestBuffers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ringKeepsNewest();
    void networkRates();
    void logLinesBounded();
    void logBytesBounded();
};

void TestBuffers::ringKeepsNewest()
{
    UsageHistory h(3);
    QVERIFY(h.isEmpty());
    for (int i = 1; i <= 5; ++i) {
        UsagePoint p;
        p.cpuPercent = i;
        h.append(p);
    }
    QCOMPARE(h.size(), 3);
    const QList<UsagePoint> pts = h.points();
    QCOMPARE(pts.size(), 3);
    QCOMPARE(pts.at(0).cpuPercent, 3);
    QCOMPARE(pts.at(2).cpuPercent, 5);
    QCOMPARE(h.last().cpuPercent, 5);
    h.clear();
    QVERIFY(h.isEmpty());
}

void TestBuffers::networkRates()
{
    UsageHistory h(10);
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    ttalkak::docker::StatsSample s;
    s.read = t0;
    s.networkRx = 1000;
    s.networkTx = 500;
    s.memoryBytes = 64 * 1024 * 1024;
    QCOMPARE(h.append(s).rxBytesPerSecond, 0.0); // nothing to compare with yet
    s.read = t0.addSecs(2);
    s.networkRx = 5000;
    s.networkTx = 1500;
    const UsagePoint p = h.append(s);
    QCOMPARE(p.rxBytesPerSecond, 2000.0);
    QCOMPARE(p.txBytesPerSecond, 500.0);
    QCOMPARE(p.memoryMb, 64.0);
    s.read = t0.addSecs(3);
    s.networkRx = 10; // counters reset: the container restarted
    QCOMPARE(h.append(s).rxBytesPerSecond, 0.0);
}

void TestBuffers::logLinesBounded()
{
    LogBuffer b(3);
    for (int i = 0; i < 10; ++i)
        b.append({ QString::number(i), i % 2 == 1 });
    QCOMPARE(b.size(), 3);
    QCOMPARE(b.dropped(), 7);
    const auto lines = b.lines();
    QCOMPARE(lines.first().text, u"7"_s);
    QCOMPARE(lines.last().text, u"9"_s);
    QVERIFY(lines.last().stderrStream);
}

void TestBuffers::logBytesBounded()
{
    LogBuffer b(100000, 64 * 1024);
    const QString big(100000, u'x');
    b.append({ big, false });
    QCOMPARE(b.lines().first().text.size(), LogBuffer::kMaxLineChars + 6); // cut, marked " [...]"
    for (int i = 0; i < 100; ++i)
        b.append({ QString(2000, u'y'), false });
    QVERIFY(b.bytes() <= 64 * 1024);
    QVERIFY(b.size() < 100);
}

QTEST_GUILESS_MAIN(TestBuffers)
#include "tst_buffers.moc"
