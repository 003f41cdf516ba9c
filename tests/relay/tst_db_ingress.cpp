// Databases' public TCP ingress wired into the real relay: a database gets a port from
// --db-ingress-range at creation; once its provider reports it running on a port, the relay
// listens there and streams each allowed client through the TunnelHub to a real Agent in this
// process and on to a local echo server. The owner's allow-list (PUT .../allowlist) decides who
// gets through; a restart restores the listener; deleting the database closes it.
#include "relayfixture.h"

#include <tunnel/agent.h>

#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QString type(const QJsonObject &o)
{
    return o.value(u"type"_s).toString();
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// Echoes every byte back.
class EchoServer : public QTcpServer
{
public:
    EchoServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
                connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
            }
        });
    }
};

// Connects, sends `text`, returns what came back before the peer closed or the timeout.
QByteArray roundTrip(quint16 port, const QByteArray &text, int timeoutMs = 3000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor(
            [&] {
                return socket.state() == QAbstractSocket::ConnectedState
                    || socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs))
        return {};
    if (socket.state() != QAbstractSocket::ConnectedState)
        return {};
    socket.write(text);
    QByteArray got;
    (void)QTest::qWaitFor(
        [&] {
            got += socket.readAll();
            return got.size() >= text.size() || socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    return got;
}

} // namespace

class TestDbIngress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void databaseThroughTunnel()
    {
        const quint16 tunnelPort = freePort();
        const quint16 dbPort = freePort();
        QVERIFY(tunnelPort && dbPort && tunnelPort != dbPort);
        RelayFixture fx({ u"--tunnel-listen"_s, u"127.0.0.1:"_s + QString::number(tunnelPort), u"--ingress-listen"_s,
            u"127.0.0.1:0"_s, u"--db-ingress-range"_s, u"%1-%1"_s.arg(dbPort) });
        REQUIRE_RELAY(fx);
        EchoServer echo;
        QVERIFY(echo.listen(QHostAddress::LocalHost, 0));

        const TestUser owner = fx.signUp(u"db-owner@example.com"_s);
        const HttpResult created = fx.http().post(fx.relay().url(u"/v1/databases"_s), owner.token,
            { { u"name"_s, u"orders"_s }, { u"engine"_s, u"postgres"_s },
                { u"resources"_s,
                    QJsonObject { { u"cpuMillis"_s, 100 }, { u"memoryMb"_s, 64 }, { u"diskMb"_s, 10 } } } });
        QCOMPARE(created.status, 202);
        const QString dep = created.json.value(u"id"_s).toString();
        const QUrl dbUrl = fx.relay().url(u"/v1/databases/"_s + dep);
        QCOMPARE(fx.http().get(dbUrl, owner.token).json.value(u"connection"_s).toObject().value(u"port"_s).toInt(),
            int(dbPort));
        QVERIFY(roundTrip(dbPort, "early").isEmpty()); // not running yet: nobody listens

        const TestProvider machine = fx.addProvider(owner, u"db-machine"_s);
        auto provider = fx.connectProvider(machine);
        QVERIFY(provider);
        const QJsonObject offer = provider->waitFor([&](const QJsonObject &o) {
            return type(o) == u"offer" && o.value(u"deployment"_s).toObject().value(u"id"_s).toString() == dep;
        });
        QCOMPARE(type(provider->call({ { u"type"_s, u"accept"_s }, { u"offer"_s, offer.value(u"offer"_s) } })), u"ack");
        QCOMPARE(type(provider->call({ { u"type"_s, u"status"_s }, { u"deployment"_s, dep }, { u"generation"_s, 1 },
                     { u"state"_s, u"running"_s }, { u"port"_s, int(echo.serverPort()) } })),
            u"ack");

        ttalkak::tunnel::AgentConfig config;
        config.host = u"127.0.0.1"_s;
        config.port = tunnelPort;
        config.machineId = machine.id;
        config.key = machine.key.toUtf8();
        ttalkak::tunnel::Agent agent(config);
        agent.setRoute(dep, echo.serverPort());
        agent.start();
        QTRY_VERIFY_WITH_TIMEOUT(agent.establishedConnections() >= 1, 10000);

        // Loopback is on the default allow-list (the client that created it was loopback).
        QTRY_COMPARE_WITH_TIMEOUT(roundTrip(dbPort, "SELECT 1;"), QByteArray("SELECT 1;"), 10000);
        const QByteArray bulk(512 * 1024, 'q');
        QCOMPARE(roundTrip(dbPort, bulk, 10000).size(), bulk.size());

        // An allow-list without us: refused before anything reaches the tunnel.
        const QUrl allow = fx.relay().url(u"/v1/databases/"_s + dep + u"/allowlist"_s);
        QCOMPARE(fx.http().request("PUT", allow, owner.token, R"({"allowList":["203.0.113.0/24"]})").status, 200);
        QCOMPARE(roundTrip(dbPort, "denied?"), QByteArray());
        QCOMPARE(fx.http().request("PUT", allow, owner.token, R"({"allowList":["127.0.0.1/32"]})").status, 200);
        QCOMPARE(roundTrip(dbPort, "again"), QByteArray("again"));

        // A restart restores the listener from the store (the agent reconnects by itself).
        QVERIFY(fx.relay().terminate());
        QVERIFY(fx.restart());
        provider = fx.connectProvider(machine, {},
            QJsonArray {
                QJsonObject { { u"deployment"_s, dep }, { u"generation"_s, 1 }, { u"state"_s, u"running"_s } } });
        QVERIFY(provider);
        QTRY_COMPARE_WITH_TIMEOUT(roundTrip(dbPort, "restored"), QByteArray("restored"), 15000);

        // Deleted: the port closes.
        QCOMPARE(fx.http().request("DELETE", fx.relay().url(u"/v1/databases/"_s + dep), owner.token).status,
            202); // new port
        QTRY_VERIFY_WITH_TIMEOUT(roundTrip(dbPort, "gone?").isEmpty(), 5000);
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, dbPort);
        QVERIFY(!probe.waitForConnected(1000));
        agent.stop();
    }
};

QTEST_GUILESS_MAIN(TestDbIngress)
#include "tst_db_ingress.moc"
