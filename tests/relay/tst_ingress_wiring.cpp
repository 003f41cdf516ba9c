// Public ingress wired into the real relay: the relay binary with --tunnel-listen and
// --ingress-listen, a deployment placed on a provider over the control socket (which reports the
// container port in `status`), a real tunnel Agent in this process with that provider's key,
// routing to a small HTTP server here; curl through <name>.<domain> gets the server's answer and
// the deployment's access log (REST) holds exactly that request. Unknown hosts get the 404 page;
// a wrong key (or a key for another machine) is refused by the hub.
#include "relayfixture.h"

#include <tunnel/agent.h>

#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

constexpr auto kDomain = "apps.test";

QString type(const QJsonObject &o)
{
    return o.value(u"type"_s).toString();
}

// Answers every request on a connection with 200 and a fixed body; remembers request heads.
class TinyHttpServer : public QTcpServer
{
public:
    QByteArray body = "hello through the tunnel\n";
    QList<QByteArray> heads;

    TinyHttpServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    QByteArray &buffer = m_buffers[s];
                    buffer += s->readAll();
                    qsizetype end;
                    while ((end = buffer.indexOf("\r\n\r\n")) >= 0) { // GET only: no bodies
                        heads.append(buffer.left(end));
                        buffer.remove(0, end + 4);
                        s->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    }
                });
            }
        });
    }

private:
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

struct CurlResult
{
    int status = 0;
    QByteArray body;
};

// curl without blocking the event loop: the agent and the upstream server live in this process.
CurlResult curlGet(const QString &host, quint16 port, const QString &pathAndQuery)
{
    QProcess p;
    p.start(u"curl"_s, {u"-sS"_s, u"--max-time"_s, u"10"_s, u"-w"_s, u"\n%{http_code}"_s, u"--resolve"_s,
                        u"%1:%2:127.0.0.1"_s.arg(host).arg(port), u"http://%1:%2%3"_s.arg(host).arg(port).arg(pathAndQuery)});
    if (!p.waitForStarted(5000))
        return {};
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 15000)) {
        p.kill();
        p.waitForFinished(2000);
        return {};
    }
    QByteArray out = p.readAllStandardOutput();
    const qsizetype nl = out.lastIndexOf('\n');
    CurlResult r;
    r.status = out.mid(nl + 1).trimmed().toInt();
    r.body = out.left(nl);
    return r;
}

quint16 loggedPort(const QByteArray &log, const QString &message)
{
    for (const QByteArray &line : log.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(u"msg"_s).toString() == message)
            return quint16(o.value(u"port"_s).toVariant().toInt());
    }
    return 0;
}

} // namespace

class TestIngressWiring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestThroughTunnelIsServedAndLogged()
    {
        QElapsedTimer clock;
        clock.start();
        RelayFixture fx({u"--tunnel-listen"_s, u"127.0.0.1:0"_s, u"--ingress-listen"_s, u"127.0.0.1:0"_s,
                         u"--domain"_s, QString::fromLatin1(kDomain)});
        REQUIRE_RELAY(fx);
        const quint16 tunnelPort = loggedPort(fx.relay().log(), u"tunnel listening"_s);
        const quint16 ingressPort = loggedPort(fx.relay().log(), u"ingress listening"_s);
        QVERIFY2(tunnelPort && ingressPort, fx.relay().log().constData());

        TinyHttpServer upstream;
        QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));

        // Deployer, provider machine, deployment placed and reported running on the upstream port.
        const TestUser owner = fx.signUp(u"ingress-owner@example.com"_s);
        const QString project = fx.createProject(owner, u"site"_s);
        const QString dep = fx.deploy(owner, project, u"hello"_s).value(u"id"_s).toString();
        QVERIFY(!dep.isEmpty());
        const TestProvider machine = fx.addProvider(owner, u"home-box"_s);
        auto provider = fx.connectProvider(machine);
        QVERIFY(provider);
        const QJsonObject offer = provider->waitFor([&](const QJsonObject &o) {
            return type(o) == u"offer" && o.value(u"deployment"_s).toObject().value(u"id"_s).toString() == dep;
        });
        QCOMPARE(type(provider->call({{u"type"_s, u"accept"_s}, {u"offer"_s, offer.value(u"offer"_s)}})), u"ack");
        // A bad port is refused and changes nothing.
        QCOMPARE(type(provider->call({{u"type"_s, u"status"_s}, {u"deployment"_s, dep}, {u"generation"_s, 1},
                                      {u"state"_s, u"running"_s}, {u"port"_s, 70000}})),
                 u"error");
        QCOMPARE(type(provider->call({{u"type"_s, u"status"_s}, {u"deployment"_s, dep}, {u"generation"_s, 1},
                                      {u"state"_s, u"running"_s}, {u"port"_s, int(upstream.serverPort())}})),
                 u"ack");

        // The provider's tunnel agent, authenticated with its machine id and key.
        ttalkak::tunnel::AgentConfig config;
        config.host = u"127.0.0.1"_s;
        config.port = tunnelPort;
        config.machineId = machine.id;
        config.key = machine.key.toUtf8();
        ttalkak::tunnel::Agent agent(config);
        agent.setRoute(dep, upstream.serverPort());
        agent.start();
        QTRY_VERIFY_WITH_TIMEOUT(agent.establishedConnections() == 1, 10000);

        const QString host = u"hello."_s + QString::fromLatin1(kDomain);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const CurlResult ok = curlGet(host, ingressPort, u"/hello?token=secret"_s);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body, upstream.body);
        QCOMPARE(upstream.heads.size(), 1);
        QVERIFY(upstream.heads.constFirst().startsWith("GET /hello?token=secret HTTP/1.1"));
        QVERIFY(upstream.heads.constFirst().toLower().contains(QByteArray("x-forwarded-host: " + host.toLatin1())));

        // The deployment id works as a host label too ("dep-<hex>").
        QString idLabel = dep;
        idLabel.replace(u'_', u'-');
        const CurlResult byId = curlGet(idLabel + u'.' + QString::fromLatin1(kDomain), ingressPort, u"/by-id"_s);
        QCOMPARE(byId.status, 200);

        // Unknown host: the 404 page, nothing reaches upstream, nothing in the deployment's log.
        const CurlResult unknown = curlGet(u"nobody."_s + QString::fromLatin1(kDomain), ingressPort, u"/hello"_s);
        QCOMPARE(unknown.status, 404);
        QVERIFY(unknown.body.contains("404"));
        const CurlResult foreign = curlGet(u"example.org"_s, ingressPort, u"/"_s);
        QCOMPARE(foreign.status, 404);
        QCOMPARE(upstream.heads.size(), 2);

        // The access log over REST: exactly the two proxied requests (batched: poll briefly).
        QUrl logs = fx.relay().url(u"/v1/deployments/"_s + dep + u"/logs"_s);
        logs.setQuery(u"kind=access"_s);
        QJsonArray items;
        QTRY_VERIFY_WITH_TIMEOUT((items = fx.http().get(logs, owner.token).json.value(u"items"_s).toArray()).size() >= 2, 5000);
        QTest::qWait(400); // a later flush would show up now
        items = fx.http().get(logs, owner.token).json.value(u"items"_s).toArray();
        QCOMPARE(items.size(), 2);
        const QJsonObject first = items.at(1).toObject(); // newest first
        QCOMPARE(first.value(u"method"_s).toString(), u"GET"_s);
        QCOMPARE(first.value(u"path"_s).toString(), u"/hello"_s); // without the query
        QCOMPARE(first.value(u"status"_s).toInt(), 200);
        QCOMPARE(first.value(u"client"_s).toString(), u"127.0.0.1"_s);
        QVERIFY(first.value(u"bytesOut"_s).toInteger() > upstream.body.size());
        QVERIFY(first.value(u"at"_s).toInteger() >= before - 1000);
        QCOMPARE(items.at(0).toObject().value(u"path"_s).toString(), u"/by-id"_s);

        // Another user sees none of it.
        const TestUser stranger = fx.signUp(u"ingress-stranger@example.com"_s);
        QCOMPARE(fx.http().get(logs, stranger.token).status, 404);

        // Wrong key, and a valid key for another machine: refused by the hub.
        for (const auto &[id, key] : {std::pair{machine.id, QByteArray("ttk_p_not-the-key-of-this-machine")},
                                      std::pair{u"prv_000000000000000000000000"_s, machine.key.toUtf8()}}) {
            ttalkak::tunnel::AgentConfig bad = config;
            bad.machineId = id;
            bad.key = key;
            ttalkak::tunnel::Agent intruder(bad);
            QSignalSpy refused(&intruder, &ttalkak::tunnel::Agent::authenticationFailed);
            intruder.start();
            QVERIFY(refused.wait(10000));
            QCOMPARE(intruder.establishedConnections(), 0);
            intruder.stop();
        }
        QVERIFY(fx.relay().log().contains("tunnel authentication failed"));
        QCOMPARE(agent.establishedConnections(), 1); // the real agent is unaffected

        // Provider gone: the tunnel drops, the ingress answers 502 (logged for the deployment).
        agent.stop();
        QTRY_VERIFY_WITH_TIMEOUT(curlGet(host, ingressPort, u"/gone"_s).status == 502, 5000);
        qInfo("ingress wiring test took %lld ms", clock.elapsed());
    }

    // With --tls-cert/--tls-key the hub speaks TLS with the relay's certificate: an agent that
    // trusts it completes the handshake and reaches the verifier (a wrong key: rejected there);
    // a plain-TCP agent never gets that far.
    void tunnelUsesTheRelayCertificate()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                                     u"-nodes"_s, u"-keyout"_s, dir.filePath(u"key.pem"_s), u"-out"_s, dir.filePath(u"cert.pem"_s),
                                     u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=localhost"_s,
                                     u"-addext"_s, u"subjectAltName=DNS:localhost,IP:127.0.0.1"_s});
        QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0, openssl.readAllStandardError().constData());
        RelayProcess relay(u"sqlite:"_s + dir.filePath(u"relay.db"_s), dir.filePath(u"data"_s),
                           {u"--tls-cert"_s, dir.filePath(u"cert.pem"_s), u"--tls-key"_s, dir.filePath(u"key.pem"_s),
                            u"--tunnel-listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(relay.start());
        const quint16 tunnelPort = loggedPort(relay.log(), u"tunnel listening"_s);
        QVERIFY(tunnelPort);

        ttalkak::tunnel::AgentConfig config;
        config.host = u"127.0.0.1"_s;
        config.port = tunnelPort;
        config.machineId = u"prv_000000000000000000000000"_s;
        config.key = "ttk_p_not-a-registered-key-at-all";
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(dir.filePath(u"cert.pem"_s)));
        config.tls = tls;
        ttalkak::tunnel::Agent trusting(config);
        QSignalSpy rejected(&trusting, &ttalkak::tunnel::Agent::authenticationFailed);
        trusting.start();
        QVERIFY(rejected.wait(10000));
        trusting.stop();
        QTRY_VERIFY_WITH_TIMEOUT(relay.log().contains("tunnel authentication failed"), 5000);

        config.tls.reset();
        config.options.handshakeTimeoutMs = 1000;
        ttalkak::tunnel::Agent plain(config);
        QSignalSpy plainRejected(&plain, &ttalkak::tunnel::Agent::authenticationFailed);
        plain.start();
        QTest::qWait(1500);
        QCOMPARE(plainRejected.size(), 0);
        QCOMPARE(plain.establishedConnections(), 0);
        plain.stop();
    }
};

QTEST_GUILESS_MAIN(TestIngressWiring)
#include "tst_ingress_wiring.moc"
