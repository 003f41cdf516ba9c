// MetricsAggregator: per-deployment, per-minute buckets with nearest-rank percentiles.

#include <tunnel/metricsaggregator.h>

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::tunnel;

class TstMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bucketsPerMinuteAndDeployment()
    {
        MetricsAggregator m;
        m.setGraceSeconds(5);
        QSignalSpy closed(&m, &MetricsAggregator::bucketClosed);
        const QDateTime t0 = QDateTime::fromString(u"2026-01-01T10:00:00Z"_s, Qt::ISODate);
        for (int i = 1; i <= 100; ++i) {
            AccessLogEntry e;
            e.time = t0.addSecs(i % 60);
            e.deployment = u"a"_s;
            e.status = i <= 90 ? 200 : (i <= 95 ? 404 : 503);
            e.latencyUs = i * 1000; // 1..100 ms
            e.bytesIn = 10;
            e.bytesOut = 100;
            m.record(e);
        }
        AccessLogEntry other;
        other.time = t0.addSecs(61);
        other.deployment = u"a"_s;
        other.status = 101;
        m.record(other);
        other.deployment = u"b"_s;
        other.time = t0.addSecs(5);
        m.record(other);
        QCOMPARE(m.openBuckets(), 3);

        m.flush(t0.addSecs(64)); // inside the grace period of minute 10:00
        QCOMPARE(closed.size(), 0);
        m.flush(t0.addSecs(66));
        QCOMPARE(closed.size(), 2);
        MetricsBucket a, b;
        for (const auto &args : closed) {
            const auto bucket = args.at(0).value<MetricsBucket>();
            (bucket.deployment == u"a"_s ? a : b) = bucket;
        }
        QCOMPARE(a.minute, t0);
        QCOMPARE(a.requests, 100);
        QCOMPARE(a.statusClasses[2], 90);
        QCOMPARE(a.statusClasses[4], 5);
        QCOMPARE(a.statusClasses[5], 5);
        QCOMPARE(a.latencyP50Us, 50000);
        QCOMPARE(a.latencyP95Us, 95000);
        QCOMPARE(a.latencyP99Us, 99000);
        QCOMPARE(a.bytesIn, 1000);
        QCOMPARE(a.bytesOut, 10000);
        QCOMPARE(b.requests, 1);
        QCOMPARE(b.statusClasses[1], 1);
        QCOMPARE(m.openBuckets(), 1);
        m.flushAll();
        QCOMPARE(closed.size(), 3);
        QCOMPARE(m.openBuckets(), 0);
    }

    void samplesAreBounded()
    {
        MetricsAggregator m;
        QSignalSpy closed(&m, &MetricsAggregator::bucketClosed);
        const QDateTime t0 = QDateTime::fromString(u"2026-01-01T10:00:00Z"_s, Qt::ISODate);
        for (int i = 0; i < 200000; ++i) {
            AccessLogEntry e;
            e.time = t0;
            e.deployment = u"a"_s;
            e.status = 200;
            e.latencyUs = i % 1000;
            m.record(e);
        }
        m.flushAll();
        const auto bucket = closed.first().at(0).value<MetricsBucket>();
        QCOMPARE(bucket.requests, 200000);
        // Uniform 0..999: a reservoir of 20,000 lands within a few percent.
        QVERIFY(qAbs(bucket.latencyP50Us - 500) < 30);
        QVERIFY(qAbs(bucket.latencyP99Us - 990) < 10);
    }
};

QTEST_GUILESS_MAIN(TstMetrics)
#include "tst_metrics.moc"
