// Tunnel protocol end to end on loopback: TunnelHub ↔ Agent ↔ real TCP servers in this process.

#include <tunnel/agent.h>
#include <tunnel/backoff.h>
#include <tunnel/frame.h>
#include <tunnel/framedecoder.h>
#include <tunnel/stream.h>
#include <tunnel/tunnelhub.h>

#include "testenv.h"

#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::tunnel;

namespace {

// Echoes every byte back; counts connections.
class EchoServer : public QTcpServer
{
public:
    EchoServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                ++connections;
                connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
    int connections = 0;
};

// Writes `total` bytes as fast as the socket takes them (never more than 1 MB queued).
class FirehoseServer : public QTcpServer
{
public:
    explicit FirehoseServer(qint64 total)
        : m_total(total)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = nextPendingConnection();
            auto feed = [this, s] {
                while (m_sent < m_total && s->bytesToWrite() < 1024 * 1024) {
                    s->write(QByteArray(64 * 1024, 'x'));
                    m_sent += 64 * 1024;
                }
            };
            connect(s, &QTcpSocket::bytesWritten, s, feed);
            feed();
        });
        listen(QHostAddress::LocalHost, 0);
    }
    qint64 m_sent = 0;
    qint64 m_total;
};

// Collects what a stream delivers; consumes it at once unless told not to.
struct Collector : QObject
{
    explicit Collector(Stream *s, bool consume = true)
        : stream(s)
    {
        QObject::connect(s, &Stream::dataReceived, this, [this, consume](const QByteArray &d) {
            data += d;
            if (consume)
                stream->consume(d.size());
        });
        QObject::connect(s, &Stream::aborted, this, [this](ResetCode c, const QString &r) {
            aborted = true;
            code = c;
            reason = r;
        });
        QObject::connect(s, &Stream::remoteFinished, this, [this] { finished = true; });
    }
    QPointer<Stream> stream;
    QByteArray data;
    bool aborted = false;
    bool finished = false;
    ResetCode code = ResetCode::Cancelled;
    QString reason;
};

TunnelOptions fastOptions()
{
    TunnelOptions o;
    o.pingIntervalMs = 200;
    o.idleTimeoutMs = 1000;
    o.handshakeTimeoutMs = 2000;
    return o;
}

} // namespace

class TstTunnel : public QObject
{
    Q_OBJECT

    std::unique_ptr<TunnelHub> makeHub(const TunnelOptions &o = fastOptions())
    {
        auto hub = std::make_unique<TunnelHub>();
        hub->setOptions(o);
        hub->setVerifier([](const QString &m, const QByteArray &k) { return m == u"m1"_s && k == "key-1"; });
        return hub;
    }
    std::unique_ptr<Agent> makeAgent(quint16 hubPort, const QByteArray &key = "key-1", int connections = 1)
    {
        AgentConfig c;
        c.host = u"127.0.0.1"_s;
        c.port = hubPort;
        c.machineId = u"m1"_s;
        c.key = key;
        c.connections = connections;
        c.options = fastOptions();
        c.backoff = { 50, 400, 2.0 };
        return std::make_unique<Agent>(c);
    }

private Q_SLOTS:
    void backoffGrowsWithJitterAndCaps()
    {
        Backoff b({ 100, 1000, 2.0 });
        b.setRandom([] { return 0.0; });
        QCOMPARE(b.nextDelayMs(), 50);
        QCOMPARE(b.nextDelayMs(), 100);
        QCOMPARE(b.nextDelayMs(), 200);
        QCOMPARE(b.nextDelayMs(), 400);
        QCOMPARE(b.nextDelayMs(), 500); // capped at 1000, half fixed
        b.setRandom([] { return 0.999; });
        QVERIFY(b.nextDelayMs() >= 999);
        b.reset();
        QVERIFY(b.nextDelayMs() <= 100);
    }

    void multiplexedEcho()
    {
        EchoServer echo;
        auto hub = makeHub();
        QVERIFY(hub->listen(QHostAddress::LocalHost));
        auto agent = makeAgent(hub->serverPort());
        agent->setRoute(u"dep"_s, echo.serverPort());
        agent->start();
        QTRY_VERIFY_WITH_TIMEOUT(hub->isConnected(u"m1"_s), 5000);

        std::vector<std::unique_ptr<Collector>> collectors;
        QList<QByteArray> sent;
        for (int i = 0; i < 20; ++i) {
            Stream *s = hub->openStream(u"m1"_s, u"dep"_s, echo.serverPort());
            QVERIFY(s);
            collectors.push_back(std::make_unique<Collector>(s));
            // 700 KB each: several windows' worth, so flow control must cycle.
            QByteArray payload = test::patternBytes(i * 7, 700 * 1024);
            sent.append(payload);
            s->write(payload);
        }
        for (int i = 0; i < 20; ++i)
            QTRY_COMPARE_WITH_TIMEOUT(collectors[i]->data.size(), sent[i].size(), 20000);
        for (int i = 0; i < 20; ++i)
            QVERIFY(collectors[i]->data == sent[i]);
        QCOMPARE(echo.connections, 20);
        for (auto &c : collectors)
            c->stream->finish();
        QTRY_COMPARE_WITH_TIMEOUT(agent->activeStreams(), 0, 5000);
    }

    void slowReaderDoesNotStallOthers()
    {
        EchoServer echo;
        FirehoseServer firehose(200 * 1024 * 1024);
        TunnelOptions o = fastOptions();
        auto hub = makeHub(o);
        QVERIFY(hub->listen(QHostAddress::LocalHost));
        auto agent = makeAgent(hub->serverPort());
        agent->setRoute(u"fire"_s, firehose.serverPort());
        agent->setRoute(u"dep"_s, echo.serverPort());
        agent->start();
        QTRY_VERIFY_WITH_TIMEOUT(hub->isConnected(u"m1"_s), 5000);

        Stream *slow = hub->openStream(u"m1"_s, u"fire"_s, firehose.serverPort());
        Collector never(slow, /*consume=*/false);
        QTRY_COMPARE_WITH_TIMEOUT(never.data.size(), qsizetype(o.initialWindow), 5000);
        const qint64 rssBefore = test::currentRssKb();

        // Another stream on the same connection still flows while the first is stalled.
        Stream *fast = hub->openStream(u"m1"_s, u"dep"_s, echo.serverPort());
        Collector echoed(fast);
        const QByteArray payload = test::patternBytes(3, 2 * 1024 * 1024);
        fast->write(payload);
        QTRY_COMPARE_WITH_TIMEOUT(echoed.data.size(), payload.size(), 10000);
        QVERIFY(echoed.data == payload);

        // The stalled stream got exactly one window, and the firehose was pushed back: it could
        // only hand over what the socket buffers hold, nowhere near its 200 MB.
        QTest::qWait(300);
        QCOMPARE(never.data.size(), qsizetype(o.initialWindow));
        QVERIFY2(firehose.m_sent < 64 * 1024 * 1024, QByteArray::number(firehose.m_sent).constData());
        QVERIFY(test::currentRssKb() - rssBefore < 32 * 1024);

        // Consuming resumes it.
        slow->consume(never.data.size());
        QTRY_VERIFY_WITH_TIMEOUT(never.data.size() > qsizetype(o.initialWindow), 5000);
        slow->reset();
    }

    void streamToUnassignedPortIsRefused()
    {
        EchoServer allowed;
        EchoServer other; // listening, but not on the allow-list: must never see a connection
        auto hub = makeHub();
        QVERIFY(hub->listen(QHostAddress::LocalHost));
        auto agent = makeAgent(hub->serverPort());
        agent->setRoute(u"dep"_s, allowed.serverPort());
        agent->start();
        QTRY_VERIFY_WITH_TIMEOUT(hub->isConnected(u"m1"_s), 5000);
        QSignalSpy refused(agent.get(), &Agent::streamRefused);

        Collector wrongPort(hub->openStream(u"m1"_s, u"dep"_s, other.serverPort()));
        Collector wrongDeployment(hub->openStream(u"m1"_s, u"someone-else"_s, other.serverPort()));
        QTRY_VERIFY_WITH_TIMEOUT(wrongPort.aborted && wrongDeployment.aborted, 5000);
        QCOMPARE(wrongPort.code, ResetCode::Refused);
        QCOMPARE(wrongDeployment.code, ResetCode::Refused);
        QCOMPARE(refused.size(), 2);
        QCOMPARE(refused.at(0).at(1).value<quint16>(), other.serverPort());
        QCOMPARE(other.connections, 0);

        // The connection is unaffected.
        Collector ok(hub->openStream(u"m1"_s, u"dep"_s, allowed.serverPort()));
        ok.stream->write("ping");
        QTRY_COMPARE_WITH_TIMEOUT(ok.data, "ping"_ba, 5000);
    }

    // A redeploy moves the route to a new port; the relay may still ask for the old one for a
    // moment. Those streams reach the NEW port; the old server never sees a connection.
    void movedRouteServesTheOldPortFromTheNewOne()
    {
        EchoServer oldServer;
        EchoServer newServer;
        auto hub = makeHub();
        QVERIFY(hub->listen(QHostAddress::LocalHost));
        auto agent = makeAgent(hub->serverPort());
        agent->setRoute(u"dep"_s, oldServer.serverPort());
        agent->start();
        QTRY_VERIFY_WITH_TIMEOUT(hub->isConnected(u"m1"_s), 5000);
        agent->setRoute(u"dep"_s, newServer.serverPort());

        Collector viaOld(hub->openStream(u"m1"_s, u"dep"_s, oldServer.serverPort()));
        viaOld.stream->write("moved");
        QTRY_COMPARE_WITH_TIMEOUT(viaOld.data, "moved"_ba, 5000);
        QCOMPARE(oldServer.connections, 0);
        QCOMPARE(newServer.connections, 1);
        // Only the one previous port: any other is still refused.
        EchoServer stranger;
        Collector wrong(hub->openStream(u"m1"_s, u"dep"_s, stranger.serverPort()));
        QTRY_VERIFY_WITH_TIMEOUT(wrong.aborted, 5000);
        QCOMPARE(wrong.code, ResetCode::Refused);
    }

    void connectFailureResetsStream()
    {
        const quint16 closedPort = test::freePort();
        auto hub = makeHub();
        QVERIFY(hub->listen(QHostAddress::LocalHost));
        auto agent = makeAgent(hub->serverPort());
        agent->setRoute(u"dep"_s, closedPort);
        agent->start();
        QTRY_VERIFY_WITH_TIMEOUT(hub->isConnected(u"m1"_s), 5000);
        Collector c(hub->openStream(u"m1"_s, u"dep"_s, closedPort));
        QTRY_VERIFY_WITH_TIMEOUT(c.aborted, 5000);
        QCOMPARE(c.code, ResetCode::ConnectFailed);
    }

    void wrongKeyIsRejected()
    {
        auto hub = makeHub();
        QVERIFY(hub->listen(QHostAddress::LocalHost));
        QSignalSpy hubRejected(hub.get(), &TunnelHub::authenticationFailed);
        auto agent = makeAgent(hub->serverPort(), "wrong");
        QSignalSpy agentRejected(agent.get(), &Agent::authenticationFailed);
        agent->start();
        QTRY_VERIFY_WITH_TIMEOUT(!agentRejected.isEmpty(), 5000);
        QVERIFY(!hubRejected.isEmpty());
        QCOMPARE(hubRejected.first().at(1).toString(), u"m1"_s);
        QVERIFY(!hub->isConnected(u"m1"_s));
        QVERIFY(hub->openStream(u"m1"_s, u"dep"_s, 1) == nullptr);
    }

    void agentReconnectsAfterHubRestart()
    {
        EchoServer echo;
        auto hub = makeHub();
        QVERIFY(hub->listen(QHostAddress::LocalHost));
        const quint16 port = hub->serverPort();
        auto agent = makeAgent(port);
        agent->setRoute(u"dep"_s, echo.serverPort());
        QSignalSpy connected(agent.get(), &Agent::connected);
        QSignalSpy disconnected(agent.get(), &Agent::disconnected);
        agent->start();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 5000);
        Collector before(hub->openStream(u"m1"_s, u"dep"_s, echo.serverPort()));

        hub.reset(); // the relay goes away with a stream open
        QTRY_VERIFY_WITH_TIMEOUT(!disconnected.isEmpty(), 5000);
        QTest::qWait(200); // a few failed attempts against the closed port

        hub = makeHub();
        QVERIFY(hub->listen(QHostAddress::LocalHost, port));
        QTRY_VERIFY_WITH_TIMEOUT(hub->isConnected(u"m1"_s), 5000);
        QCOMPARE(connected.size(), 2);
        Collector after(hub->openStream(u"m1"_s, u"dep"_s, echo.serverPort()));
        after.stream->write("again");
        QTRY_COMPARE_WITH_TIMEOUT(after.data, "again"_ba, 5000);
    }

    void parallelConnectionsShareStreams()
    {
        EchoServer echo;
        auto hub = makeHub();
        QVERIFY(hub->listen(QHostAddress::LocalHost));
        auto agent = makeAgent(hub->serverPort(), "key-1", 3);
        agent->setRoute(u"dep"_s, echo.serverPort());
        agent->start();
        QTRY_COMPARE_WITH_TIMEOUT(hub->connectionCount(u"m1"_s), 3, 5000);
        QSet<QObject *> connections;
        std::vector<std::unique_ptr<Collector>> cs;
        for (int i = 0; i < 9; ++i) {
            Stream *s = hub->openStream(u"m1"_s, u"dep"_s, echo.serverPort());
            connections.insert(s->parent());
            cs.push_back(std::make_unique<Collector>(s));
            s->write(QByteArray::number(i));
        }
        QCOMPARE(connections.size(), 3);
        for (int i = 0; i < 9; ++i)
            QTRY_COMPARE_WITH_TIMEOUT(cs[i]->data, QByteArray::number(i), 5000);
    }

    void silentPeerIsDropped()
    {
        auto hub = makeHub();
        QVERIFY(hub->listen(QHostAddress::LocalHost));
        QSignalSpy gone(hub.get(), &TunnelHub::agentDisconnected);
        // A hand-made agent that completes the handshake and then never speaks again.
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, hub->serverPort());
        QVERIFY(raw.waitForConnected(5000));
        const QByteArray hello = R"({"v":1,"machine":"m1","key":"a2V5LTE=","conn":0,"win":65536})";
        raw.write(encodeFrame({ FrameType::Hello, 0, 0, hello }));
        QTRY_VERIFY_WITH_TIMEOUT(hub->isConnected(u"m1"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!gone.isEmpty(), 5000); // idle timeout is 1 s
        QCOMPARE(gone.first().at(2).toString(), u"keepalive timeout"_s);
    }

    void garbageClosesOnlyThatConnection()
    {
        EchoServer echo;
        auto hub = makeHub();
        QVERIFY(hub->listen(QHostAddress::LocalHost));
        auto agent = makeAgent(hub->serverPort());
        agent->setRoute(u"dep"_s, echo.serverPort());
        agent->start();
        QTRY_VERIFY_WITH_TIMEOUT(hub->isConnected(u"m1"_s), 5000);

        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, hub->serverPort());
        QVERIFY(raw.waitForConnected(5000));
        QSignalSpy closed(&raw, &QTcpSocket::disconnected);
        raw.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n"); // not our protocol
        QVERIFY(closed.wait(5000));

        Collector c(hub->openStream(u"m1"_s, u"dep"_s, echo.serverPort()));
        c.stream->write("still fine");
        QTRY_COMPARE_WITH_TIMEOUT(c.data, "still fine"_ba, 5000);
    }

    void tlsTunnel()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(u"key.pem"_s), cert = dir.filePath(u"cert.pem"_s);
        const auto r = test::run(u"openssl"_s,
            { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key, u"-out"_s, cert,
                u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=localhost"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s },
            30000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile kf(key), cf(cert);
        QVERIFY(kf.open(QIODevice::ReadOnly) && cf.open(QIODevice::ReadOnly));
        const QSslCertificate certificate(&cf, QSsl::Pem);
        QSslConfiguration server = QSslConfiguration::defaultConfiguration();
        server.setLocalCertificate(certificate);
        server.setPrivateKey(QSslKey(&kf, QSsl::Rsa, QSsl::Pem));

        EchoServer echo;
        auto hub = makeHub();
        hub->setTls(server);
        QVERIFY(hub->listen(QHostAddress::LocalHost));
        AgentConfig c;
        c.host = u"127.0.0.1"_s;
        c.port = hub->serverPort();
        c.machineId = u"m1"_s;
        c.key = "key-1";
        c.options = fastOptions();
        QSslConfiguration client = QSslConfiguration::defaultConfiguration();
        client.setCaCertificates({ certificate }); // verify the relay, do not trust blindly
        c.tls = client;
        Agent agent(c);
        agent.setRoute(u"dep"_s, echo.serverPort());
        agent.start();
        QTRY_VERIFY_WITH_TIMEOUT(hub->isConnected(u"m1"_s), 10000);
        Collector col(hub->openStream(u"m1"_s, u"dep"_s, echo.serverPort()));
        const QByteArray payload = test::patternBytes(0, 1024 * 1024);
        col.stream->write(payload);
        QTRY_COMPARE_WITH_TIMEOUT(col.data.size(), payload.size(), 10000);
        QVERIFY(col.data == payload);
    }
};

TTALKAK_TUNNEL_TEST_MAIN(TstTunnel)
#include "tst_tunnel.moc"
