// The control protocol over real WebSockets: authentication at the handshake; malformed,
// unknown, out-of-order and oversize messages get errors and change nothing; deployers see
// only their own deployments' status, build log and metrics.
#include "relayfixture.h"

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestControl : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RelayFixture> m_fx;
    TestUser m_owner;
    TestUser m_stranger;

    static QString type(const QJsonObject &o) { return o.value(u"type"_s).toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx = std::make_unique<RelayFixture>(QStringList{u"--max-frame-bytes"_s, u"65536"_s});
        REQUIRE_RELAY(*m_fx);
        m_owner = m_fx->signUp(u"owner@example.com"_s);
        m_stranger = m_fx->signUp(u"stranger@example.com"_s);
    }
    void cleanupTestCase() { m_fx.reset(); }

    void handshakeRequiresToken()
    {
        WsClient none;
        QVERIFY(!none.open(m_fx->relay().wsUrl(), {}));
        WsClient bogus;
        QVERIFY(!bogus.open(m_fx->relay().wsUrl(), u"ttk_p_bogusbogusbogusbogusbogus"_s));
        const TestProvider p = m_fx->addProvider(m_owner, u"deleted-box"_s);
        QCOMPARE(m_fx->http().request("DELETE", m_fx->relay().url(u"/v1/providers/"_s + p.id), m_owner.token).status, 200);
        WsClient revoked;
        QVERIFY(!revoked.open(m_fx->relay().wsUrl(), p.key));
        WsClient good;
        QVERIFY(good.open(m_fx->relay().wsUrl(), m_owner.token));
    }

    void malformedMessagesChangeNothing()
    {
        const TestProvider p = m_fx->addProvider(m_owner, u"strict-box"_s);
        WsClient ws;
        QVERIFY(ws.open(m_fx->relay().wsUrl(), p.key));
        // Before hello, nothing else is accepted.
        QJsonObject early = ws.call({{u"type"_s, u"heartbeat"_s}});
        QCOMPARE(type(early), u"error");
        QVERIFY(!ws.call(helloMessage({})).isEmpty());
        const QJsonObject before = m_fx->http().get(m_fx->relay().url(u"/v1/providers/"_s + p.id), m_owner.token).json;

        const QStringList garbage{u"not json"_s, u"[]"_s, u"{}"_s, u"{\"v\":2,\"id\":\"a\",\"type\":\"hello\"}"_s,
                                  u"{\"v\":1,\"id\":\"\",\"type\":\"hello\"}"_s, u"{\"v\":1,\"id\":\"a\"}"_s,
                                  u"{\"v\":1,\"id\":\"a\",\"type\":7}"_s, u"{\"v\":1,\"id\":\"a\",\"type\":\"hello\""_s};
        for (const QString &g : garbage) {
            ws.sendRaw(g);
            const QJsonObject e = ws.waitForType(u"error"_s);
            QVERIFY2(!e.isEmpty(), qPrintable(g));
            QVERIFY(!e.value(u"code"_s).toString().isEmpty());
        }
        ws.sendBinary("\x01\x02");
        QVERIFY(!ws.waitForType(u"error"_s).isEmpty());
        QJsonObject unknown = ws.call({{u"type"_s, u"format-disk"_s}});
        QCOMPARE(type(unknown), u"error");
        QCOMPARE(unknown.value(u"code"_s).toString(), u"unsupported");
        QJsonObject badHello = helloMessage({});
        badHello.insert(u"capacity"_s, QJsonObject{{u"cpuMillis"_s, -5}});
        QCOMPARE(type(ws.call(badHello)), u"error");
        QCOMPARE(type(ws.call({{u"type"_s, u"accept"_s}, {u"offer"_s, u"dep_nope:1:1"_s}})), u"error");
        QCOMPARE(type(ws.call({{u"type"_s, u"accept"_s}})), u"error");
        QCOMPARE(type(ws.call({{u"type"_s, u"status"_s}, {u"deployment"_s, u"dep_nope"_s}, {u"generation"_s, 1}, {u"state"_s, u"running"_s}})), u"error");
        QCOMPARE(type(ws.call({{u"type"_s, u"heartbeat"_s}, {u"usage"_s, u"lots"_s}})), u"error");
        QCOMPARE(type(ws.call({{u"type"_s, u"build-progress"_s}, {u"deployment"_s, u"dep_nope"_s}, {u"line"_s, u"x"_s}})), u"error");

        // Still connected, and the provider record is exactly as before.
        QCOMPARE(type(ws.call({{u"type"_s, u"heartbeat"_s}, {u"running"_s, QJsonArray()}})), u"ack");
        QJsonObject after = m_fx->http().get(m_fx->relay().url(u"/v1/providers/"_s + p.id), m_owner.token).json;
        after.remove(u"lastSeenAt"_s);
        QJsonObject expected = before;
        expected.remove(u"lastSeenAt"_s);
        QCOMPARE(after, expected);
    }

    void oversizeFrameRefused()
    {
        const TestProvider p = m_fx->addProvider(m_owner, u"big-box"_s);
        auto ws = m_fx->connectProvider(p);
        QVERIFY(ws);
        QJsonObject huge = helloMessage({});
        huge.insert(u"caps"_s, QJsonObject{{u"junk"_s, QString(100000, u'x')}});
        huge.insert(u"v"_s, 1);
        huge.insert(u"id"_s, u"big"_s);
        ws->sendRaw(QString::fromUtf8(QJsonDocument(huge).toJson(QJsonDocument::Compact)));
        QVERIFY(ws->waitClosed());
        QCOMPARE(ws->closeCode(), 1009);
        const QJsonObject prov = m_fx->http().get(m_fx->relay().url(u"/v1/providers/"_s + p.id), m_owner.token).json;
        QVERIFY(!prov.value(u"caps"_s).toObject().contains(u"junk"_s));
        QCOMPARE(m_fx->http().get(m_fx->relay().url(u"/healthz"_s)).status, 200);
    }

    void deployerSeesOnlyOwnDeployments()
    {
        const QString project = m_fx->createProject(m_owner, u"watched"_s);
        auto deployer = m_fx->connectDeployer(m_owner);
        auto stranger = m_fx->connectDeployer(m_stranger);
        QVERIFY(deployer && stranger);
        QCOMPARE(type(deployer->call({{u"type"_s, u"launch-missiles"_s}})), u"error");
        QCOMPARE(type(deployer->call({{u"type"_s, u"hello"_s}})), u"error"); // provider-only message

        const QString dep = m_fx->deploy(m_owner, project, u"watched-app"_s).value(u"id"_s).toString();
        QVERIFY(!dep.isEmpty());
        const QJsonObject sub = deployer->call({{u"type"_s, u"subscribe"_s}, {u"deployment"_s, dep}});
        QCOMPARE(type(sub), u"ack");
        QCOMPARE(sub.value(u"deployment"_s).toObject().value(u"id"_s).toString(), dep);
        const QJsonObject denied = stranger->call({{u"type"_s, u"subscribe"_s}, {u"deployment"_s, dep}});
        QCOMPARE(type(denied), u"error");
        QCOMPARE(denied.value(u"code"_s).toString(), u"not-found");

        const TestProvider p = m_fx->addProvider(m_stranger, u"stranger-box"_s); // providers serve anyone
        auto prov = m_fx->connectProvider(p);
        QVERIFY(prov);
        const QJsonObject offer = prov->waitForType(u"offer"_s);
        QCOMPARE(offer.value(u"deployment"_s).toObject().value(u"id"_s).toString(), dep);
        QCOMPARE(type(prov->call({{u"type"_s, u"accept"_s}, {u"offer"_s, offer.value(u"offer"_s)}})), u"ack");
        auto statusIs = [&](const QString &state) {
            return [state, dep](const QJsonObject &o) {
                return o.value(u"type"_s).toString() == u"status" && o.value(u"deployment"_s).toString() == dep
                    && o.value(u"state"_s).toString() == state;
            };
        };
        QVERIFY(!deployer->waitFor(statusIs(u"assigned"_s)).isEmpty());
        QCOMPARE(type(prov->call({{u"type"_s, u"build-progress"_s}, {u"deployment"_s, dep}, {u"line"_s, u"Step 1/3 : FROM scratch"_s}})), u"ack");
        const QJsonObject log = deployer->waitForType(u"build-log"_s);
        QCOMPARE(log.value(u"line"_s).toString(), u"Step 1/3 : FROM scratch");
        QCOMPARE(type(prov->call({{u"type"_s, u"status"_s}, {u"deployment"_s, dep}, {u"generation"_s, 1}, {u"state"_s, u"running"_s}})), u"ack");
        QVERIFY(!deployer->waitFor(statusIs(u"running"_s)).isEmpty());
        const qint64 minute = (QDateTime::currentSecsSinceEpoch() / 60 - 1) * 60;
        const QJsonObject hb = prov->call({{u"type"_s, u"heartbeat"_s},
                                           {u"running"_s, QJsonArray{QJsonObject{{u"deployment"_s, dep}, {u"generation"_s, 1}}}},
                                           {u"usage"_s, QJsonArray{QJsonObject{{u"deployment"_s, dep}, {u"interval"_s, minute},
                                                                              {u"seconds"_s, 60}, {u"cpuPercent"_s, 12.5}, {u"memoryMb"_s, 100}}}}});
        QCOMPARE(hb.value(u"charged"_s).toInt(), 1);
        const QJsonObject metrics = deployer->waitForType(u"metrics"_s);
        QCOMPARE(metrics.value(u"cpuPercent"_s).toDouble(), 12.5);
        // The stranger, connected all along, heard none of it.
        QTest::qWait(50); // let any stray event arrive before asserting absence (not synchronisation)
        for (const QJsonObject &o : std::as_const(stranger->queue()))
            QVERIFY2(o.value(u"deployment"_s).toString() != dep, QJsonDocument(o).toJson().constData());
    }

    // A database's generated credentials: the provider's offer carries them (it creates the
    // database with them); a subscriber's ack never does, exactly like REST.
    void subscribeAckHidesDatabaseSecrets()
    {
        auto deployer = m_fx->connectDeployer(m_owner);
        QVERIFY(deployer);
        const HttpResult created = m_fx->http().post(
            m_fx->relay().url(u"/v1/databases"_s), m_owner.token,
            {{u"name"_s, u"secret-db"_s}, {u"engine"_s, u"mysql"_s},
             {u"resources"_s, QJsonObject{{u"cpuMillis"_s, 100}, {u"memoryMb"_s, 64}, {u"diskMb"_s, 10}}}});
        QCOMPARE(created.status, 202);
        const QString db = created.json.value(u"id"_s).toString();
        const QJsonObject sub = deployer->call({{u"type"_s, u"subscribe"_s}, {u"deployment"_s, db}});
        QCOMPARE(type(sub), u"ack");
        const QJsonObject spec = sub.value(u"deployment"_s).toObject().value(u"spec"_s).toObject();
        QCOMPARE(spec.value(u"engine"_s).toString(), u"mysql"_s);
        QVERIFY(!spec.contains(u"password"_s));
        QVERIFY(!spec.contains(u"adminPassword"_s));

        ProviderSpec cheap;
        cheap.priceCpuHour = 1; // the cheapest machine gets the offer
        cheap.priceGbHour = 1;
        const TestProvider p = m_fx->addProvider(m_owner, u"db-box"_s);
        auto prov = m_fx->connectProvider(p, cheap);
        QVERIFY(prov);
        const QJsonObject offer = prov->waitFor([&](const QJsonObject &o) {
            return type(o) == u"offer" && o.value(u"deployment"_s).toObject().value(u"id"_s).toString() == db;
        });
        const QJsonObject offered = offer.value(u"deployment"_s).toObject().value(u"spec"_s).toObject();
        QVERIFY(!offered.value(u"password"_s).toString().isEmpty());
        QVERIFY(!offered.value(u"adminPassword"_s).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestControl)
#include "tst_control.moc"
