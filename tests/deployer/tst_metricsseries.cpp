#include "fakebackend.h"

#include <model/metricsseries.h>
#include <model/monitoringsession.h>

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::deployer;

namespace {
QJsonObject bucket(qint64 t, int n, int s5, double p50, double p95)
{
    return { { u"t"_s, double(t) }, { u"requests"_s, n },
        { u"status"_s, QJsonObject { { u"2xx"_s, n - s5 }, { u"3xx"_s, 0 }, { u"4xx"_s, 0 }, { u"5xx"_s, s5 } } },
        { u"latencyMs"_s, QJsonObject { { u"p50"_s, p50 }, { u"p95"_s, p95 }, { u"p99"_s, p95 } } },
        { u"bytesIn"_s, n * 10 }, { u"bytesOut"_s, n * 100 } };
}
constexpr qint64 Min = 60'000;
} // namespace

class TestMetricsSeries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void minuteBinsFillGaps()
    {
        const qint64 from = 100 * Min, to = 105 * Min;
        const QJsonObject answer { { u"buckets"_s, QJsonArray { bucket(101 * Min, 10, 2, 5, 30), bucket(103 * Min, 4, 0, 7, 9) } } };
        const auto s = MetricsSeries::build({ answer }, from, to, MetricsSeries::MinuteMs);
        QCOMPARE(s.requests.size(), 5);
        QCOMPARE(s.requests[0].y(), 0.0); // a minute without requests is absent in the answer
        QCOMPARE(s.requests[1], QPointF(double(101 * Min), 10));
        QCOMPARE(s.status5xx[1].y(), 2.0);
        QCOMPARE(s.status2xx[1].y(), 8.0);
        QCOMPARE(s.latencyP50.size(), 2); // no latency point without requests
        QCOMPARE(s.latencyP95[0].y(), 30.0);
        QCOMPARE(s.bytesOut[3].y(), 400.0);
        QCOMPARE(s.totalRequests, qint64(14));
    }

    void hourlyBinsAveragePerMinute()
    {
        const qint64 h = MetricsSeries::HourMs;
        const QJsonObject a { { u"buckets"_s, QJsonArray { bucket(0, 60, 0, 10, 20), bucket(Min, 60, 0, 30, 50) } } };
        const auto s = MetricsSeries::build({ a }, 0, 2 * h, h);
        QCOMPARE(s.requests.size(), 2);
        QCOMPARE(s.requests[0].y(), 2.0); // 120 requests in an hour = 2 per minute
        QCOMPARE(s.latencyP50[0].y(), 20.0); // request-weighted
        QCOMPARE(s.latencyP95[0].y(), 50.0); // the worst minute
    }

    void weekIsFetchedInDayChunks()
    {
        const auto chunks = MetricsSeries::chunks(0, 7 * 24 * MetricsSeries::HourMs);
        QCOMPARE(chunks.size(), 7);
        for (const auto &[f, t] : chunks)
            QVERIFY(t - f <= MetricsSeries::MaxCallMs);

        test::FakeBackend backend;
        backend.setReply(u"metrics"_s, QJsonObject { { u"buckets"_s, QJsonArray {} } });
        MonitoringSession session(&backend);
        session.setClock([] { return 30 * 24 * MetricsSeries::HourMs; });
        session.setDeployment(u"dep_1"_s, u"web"_s);
        QSignalSpy changed(&session, &MonitoringSession::metricsChanged);
        session.setRange(MonitoringSession::Range::LastWeek);
        QTRY_COMPARE(changed.count(), 1);
        int metricsCalls = 0;
        for (const auto &c : backend.calls)
            metricsCalls += c.op == u"metrics"_s;
        QCOMPARE(metricsCalls, 7);
        QCOMPARE(session.series().binMs, MetricsSeries::HourMs);
        QCOMPARE(session.series().requests.size(), 7 * 24);
    }
};

QTEST_GUILESS_MAIN(TestMetricsSeries)
#include "tst_metricsseries.moc"
