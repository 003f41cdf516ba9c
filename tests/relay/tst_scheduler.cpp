// Scheduler properties against the running relay with real provider sockets: caps respected,
// cheapest then least loaded, no double assignment under concurrent submissions, reject and
// timeout move on, heartbeat loss reschedules and tells the deployer, a returning provider is
// told to remove what was rescheduled, and a relay killed with SIGKILL mid-assignment loses and
// duplicates nothing.
#include "relayfixture.h"

#include <database.h>

#include <QJsonArray>
#include <QNetworkReply>
#include <QTimer>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
QString type(const QJsonObject &o) { return o.value(u"type"_s).toString(); }
QString offerDeployment(const QJsonObject &offer) { return offer.value(u"deployment"_s).toObject().value(u"id"_s).toString(); }
bool isOffer(const QJsonObject &o) { return type(o) == u"offer"; }

// Accepts every offer it is sent; remembers what it runs and what it was told to remove.
struct AutoProvider
{
    std::unique_ptr<WsClient> ws;
    QSet<QString> accepted;
    QSet<QString> removed;
    int offers = 0;
    explicit AutoProvider(std::unique_ptr<WsClient> w) : ws(std::move(w)) {}
    void pump()
    {
        for (;;) {
            const QJsonObject o = ws->waitFor([](const QJsonObject &m) { return isOffer(m) || type(m) == u"command"; }, 0);
            if (o.isEmpty())
                return;
            if (isOffer(o)) {
                ++offers;
                const QString id = ws->send({{u"type"_s, u"accept"_s}, {u"offer"_s, o.value(u"offer"_s)}});
                if (type(ws->reply(id)) == u"ack")
                    accepted.insert(offerDeployment(o));
            } else if (o.value(u"command"_s).toString() == u"remove") {
                removed.insert(o.value(u"deployment"_s).toString());
                accepted.remove(o.value(u"deployment"_s).toString());
            }
        }
    }
    QJsonArray running() const
    {
        QJsonArray a;
        for (const QString &id : accepted)
            a.append(QJsonObject{{u"deployment"_s, id}, {u"generation"_s, 1}, {u"state"_s, u"running"_s}});
        return a;
    }
};
} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capsRespected()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const TestUser u = fx.signUp(u"caps@example.com"_s);
        const QString project = fx.createProject(u, u"p"_s);
        // Nobody online yet: a deployment says so instead of waiting silently. (100 CPUs: it
        // never fits the providers below.)
        const QString huge = fx.deploy(u, project, u"huge"_s, 100000, 256, 1000).value(u"id"_s).toString();
        QTRY_COMPARE_WITH_TIMEOUT(fx.deployment(u, huge).value(u"detail"_s).toString(),
                                  u"Waiting for a provider: none is online."_s, 5000);
        ProviderSpec small{1000, 1024, 10000, 3, 100, 100};
        auto a = fx.connectProvider(fx.addProvider(u, u"small"_s), small);
        QVERIFY(a);
        QStringList deps;
        for (int i = 0; i < 5; ++i)
            deps << fx.deploy(u, project, u"d%1"_s.arg(i), 400, 256, 1000).value(u"id"_s).toString();
        // Only two 400m deployments fit in 1000m.
        QVERIFY(!a->waitForType(u"offer"_s).isEmpty());
        QVERIFY(!a->waitForType(u"offer"_s).isEmpty());
        QVERIFY(a->waitForType(u"offer"_s, 300).isEmpty()); // bounded check that no third offer comes
        // A second provider takes the rest within its own caps (memory: 2 x 256 <= 600).
        ProviderSpec other{10000, 600, 100000, 10, 100, 100};
        auto b = fx.connectProvider(fx.addProvider(u, u"other"_s), other);
        QVERIFY(b);
        QVERIFY(!b->waitForType(u"offer"_s).isEmpty());
        QVERIFY(!b->waitForType(u"offer"_s).isEmpty());
        QVERIFY(b->waitForType(u"offer"_s, 300).isEmpty());
        int queued = 0;
        for (const QString &d : std::as_const(deps)) {
            const QJsonObject o = fx.deployment(u, d);
            if (o.value(u"state"_s).toString() != u"queued")
                continue;
            ++queued;
            QCOMPARE(o.value(u"detail"_s).toString(),
                     u"Waiting for a provider with room for 0.4 CPU, 256 MB of memory and 1000 MB of disk."_s);
        }
        QCOMPARE(queued, 1);
        QCOMPARE(fx.deployment(u, huge).value(u"detail"_s).toString(),
                 u"Waiting for a provider with room for 100 CPU, 256 MB of memory and 1000 MB of disk."_s);
    }

    void cheapestThenLeastLoaded()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const TestUser u = fx.signUp(u"price@example.com"_s);
        const QString project = fx.createProject(u, u"p"_s);
        auto dear = fx.connectProvider(fx.addProvider(u, u"dear"_s), {4000, 8192, 100000, 10, 900000, 900000});
        auto cheap1 = fx.connectProvider(fx.addProvider(u, u"cheap1"_s), {4000, 8192, 100000, 10, 1000, 1000});
        auto cheap2 = fx.connectProvider(fx.addProvider(u, u"cheap2"_s), {4000, 8192, 100000, 10, 1000, 1000});
        QVERIFY(dear && cheap1 && cheap2);
        for (int i = 0; i < 4; ++i)
            fx.deploy(u, project, u"d%1"_s.arg(i), 1000, 512, 100);
        int c1 = 0, c2 = 0;
        QVERIFY(QTest::qWaitFor([&] {
            while (!cheap1->waitForType(u"offer"_s, 0).isEmpty()) ++c1;
            while (!cheap2->waitForType(u"offer"_s, 0).isEmpty()) ++c2;
            return c1 + c2 == 4;
        }, 5000));
        QCOMPARE(c1, 2); // equal price: spread by load
        QCOMPARE(c2, 2);
        QVERIFY(dear->waitForType(u"offer"_s, 200).isEmpty());
    }

    void concurrentSubmissionsNeverDoubleAssign()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const TestUser u = fx.signUp(u"burst@example.com"_s);
        const QString project = fx.createProject(u, u"p"_s);
        AutoProvider p1{fx.connectProvider(fx.addProvider(u, u"p1"_s), {6000, 100000, 1000000, 100, 10, 10})};
        AutoProvider p2{fx.connectProvider(fx.addProvider(u, u"p2"_s), {6000, 100000, 1000000, 100, 10, 10})};
        QVERIFY(p1.ws && p2.ws);
        // 40 submissions in flight at once (QNAM runs up to 6 connections in parallel).
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 40; ++i) {
            const QJsonObject body{{u"projectId"_s, project}, {u"name"_s, u"c%1"_s.arg(i)}, {u"spec"_s, minimalAppSpec()},
                                   {u"resources"_s, QJsonObject{{u"cpuMillis"_s, 250}, {u"memoryMb"_s, 64}, {u"diskMb"_s, 10}}}};
            replies << fx.http().start("POST", fx.relay().url(u"/v1/deployments"_s), u.token, QJsonDocument(body).toJson());
        }
        QVERIFY(QTest::qWaitFor([&] {
            p1.pump();
            p2.pump();
            return std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); })
                && p1.accepted.size() + p2.accepted.size() == 40;
        }, 15000));
        for (QNetworkReply *r : std::as_const(replies))
            QCOMPARE(HttpClient::finish(r).status, 202);
        // 6000m / 250m = 24 per provider at most; 40 in total, none on both.
        QVERIFY(p1.accepted.size() <= 24 && p2.accepted.size() <= 24);
        QVERIFY(!p1.accepted.intersects(p2.accepted));
        QCOMPARE(p1.offers + p2.offers, 40);
        auto db = ttalkak::relay::Database::open(fx.db().url());
        QVERIFY(db);
        auto q = (*db)->exec(u"SELECT COUNT(*), COUNT(DISTINCT deployment_id), SUM(active) FROM assignments"_s);
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toInt(), 40);
        QCOMPARE(q->value(1).toInt(), 40);
        QCOMPARE(q->value(2).toInt(), 40);
    }

    void rejectAndTimeoutMoveOn()
    {
        RelayFixture fx({u"--offer-timeout-ms"_s, u"400"_s});
        REQUIRE_RELAY(fx);
        const TestUser u = fx.signUp(u"picky@example.com"_s);
        const QString project = fx.createProject(u, u"p"_s);
        auto cheapest = fx.connectProvider(fx.addProvider(u, u"cheapest"_s), {4000, 8192, 100000, 10, 1, 1});
        auto middle = fx.connectProvider(fx.addProvider(u, u"middle"_s), {4000, 8192, 100000, 10, 50, 50});
        auto dearest = fx.connectProvider(fx.addProvider(u, u"dearest"_s), {4000, 8192, 100000, 10, 100, 100});
        QVERIFY(cheapest && middle && dearest);
        const QString dep = fx.deploy(u, project, u"hot-potato"_s).value(u"id"_s).toString();
        const QJsonObject first = cheapest->waitForType(u"offer"_s);
        QCOMPARE(offerDeployment(first), dep);
        QCOMPARE(type(cheapest->call({{u"type"_s, u"reject"_s}, {u"offer"_s, first.value(u"offer"_s)}, {u"reason"_s, u"busy"_s}})), u"ack");
        const QJsonObject second = middle->waitForType(u"offer"_s);
        QCOMPARE(offerDeployment(second), dep);
        // middle never answers: after the offer timeout it goes to dearest, and middle is told to drop it.
        const QJsonObject third = dearest->waitForType(u"offer"_s, 5000);
        QCOMPARE(offerDeployment(third), dep);
        const QJsonObject removal = middle->waitForType(u"command"_s);
        QCOMPARE(removal.value(u"command"_s).toString(), u"remove");
        // A late accept of the expired offer is refused.
        QCOMPARE(type(middle->call({{u"type"_s, u"accept"_s}, {u"offer"_s, second.value(u"offer"_s)}})), u"error");
        QCOMPARE(type(dearest->call({{u"type"_s, u"accept"_s}, {u"offer"_s, third.value(u"offer"_s)}})), u"ack");
        QCOMPARE(fx.deployment(u, dep).value(u"state"_s).toString(), u"assigned");
    }

    void heartbeatLossReschedulesAndReturningProviderRemoves()
    {
        RelayFixture fx({u"--heartbeat-interval-ms"_s, u"100"_s, u"--heartbeat-timeout-ms"_s, u"700"_s});
        REQUIRE_RELAY(fx);
        const TestUser u = fx.signUp(u"flaky@example.com"_s);
        const QString project = fx.createProject(u, u"p"_s);
        const TestProvider flakyId = fx.addProvider(u, u"flaky"_s);
        auto flaky = fx.connectProvider(flakyId, {4000, 8192, 100000, 10, 1, 1});
        QVERIFY(flaky);
        const QString dep = fx.deploy(u, project, u"survivor"_s).value(u"id"_s).toString();
        const QJsonObject offer = flaky->waitForType(u"offer"_s);
        QCOMPARE(type(flaky->call({{u"type"_s, u"accept"_s}, {u"offer"_s, offer.value(u"offer"_s)}})), u"ack");
        auto deployer = fx.connectDeployer(u);
        QCOMPARE(type(deployer->call({{u"type"_s, u"subscribe"_s}, {u"deployment"_s, dep}})), u"ack");

        // A healthy (dearer) provider joins and keeps heartbeating; flaky goes silent.
        auto healthy = fx.connectProvider(fx.addProvider(u, u"healthy"_s), {4000, 8192, 100000, 10, 100, 100});
        QVERIFY(healthy);
        QTimer beat;
        beat.setInterval(100);
        QObject::connect(&beat, &QTimer::timeout, healthy.get(), [&] { healthy->send({{u"type"_s, u"heartbeat"_s}}); });
        beat.start();

        const QJsonObject told = deployer->waitFor([&](const QJsonObject &o) {
            return type(o) == u"status" && o.value(u"state"_s).toString() == u"queued" && !o.value(u"reason"_s).toString().isEmpty();
        }, 5000);
        QVERIFY2(!told.isEmpty(), "the deployer was not told about the reschedule");
        const QJsonObject moved = healthy->waitForType(u"offer"_s, 5000);
        QCOMPARE(offerDeployment(moved), dep);
        QCOMPARE(type(healthy->call({{u"type"_s, u"accept"_s}, {u"offer"_s, moved.value(u"offer"_s)}})), u"ack");
        QVERIFY(flaky->waitClosed(5000)); // the relay dropped the mute session

        // flaky comes back still running the deployment: it must remove it.
        auto back = std::make_unique<WsClient>();
        QVERIFY(back->open(fx.relay().wsUrl(), flakyId.key));
        QCOMPARE(type(back->call(helloMessage({4000, 8192, 100000, 10, 1, 1},
                                              QJsonArray{QJsonObject{{u"deployment"_s, dep}, {u"generation"_s, 1}, {u"state"_s, u"running"_s}}}))),
                 u"ack");
        const QJsonObject removal = back->waitForType(u"command"_s);
        QCOMPARE(removal.value(u"command"_s).toString(), u"remove");
        QCOMPARE(removal.value(u"deployment"_s).toString(), dep);
        beat.stop();
        QCOMPARE(fx.deployment(u, dep).value(u"state"_s).toString(), u"assigned");
    }

    void sigkillMidAssignmentLosesAndDuplicatesNothing()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const TestUser u = fx.signUp(u"crash@example.com"_s);
        const QString project = fx.createProject(u, u"p"_s);
        const TestProvider id1 = fx.addProvider(u, u"c1"_s);
        const TestProvider id2 = fx.addProvider(u, u"c2"_s);
        const ProviderSpec spec{100000, 100000, 1000000, 100, 10, 10};
        AutoProvider p1{fx.connectProvider(id1, spec)};
        AutoProvider p2{fx.connectProvider(id2, spec)};
        QVERIFY(p1.ws && p2.ws);
        constexpr int total = 30;
        QStringList deps;
        for (int i = 0; i < total; ++i) {
            deps << fx.deploy(u, project, u"k%1"_s.arg(i), 100, 64, 10).value(u"id"_s).toString();
            if (i == total / 2) {
                // Mid-stream: some offers answered, some in flight, some not yet made.
                p1.pump();
                p2.pump();
                fx.relay().kill();
                QVERIFY(fx.restart());
            }
            if (i > total / 2 && i == total / 2 + 1) {
                // The providers notice and reconnect, reporting what they run.
                p1.ws = fx.connectProvider(id1, spec, p1.running());
                p2.ws = fx.connectProvider(id2, spec, p2.running());
                QVERIFY(p1.ws && p2.ws);
            }
            if (i > total / 2)
                continue;
        }
        // Kill once more while offers are flowing.
        p1.pump();
        fx.relay().kill();
        QVERIFY(fx.restart());
        p1.ws = fx.connectProvider(id1, spec, p1.running());
        p2.ws = fx.connectProvider(id2, spec, p2.running());
        QVERIFY(p1.ws && p2.ws);
        QVERIFY(QTest::qWaitFor([&] {
            p1.pump();
            p2.pump();
            return p1.accepted.size() + p2.accepted.size() == total;
        }, 20000));
        QVERIFY(!p1.accepted.intersects(p2.accepted));
        const QSet<QString> all = p1.accepted + p2.accepted;
        QCOMPARE(all, QSet<QString>(deps.cbegin(), deps.cend()));
        auto db = ttalkak::relay::Database::open(fx.db().url());
        QVERIFY(db);
        auto q = (*db)->exec(u"SELECT COUNT(*), COUNT(DISTINCT deployment_id) FROM assignments WHERE active = 1"_s);
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toInt(), total);
        QCOMPARE(q->value(1).toInt(), total);
        auto s = (*db)->exec(u"SELECT COUNT(*) FROM deployments WHERE state = 'assigned'"_s);
        QVERIFY(s && s->next());
        QCOMPARE(s->value(0).toInt(), total);
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
