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

// curl over HTTPS to <host>:<port> (resolved to loopback), trusting only `caFile`.
CurlResult curlHttps(const QString &host, quint16 port, const QString &path, const QString &caFile, QByteArray *headers = nullptr)
{
    QProcess p;
    p.start(u"curl"_s, {u"-sS"_s, u"--max-time"_s, u"10"_s, u"-w"_s, u"\n%{http_code}"_s, u"--cacert"_s, caFile, u"--resolve"_s,
                        u"%1:%2:127.0.0.1"_s.arg(host).arg(port), u"https://%1:%2%3"_s.arg(host).arg(port).arg(path)});
    if (!p.waitForStarted(5000))
        return {};
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 15000)) {
        p.kill();
        p.waitForFinished(2000);
        return {};
    }
    if (headers)
        *headers = p.readAllStandardError();
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

// A relay with ingress (started by the test), a deployer, one provider machine on the control
// socket and its tunnel agent: deployments are placed there and reported running on a port of
// this process.
class Stack
{
public:
    explicit Stack(RelayFixture &fx) : m_fx(fx) {}

    bool connect(const QSslConfiguration &agentTls = {})
    {
        tunnelPort = loggedPort(m_fx.relay().log(), u"tunnel listening"_s);
        ingressPort = loggedPort(m_fx.relay().log(), u"ingress listening"_s);
        tlsPort = loggedPort(m_fx.relay().log(), u"https ingress listening"_s);
        owner = m_fx.signUp(u"stack-owner@example.com"_s);
        project = m_fx.createProject(owner, u"stack"_s);
        machine = m_fx.addProvider(owner, u"stack-box"_s);
        provider = m_fx.connectProvider(machine);
        if (!tunnelPort || !provider)
            return false;
        ttalkak::tunnel::AgentConfig config;
        config.host = u"127.0.0.1"_s;
        config.port = tunnelPort;
        config.machineId = machine.id;
        config.key = machine.key.toUtf8();
        if (!agentTls.isNull())
            config.tls = agentTls;
        agent = std::make_unique<ttalkak::tunnel::Agent>(config);
        agent->start();
        return QTest::qWaitFor([&] { return agent->establishedConnections() == 1; }, 10000);
    }

    QString type(const QJsonObject &o) const { return o.value(u"type"_s).toString(); }

    HttpResult create(const QString &name, const QJsonObject &spec = minimalAppSpec())
    {
        return m_fx.http().post(m_fx.relay().url(u"/v1/deployments"_s), owner.token,
                                {{u"projectId"_s, project}, {u"name"_s, name}, {u"spec"_s, spec},
                                 {u"resources"_s, QJsonObject{{u"cpuMillis"_s, 100}, {u"memoryMb"_s, 64}, {u"diskMb"_s, 10}}}});
    }

    // Takes the deployment's offer (this is the only provider) and accepts it.
    bool accept(const QString &dep)
    {
        const QJsonObject offer = provider->waitFor([&](const QJsonObject &o) {
            return type(o) == u"offer" && o.value(u"deployment"_s).toObject().value(u"id"_s).toString() == dep;
        });
        return type(provider->call({{u"type"_s, u"accept"_s}, {u"offer"_s, offer.value(u"offer"_s)}})) == u"ack";
    }

    bool report(const QString &dep, int generation, const QString &state, quint16 port = 0)
    {
        QJsonObject status{{u"type"_s, u"status"_s}, {u"deployment"_s, dep}, {u"generation"_s, generation}, {u"state"_s, state}};
        if (port)
            status.insert(u"port"_s, port);
        return type(provider->call(status)) == u"ack";
    }

    // Creates an app, places it here and reports it running on `port`; its id, or empty.
    QString runApp(const QString &name, quint16 port, const QJsonObject &spec = minimalAppSpec())
    {
        const QString dep = create(name, spec).json.value(u"id"_s).toString();
        if (dep.isEmpty() || !accept(dep) || !report(dep, 1, u"running"_s, port))
            return {};
        agent->setRoute(dep, port);
        return dep;
    }

    QJsonObject deployment(const QString &dep) { return m_fx.deployment(owner, dep); }

    quint16 tunnelPort = 0;
    quint16 ingressPort = 0;
    quint16 tlsPort = 0;
    TestUser owner;
    QString project;
    TestProvider machine;
    std::unique_ptr<WsClient> provider;
    std::unique_ptr<ttalkak::tunnel::Agent> agent;

private:
    RelayFixture &m_fx;
};

// A self-signed wildcard certificate for *.<domain> (and localhost/127.0.0.1 for the REST side).
bool makeWildcardCertificate(const QTemporaryDir &dir, const QString &domain)
{
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                                 u"-nodes"_s, u"-keyout"_s, dir.filePath(u"key.pem"_s), u"-out"_s, dir.filePath(u"cert.pem"_s),
                                 u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=*."_s + domain, u"-addext"_s,
                                 u"subjectAltName=DNS:*.%1,DNS:localhost,IP:127.0.0.1"_s.arg(domain)});
    return openssl.waitForFinished(60000) && openssl.exitCode() == 0;
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

    // A redeploy moves the deployment to assigned/building while the previous container still
    // serves on the same provider: the ingress keeps routing to it (no 404s), switches to the new
    // port once the new generation runs, and stops routing once the placement is lost.
    void redeployKeepsRoutingToThePreviousContainer()
    {
        RelayFixture fx({u"--tunnel-listen"_s, u"127.0.0.1:0"_s, u"--ingress-listen"_s, u"127.0.0.1:0"_s,
                         u"--domain"_s, QString::fromLatin1(kDomain)});
        REQUIRE_RELAY(fx);
        Stack stack(fx);
        QVERIFY(stack.connect());
        TinyHttpServer v1;
        v1.body = "generation 1\n";
        QVERIFY(v1.listen(QHostAddress::LocalHost, 0));
        const QString dep = stack.runApp(u"blue"_s, v1.serverPort());
        QVERIFY(!dep.isEmpty());
        const QString host = u"blue."_s + QString::fromLatin1(kDomain);
        QCOMPARE(curlGet(host, stack.ingressPort, u"/"_s).body, v1.body);
        // The app's public URL (task: every app deployment JSON carries it).
        QCOMPARE(stack.deployment(dep).value(u"url"_s).toString(), u"http://%1:%2/"_s.arg(host).arg(stack.ingressPort));

        const HttpResult redeploy = fx.http().post(fx.relay().url(u"/v1/deployments/"_s + dep + u"/commands"_s), stack.owner.token,
                                                   {{u"command"_s, u"redeploy"_s}});
        QCOMPARE(redeploy.status, 202);
        QCOMPARE(redeploy.json.value(u"state"_s).toString(), u"assigned"_s);
        QCOMPARE(redeploy.json.value(u"generation"_s).toInt(), 2);
        QVERIFY(!stack.provider->waitFor([&](const QJsonObject &o) {
                               return stack.type(o) == u"command" && o.value(u"command"_s).toString() == u"redeploy";
                           }).isEmpty());
        CurlResult during = curlGet(host, stack.ingressPort, u"/during-assigned"_s);
        QCOMPARE(during.status, 200);
        QCOMPARE(during.body, v1.body);
        QVERIFY(stack.report(dep, 2, u"building"_s));
        during = curlGet(host, stack.ingressPort, u"/during-building"_s);
        QCOMPARE(during.status, 200);
        QCOMPARE(during.body, v1.body);

        // Generation 2 runs on another port: traffic moves there.
        TinyHttpServer v2;
        v2.body = "generation 2\n";
        QVERIFY(v2.listen(QHostAddress::LocalHost, 0));
        stack.agent->setRoute(dep, v2.serverPort());
        QVERIFY(stack.report(dep, 2, u"running"_s, v2.serverPort()));
        QCOMPARE(curlGet(host, stack.ingressPort, u"/after"_s).body, v2.body);

        // The provider drops it: re-queued (port cleared), offered again, accepted: no port yet, 404.
        QVERIFY(stack.report(dep, 2, u"removed"_s));
        QVERIFY(stack.accept(dep));
        QCOMPARE(stack.deployment(dep).value(u"state"_s).toString(), u"assigned"_s);
        QCOMPARE(curlGet(host, stack.ingressPort, u"/replaced"_s).status, 404);
        // Stopped clears it too.
        QVERIFY(stack.report(dep, 2, u"running"_s, v2.serverPort()));
        QCOMPARE(curlGet(host, stack.ingressPort, u"/again"_s).status, 200);
        QVERIFY(stack.report(dep, 2, u"stopped"_s));
        QCOMPARE(curlGet(host, stack.ingressPort, u"/stopped"_s).status, 404);
    }

    // --ingress-tls-listen: the same routes over TLS with the wildcard certificate, forwarded as
    // https; /v1/info and the apps' url name the HTTPS port.
    void httpsIngressServesTheSameRoutes()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(makeWildcardCertificate(dir, QString::fromLatin1(kDomain)));
        RelayFixture fx({u"--tls-cert"_s, dir.filePath(u"cert.pem"_s), u"--tls-key"_s, dir.filePath(u"key.pem"_s),
                         u"--tunnel-listen"_s, u"127.0.0.1:0"_s, u"--ingress-listen"_s, u"127.0.0.1:0"_s,
                         u"--ingress-tls-listen"_s, u"127.0.0.1:0"_s, u"--domain"_s, QString::fromLatin1(kDomain)});
        const QList<QSslCertificate> ca = QSslCertificate::fromPath(dir.filePath(u"cert.pem"_s));
        fx.setCaCertificates(ca);
        REQUIRE_RELAY(fx);
        QSslConfiguration agentTls = QSslConfiguration::defaultConfiguration();
        agentTls.setCaCertificates(ca);
        Stack stack(fx);
        QVERIFY(stack.connect(agentTls));
        QVERIFY(stack.tlsPort && stack.ingressPort);
        TinyHttpServer upstream;
        QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
        const QString dep = stack.runApp(u"secure"_s, upstream.serverPort());
        QVERIFY(!dep.isEmpty());
        const QString host = u"secure."_s + QString::fromLatin1(kDomain);

        const CurlResult ok = curlHttps(host, stack.tlsPort, u"/tls"_s, dir.filePath(u"cert.pem"_s));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body, upstream.body);
        QCOMPARE(upstream.heads.size(), 1);
        QVERIFY(upstream.heads.constLast().toLower().contains("x-forwarded-proto: https"));
        QCOMPARE(curlHttps(u"nobody."_s + QString::fromLatin1(kDomain), stack.tlsPort, u"/"_s, dir.filePath(u"cert.pem"_s)).status, 404);
        // Plain HTTP still works, forwarded as http.
        QCOMPARE(curlGet(host, stack.ingressPort, u"/plain"_s).status, 200);
        QVERIFY(upstream.heads.constLast().toLower().contains("x-forwarded-proto: http\r"));

        const HttpResult info = fx.http().get(fx.relay().url(u"/v1/info"_s));
        QCOMPARE(info.status, 200);
        QCOMPARE(info.json.value(u"domain"_s).toString(), QString::fromLatin1(kDomain));
        QCOMPARE(info.json.value(u"protocol"_s).toInt(), 1);
        QVERIFY(!info.json.value(u"version"_s).toString().isEmpty());
        const QJsonObject ingress = info.json.value(u"ingress"_s).toObject();
        QCOMPARE(ingress.value(u"https"_s).toObject().value(u"port"_s).toInt(), stack.tlsPort);
        QCOMPARE(ingress.value(u"http"_s).toObject().value(u"port"_s).toInt(), stack.ingressPort);
        QCOMPARE(info.json.value(u"tunnel"_s).toObject().value(u"port"_s).toInt(), stack.tunnelPort);
        QCOMPARE(stack.deployment(dep).value(u"url"_s).toString(), u"https://%1:%2/"_s.arg(host).arg(stack.tlsPort));
    }

    // Per-deployment limits: spec.limits within the relay's maxima (else 400), and a client
    // beyond maxConnections gets the 503 page. --public-url-base shapes the apps' url.
    void connectionLimitAnswers503()
    {
        RelayFixture fx({u"--tunnel-listen"_s, u"127.0.0.1:0"_s, u"--ingress-listen"_s, u"127.0.0.1:0"_s,
                         u"--domain"_s, QString::fromLatin1(kDomain), u"--ingress-max-connections"_s, u"4"_s,
                         u"--ingress-bandwidth-bps"_s, u"100000000"_s, u"--public-url-base"_s, u"https://{label}.example.com/"_s});
        REQUIRE_RELAY(fx);
        Stack stack(fx);
        QVERIFY(stack.connect());
        QJsonObject tooMany = minimalAppSpec();
        tooMany.insert(u"limits"_s, QJsonObject{{u"maxConnections"_s, 5}});
        HttpResult refused = stack.create(u"greedy"_s, tooMany);
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.body.contains("spec.limits.maxConnections"));
        QJsonObject tooFast = minimalAppSpec();
        tooFast.insert(u"limits"_s, QJsonObject{{u"bandwidthBytesPerSecond"_s, 200000000}});
        QCOMPARE(stack.create(u"greedy"_s, tooFast).status, 400);
        QJsonObject junk = minimalAppSpec();
        junk.insert(u"limits"_s, QJsonObject{{u"maxConnections"_s, 0}});
        QCOMPARE(stack.create(u"greedy"_s, junk).status, 400);

        TinyHttpServer upstream;
        QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
        QJsonObject spec = minimalAppSpec();
        spec.insert(u"limits"_s, QJsonObject{{u"maxConnections"_s, 1}, {u"bandwidthBytesPerSecond"_s, 1000000}});
        const QString dep = stack.runApp(u"limited"_s, upstream.serverPort(), spec);
        QVERIFY(!dep.isEmpty());
        QCOMPARE(stack.deployment(dep).value(u"url"_s).toString(), u"https://limited.example.com/"_s);
        const QString host = u"limited."_s + QString::fromLatin1(kDomain);

        // One kept-alive client holds the only connection.
        QTcpSocket held;
        held.connectToHost(QHostAddress::LocalHost, stack.ingressPort);
        QVERIFY(held.waitForConnected(5000));
        held.write("GET /hold HTTP/1.1\r\nHost: " + host.toLatin1() + "\r\n\r\n");
        QByteArray answer;
        QVERIFY(QTest::qWaitFor([&] { answer += held.readAll(); return answer.contains(upstream.body); }, 5000));
        QVERIFY(answer.startsWith("HTTP/1.1 200"));
        const CurlResult busy = curlGet(host, stack.ingressPort, u"/busy"_s);
        QCOMPARE(busy.status, 503);
        held.disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(curlGet(host, stack.ingressPort, u"/free"_s).status, 200, 5000);
    }

    // Custom domains: added pending with a challenge the ingress answers itself; the relay checks
    // it through the ingress (--domain-check-address instead of DNS) and the host then routes.
    void customDomainVerifiedThroughTheIngress()
    {
        RelayFixture fx({u"--tunnel-listen"_s, u"127.0.0.1:0"_s, u"--ingress-listen"_s, u"127.0.0.1:0"_s,
                         u"--domain"_s, QString::fromLatin1(kDomain), u"--domain-check-address"_s, u"127.0.0.1"_s});
        REQUIRE_RELAY(fx);
        Stack stack(fx);
        QVERIFY(stack.connect());
        TinyHttpServer upstream;
        QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
        const QString dep = stack.runApp(u"shop"_s, upstream.serverPort());
        QVERIFY(!dep.isEmpty());
        const QUrl domains = fx.relay().url(u"/v1/deployments/"_s + dep + u"/domains"_s);
        const QString custom = u"www.shop.example"_s;

        QCOMPARE(fx.http().post(domains, stack.owner.token, {{u"host"_s, QString(u"x."_s + QString::fromLatin1(kDomain))}}).status, 400);
        QCOMPARE(fx.http().post(domains, stack.owner.token, {{u"host"_s, u"http://nope"_s}}).status, 400);
        const HttpResult added = fx.http().post(domains, stack.owner.token, {{u"host"_s, u"WWW.Shop.Example"_s}});
        QCOMPARE(added.status, 201);
        QCOMPARE(added.json.value(u"host"_s).toString(), custom);
        QCOMPARE(added.json.value(u"verified"_s).toBool(), false);
        const QString token = added.json.value(u"challenge"_s).toObject().value(u"token"_s).toString();
        const QString path = added.json.value(u"challenge"_s).toObject().value(u"path"_s).toString();
        QVERIFY(token.size() >= 32);
        QCOMPARE(path, u"/.well-known/ttalkak/"_s + token);
        QCOMPARE(fx.http().post(domains, stack.owner.token, {{u"host"_s, custom}}).status, 200); // idempotent
        QCOMPARE(fx.http().get(domains, stack.owner.token).json.value(u"items"_s).toArray().size(), 1);
        const TestUser stranger = fx.signUp(u"domain-stranger@example.com"_s);
        QCOMPARE(fx.http().get(domains, stranger.token).status, 404);

        // Unverified: the 404 page, except for the challenge itself.
        QCOMPARE(curlGet(custom, stack.ingressPort, u"/"_s).status, 404);
        const CurlResult challenge = curlGet(custom, stack.ingressPort, path);
        QCOMPARE(challenge.status, 200);
        QCOMPARE(challenge.body, token.toLatin1());
        QCOMPARE(curlGet(custom, stack.ingressPort, u"/.well-known/ttalkak/0123"_s).status, 404);
        QCOMPARE(upstream.heads.size(), 0);

        const QUrl verify = fx.relay().url(u"/v1/deployments/"_s + dep + u"/domains/"_s + custom + u"/verify"_s);
        const HttpResult verified = fx.http().post(verify, stack.owner.token, QJsonObject());
        QCOMPARE(verified.status, 200);
        QCOMPARE(verified.json.value(u"verified"_s).toBool(), true);
        const CurlResult routed = curlGet(custom, stack.ingressPort, u"/cart"_s);
        QCOMPARE(routed.status, 200);
        QCOMPARE(routed.body, upstream.body);

        // Another deployment may claim the host but not verify it: 409. One the host does not
        // point at (an unknown name) fails the check.
        TinyHttpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        const QString dep2 = stack.runApp(u"rival"_s, other.serverPort());
        QVERIFY(!dep2.isEmpty());
        const QUrl domains2 = fx.relay().url(u"/v1/deployments/"_s + dep2 + u"/domains"_s);
        QCOMPARE(fx.http().post(domains2, stack.owner.token, {{u"host"_s, custom}}).status, 201);
        QCOMPARE(fx.http().post(fx.relay().url(u"/v1/deployments/"_s + dep2 + u"/domains/"_s + custom + u"/verify"_s),
                                stack.owner.token, QJsonObject()).status,
                 409);
        QCOMPARE(curlGet(custom, stack.ingressPort, u"/still"_s).body, upstream.body);

        // Removed: 404 again.
        QCOMPARE(fx.http().request("DELETE", fx.relay().url(u"/v1/deployments/"_s + dep + u"/domains/"_s + custom),
                                   stack.owner.token).status,
                 200);
        QCOMPARE(fx.http().get(domains, stack.owner.token).json.value(u"items"_s).toArray().size(), 0);
        QCOMPARE(curlGet(custom, stack.ingressPort, u"/gone"_s).status, 404);
        // Now the rival can verify it (the ingress answers its challenge: the host is pending again).
        QCOMPARE(fx.http().post(fx.relay().url(u"/v1/deployments/"_s + dep2 + u"/domains/"_s + custom + u"/verify"_s),
                                stack.owner.token, QJsonObject()).status,
                 200);
        QCOMPARE(curlGet(custom, stack.ingressPort, u"/rival"_s).body, other.body);
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
