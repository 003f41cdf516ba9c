// The HTTP ingress with real clients (curl, a WebSocket client, headless Chromium) through
// relay (hub + ingress) → tunnel → agent → real servers (python3 upstream.py, nginx, a Qt
// WebSocket echo server), all on loopback.

#include <tunnel/httpingress.h>

#include "testenv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;
using namespace ttalkak::tunnel;
using test::run;

namespace {
// A 1×1 PNG.
const QByteArray kPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
constexpr qint64 k100MB = 100 * 1024 * 1024;
} // namespace

class TstIngress : public QObject
{
    Q_OBJECT

    test::PythonUpstream m_python;
    test::Nginx m_nginx;
    QTemporaryDir m_www;
    QTemporaryDir m_tmp;
    QWebSocketServer m_wsServer { u"echo"_s, QWebSocketServer::NonSecureMode };
    std::unique_ptr<test::Rig> m_rig;

    QStringList curlArgs(const QString &site)
    {
        QStringList a { u"-sS"_s, u"--max-time"_s, u"60"_s, u"--noproxy"_s, u"*"_s };
        a += m_rig->curlResolve(site);
        return a;
    }
    QByteArray get(const QString &site, const QString &path, QStringList extra = {})
    {
        const auto r = run(u"curl"_s, curlArgs(site) + extra + QStringList { m_rig->url(site, path) });
        return r.out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_python.start());
        QDir www(m_www.path());
        QFile::setPermissions(m_www.path(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                | QFileDevice::ExeOther);
        auto write = [&](const QString &name, const QByteArray &data) {
            QFile f(www.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(data);
            f.setPermissions(f.permissions() | QFileDevice::ReadOther);
        };
        write(u"index.html"_s, R"(<!DOCTYPE html><html><head><title>Tunnel page</title>
<link rel="stylesheet" href="/style.css"><script src="/app.js" defer></script></head>
<body><h1 id="title">served through the tunnel</h1><img id="logo" src="/logo.png" alt="logo">
<p id="status">js-not-run</p></body></html>
)");
        write(u"style.css"_s, "h1 { color: rgb(1, 2, 3); }\n");
        write(u"app.js"_s, R"(document.getElementById('status').textContent =
  'js-ran color=' + getComputedStyle(document.getElementById('title')).color;
const img = document.getElementById('logo');
const done = () => { document.body.dataset.img = img.naturalWidth + 'x' + img.naturalHeight; };
if (img.complete) done(); else img.addEventListener('load', done);
)");
        write(u"logo.png"_s, kPng);
        write(u"favicon.ico"_s, kPng);
        QVERIFY(m_nginx.start(m_www.path()));

        QVERIFY(m_wsServer.listen(QHostAddress::LocalHost, 0));
        connect(&m_wsServer, &QWebSocketServer::newConnection, this, [this] {
            QWebSocket *ws = m_wsServer.nextPendingConnection();
            connect(ws, &QWebSocket::textMessageReceived, ws, [ws](const QString &m) { ws->sendTextMessage(m); });
            connect(
                ws, &QWebSocket::binaryMessageReceived, ws, [ws](const QByteArray &m) { ws->sendBinaryMessage(m); });
            connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
        });

        TunnelOptions options;
        HttpIngressConfig config;
        config.responseTimeoutMs = 2000;
        m_rig = std::make_unique<test::Rig>(options, config);
        m_rig->addSite(u"app"_s, m_python.port());
        m_rig->addSite(u"web"_s, m_nginx.port());
        m_rig->addSite(u"ws"_s, m_wsServer.serverPort());
        m_rig->addSite(u"limited"_s, m_python.port(), /*maxConnections=*/1);
        m_rig->addSite(u"throttled"_s, m_python.port(), 0, /*bandwidth=*/1024 * 1024);
        QVERIFY(m_rig->start());
        // Routes the agent does not serve: another machine, and a port the agent never assigned.
        Route offline { u"offline"_s, u"machine-2"_s, m_python.port(), 0, 0 };
        m_rig->routes.insert(u"offline"_s, offline);
        Route sneaky { u"app"_s, m_rig->machine, m_nginx.port(), 0, 0 }; // deployment app, wrong port
        m_rig->routes.insert(u"sneaky"_s, sneaky);
    }

    void init() { m_rig->rows.clear(); }

    void keepAliveReusesOneConnection()
    {
        const auto r = run(u"curl"_s,
            curlArgs(u"app"_s)
                + QStringList { u"-w"_s, u"[%{num_connects}]"_s, m_rig->url(u"app"_s, u"/hello"_s),
                    m_rig->url(u"app"_s, u"/hello"_s), m_rig->url(u"app"_s, u"/hello"_s) });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, "hello\n[1]hello\n[0]hello\n[0]"_ba); // one connect, then reuse
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->rows.size(), 3, 5000);
    }

    void customDomainRoutesThroughResolver()
    {
        m_rig->routes.insert(u"www.example.test"_s, m_rig->routes.value(u"app"_s)); // a verified domain
        const QString port = QString::number(m_rig->ingress->serverPort());
        const auto r = run(u"curl"_s,
            { u"-sS"_s, u"--resolve"_s, u"www.example.test:"_s + port + u":127.0.0.1"_s,
                u"http://www.example.test:"_s + port + u"/hello"_s });
        QCOMPARE(r.out, "hello\n"_ba);
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->rows.size(), 1, 5000);
        QCOMPARE(m_rig->rows.first().deployment, u"app"_s);
        QCOMPARE(m_rig->rows.first().host, u"www.example.test:"_s + port);
        m_rig->routes.remove(u"www.example.test"_s);
    }

    void forwardedHeadersAreOurs()
    {
        const QByteArray body = get(
            u"app"_s, u"/headers"_s, { u"-H"_s, u"X-Forwarded-For: 6.6.6.6"_s, u"-H"_s, u"Forwarded: for=6.6.6.6"_s });
        QVERIFY2(body.contains("X-Forwarded-For: 127.0.0.1\n"), body.constData());
        QVERIFY(body.contains("X-Forwarded-Proto: http\n"));
        QVERIFY(body.contains(
            QByteArray("X-Forwarded-Host: app.ttalkak.test:" + QByteArray::number(m_rig->ingress->serverPort()))));
        QVERIFY(!body.contains("6.6.6.6"));
    }

    void chunkedBothWays()
    {
        QByteArray expected;
        for (int i = 0; i < 200; ++i)
            expected += "chunk " + QByteArray::number(i) + '\n';
        QCOMPARE(get(u"app"_s, u"/chunked?n=200"_s), expected);

        const QString file = m_tmp.filePath(u"chunked-upload.bin"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(test::patternBytes(0, 3 * 1024 * 1024 + 17));
        f.close();
        const QByteArray reply = get(
            u"app"_s, u"/upload"_s, { u"-H"_s, u"Transfer-Encoding: chunked"_s, u"--data-binary"_s, u"@"_s + file });
        QCOMPARE(reply, QByteArray::number(3 * 1024 * 1024 + 17) + ' ' + test::sha256OfFile(file) + '\n');
    }

    void download100MBByteExact()
    {
        const QString out = m_tmp.filePath(u"down.bin"_s);
        const auto r = run(u"curl"_s,
            curlArgs(u"app"_s)
                + QStringList { u"-o"_s, out, u"-w"_s, u"%{http_code}"_s,
                    m_rig->url(u"app"_s, u"/big?size=%1"_s.arg(k100MB)) },
            120000);
        QCOMPARE(r.out, "200"_ba);
        QCOMPARE(QFileInfo(out).size(), k100MB);
        QCOMPARE(test::sha256OfFile(out), test::sha256OfPattern(k100MB));
        QFile::remove(out);
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->rows.size(), 1, 5000);
        QVERIFY(m_rig->rows.first().bytesOut > k100MB);
    }

    void upload100MBByteExact()
    {
        const QString file = m_tmp.filePath(u"up.bin"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray block = test::patternBytes(0, 251 * 4096);
        for (qint64 done = 0; done < k100MB; done += block.size())
            f.write(block.constData(), std::min<qint64>(block.size(), k100MB - done));
        f.close();
        const auto r = run(
            u"curl"_s, curlArgs(u"app"_s) + QStringList { u"-T"_s, file, m_rig->url(u"app"_s, u"/upload"_s) }, 120000);
        QCOMPARE(r.out, QByteArray::number(k100MB) + ' ' + test::sha256OfPattern(k100MB) + '\n');
        QFile::remove(file);
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->rows.size(), 1, 5000);
        QVERIFY(m_rig->rows.first().bytesIn > k100MB);
        QCOMPARE(m_rig->rows.first().method, u"PUT"_s);
    }

    void webSocketEcho()
    {
        const auto r = run(u"/usr/bin/python3"_s,
            { test::sourceDir() + u"/ws_client.py"_s, u"ws://ws.ttalkak.test:%1/"_s.arg(m_rig->ingress->serverPort()),
                QString::number(m_rig->ingress->serverPort()) });
        QVERIFY2(r.out == "OK\n", QByteArray(r.out + r.err).constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->rows.size(), 1, 5000);
        QCOMPARE(m_rig->rows.first().status, 101);
    }

    void errorPages_data()
    {
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("unknown host") << u"nobody"_s << u"/"_s << 404;
        QTest::newRow("provider offline") << u"offline"_s << u"/hello"_s << 502;
        QTest::newRow("port not assigned") << u"sneaky"_s << u"/"_s << 502;
        QTest::newRow("slow deployment") << u"app"_s << u"/slow?ms=5000"_s << 504;
    }
    void errorPages()
    {
        QFETCH(QString, site);
        QFETCH(QString, path);
        QFETCH(int, status);
        const auto r = run(u"curl"_s, curlArgs(site) + QStringList { u"-i"_s, m_rig->url(site, path) });
        QVERIFY2(r.out.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status))), r.out.constData());
        QVERIFY(r.out.contains("<html>"));
        QVERIFY(r.out.contains("Connection: close"));
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->rows.size(), 1, 5000);
        QCOMPARE(m_rig->rows.first().status, status);
    }

    void slowUploadIsNotATimeout()
    {
        // The 504 clock (2 s here) starts once the request is complete, not at its head: a 3 s
        // upload is fine.
        const QString file = m_tmp.filePath(u"slow-upload.bin"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(test::patternBytes(0, 600 * 1024));
        f.close();
        const QByteArray reply
            = get(u"app"_s, u"/upload"_s, { u"--limit-rate"_s, u"200k"_s, u"--data-binary"_s, u"@"_s + file });
        QCOMPARE(reply, QByteArray::number(600 * 1024) + ' ' + test::sha256OfFile(file) + '\n');
    }

    void slowRequestHeadIsClosed()
    {
        // One byte at a time never restarts the idle clock (1 s in this ingress).
        HttpIngressConfig config;
        config.domain = u"ttalkak.test"_s;
        config.idleTimeoutMs = 1000;
        HttpIngress ingress(m_rig->hub.get(), config);
        QVERIFY(ingress.listen(QHostAddress::LocalHost));
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, ingress.serverPort());
        QVERIFY(slow.waitForConnected(5000));
        QSignalSpy closed(&slow, &QTcpSocket::disconnected);
        QTimer drip;
        const QByteArray head = "GET /hello HTTP/1.1\r\nHost: app.ttalkak.test\r\n\r\n";
        int sent = 0;
        connect(&drip, &QTimer::timeout, this, [&] {
            if (sent < head.size() - 1) // never completes the head
                slow.write(head.mid(sent++, 1));
        });
        drip.start(100);
        QVERIFY(closed.wait(5000));
        QVERIFY(sent < head.size() - 1);
    }

    void connectionLimitGives503()
    {
        // Hold the single allowed connection open with a request in progress.
        QTcpSocket holder;
        holder.connectToHost(QHostAddress::LocalHost, m_rig->ingress->serverPort());
        QVERIFY(holder.waitForConnected(5000));
        holder.write("GET /slow?ms=1000 HTTP/1.1\r\nHost: limited.ttalkak.test\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->ingress->activeConnections(u"limited"_s), 1, 5000);
        const auto r
            = run(u"curl"_s, curlArgs(u"limited"_s) + QStringList { u"-i"_s, m_rig->url(u"limited"_s, u"/hello"_s) });
        QVERIFY2(r.out.startsWith("HTTP/1.1 503"), r.out.constData());
        QByteArray held;
        QTRY_VERIFY2_WITH_TIMEOUT((held += holder.readAll()).endsWith("slow\n"), held.constData(), 5000);
    }

    void bandwidthLimitThrottles()
    {
        // 3 MiB at 1 MiB/s (burst 256 KiB, plus one window in flight) cannot take under 2 s; the
        // bytes still arrive intact. Only a lower bound is checked: a busy machine may be slower.
        const QString out = m_tmp.filePath(u"throttled.bin"_s);
        QElapsedTimer clock;
        clock.start();
        const auto r = run(u"curl"_s,
            curlArgs(u"throttled"_s)
                + QStringList { u"-o"_s, out, m_rig->url(u"throttled"_s, u"/big?size=3145728"_s) });
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(test::sha256OfFile(out), test::sha256OfPattern(3 * 1024 * 1024));
        QVERIFY2(elapsed >= 2000, qPrintable(QString::number(elapsed)));
        // The unthrottled deployment on the same relay is not slowed down meanwhile.
        QCOMPARE(get(u"app"_s, u"/hello"_s), "hello\n"_ba);
    }

    void providerDisconnectMidRequestGives502()
    {
        QProcess curl;
        curl.start(u"curl"_s, curlArgs(u"app"_s) + QStringList { u"-i"_s, m_rig->url(u"app"_s, u"/slow?ms=1500"_s) });
        // The request is routed and its stream open at the agent (whose count may still include
        // the previous test's connection, hence both conditions).
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->ingress->activeConnections(u"app"_s), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_rig->agent->activeStreams() >= 1, 5000);
        m_rig->agent.reset(); // the provider vanishes
        QSignalSpy done(&curl, &QProcess::finished);
        QVERIFY(done.wait(10000));
        const QByteArray out = curl.readAllStandardOutput();
        QVERIFY2(out.startsWith("HTTP/1.1 502"), out.constData());
        QVERIFY2(out.contains("went away"), out.constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->rows.size(), 1, 5000);
        QCOMPARE(m_rig->rows.first().status, 502);

        // The relay is unaffected: the provider comes back and traffic flows again.
        AgentConfig config = m_rig->agentConfigTemplate;
        config.port = m_rig->hubPort;
        m_rig->agent = std::make_unique<Agent>(config);
        for (const Route &route : std::as_const(m_rig->routes))
            if (route.machineId == m_rig->machine && route.deployment != u"app"_s)
                m_rig->agent->setRoute(route.deployment, route.port);
        m_rig->agent->setRoute(u"app"_s, m_python.port());
        m_rig->agent->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_rig->hub->isConnected(m_rig->machine), 5000);
        QCOMPARE(get(u"app"_s, u"/hello"_s), "hello\n"_ba);
    }

    void accessLogRowsMatchRequests()
    {
        struct Expect
        {
            QString method, path;
            int status;
            QStringList extra;
        };
        const QList<Expect> expected {
            { u"GET"_s, u"/hello"_s, 200, {} }, { u"HEAD"_s, u"/hello"_s, 200, { u"-I"_s } },
            { u"POST"_s, u"/upload"_s, 200, { u"--data-binary"_s, u"0123456789"_s } },
            { u"GET"_s, u"/status/404"_s, 404, {} }, { u"DELETE"_s, u"/status/500"_s, 500, { u"-X"_s, u"DELETE"_s } },
            { u"GET"_s, u"/status/204"_s, 204, {} }, { u"GET"_s, u"/hello"_s, 200, {} }, // query string is not logged
        };
        QList<QByteArray> curlSizes;
        for (int i = 0; i < expected.size(); ++i) {
            const QString path = i == 6 ? u"/hello?token=secret"_s : expected[i].path;
            const auto r = run(u"curl"_s,
                curlArgs(u"app"_s) + expected[i].extra
                    + QStringList { u"-o"_s, u"/dev/null"_s, u"-w"_s,
                        u"%{http_code} %{size_request} %{size_upload} %{size_header} %{size_download}"_s,
                        m_rig->url(u"app"_s, path) });
            QCOMPARE(r.exitCode, 0);
            curlSizes.append(r.out);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->rows.size(), expected.size(), 5000);
        for (int i = 0; i < expected.size(); ++i) {
            const AccessLogEntry &row = m_rig->rows.at(i);
            const QList<QByteArray> sizes = curlSizes.at(i).split(' ');
            QCOMPARE(row.method, expected[i].method);
            QCOMPARE(row.path, expected[i].path);
            QCOMPARE(row.status, expected[i].status);
            QCOMPARE(sizes.at(0).toInt(), expected[i].status);
            QCOMPARE(row.deployment, u"app"_s);
            QCOMPARE(row.client, QHostAddress(QHostAddress::LocalHost));
            QCOMPARE(row.bytesIn, sizes.at(1).toLongLong()); // curl counts head + body here
            QCOMPARE(row.bytesOut, sizes.at(3).toLongLong() + sizes.at(4).toLongLong());
            QVERIFY(row.latencyUs > 0);
            QVERIFY(qAbs(row.time.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        }
    }

    void httpsIngress()
    {
        const QString key = m_tmp.filePath(u"key.pem"_s), cert = m_tmp.filePath(u"cert.pem"_s);
        const auto made = run(u"openssl"_s,
            { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key, u"-out"_s, cert,
                u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=ttalkak.test"_s, u"-addext"_s,
                u"subjectAltName=DNS:*.ttalkak.test"_s });
        QCOMPARE(made.exitCode, 0);
        QFile kf(key), cf(cert);
        QVERIFY(kf.open(QIODevice::ReadOnly) && cf.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(&cf, QSsl::Pem));
        tls.setPrivateKey(QSslKey(&kf, QSsl::Rsa, QSsl::Pem));

        HttpIngressConfig config;
        config.domain = u"ttalkak.test"_s;
        HttpIngress https(m_rig->hub.get(), config);
        https.setTls(tls);
        https.setResolver([this](const HostQuery &q) -> std::optional<Route> {
            return m_rig->routes.contains(q.name) ? std::optional<Route>(m_rig->routes.value(q.name)) : std::nullopt;
        });
        QList<AccessLogEntry> rows;
        connect(&https, &HttpIngress::requestLogged, this, [&rows](const AccessLogEntry &e) { rows.append(e); });
        QVERIFY(https.listen(QHostAddress::LocalHost));
        const QString port = QString::number(https.serverPort());
        const auto r = run(u"curl"_s,
            { u"-sS"_s, u"--cacert"_s, cert, u"--resolve"_s, u"app.ttalkak.test:"_s + port + u":127.0.0.1"_s,
                u"https://app.ttalkak.test:"_s + port + u"/headers"_s });
        QVERIFY2(r.out.contains("X-Forwarded-Proto: https\n"), QByteArray(r.out + r.err).constData());
        QTRY_COMPARE_WITH_TIMEOUT(rows.size(), 1, 5000);
        QCOMPARE(rows.first().status, 200);
    }

    void chromiumLoadsPageWithAssets()
    {
        QTemporaryDir profile;
        const QStringList args { u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s, u"--disable-quic"_s,
            u"--no-first-run"_s, u"--disable-background-networking"_s, u"--disable-component-update"_s,
            u"--disable-sync"_s, u"--user-data-dir="_s + profile.path(),
            u"--host-resolver-rules=MAP *.ttalkak.test 127.0.0.1:%1"_s.arg(m_rig->ingress->serverPort()),
            u"--virtual-time-budget=5000"_s, u"--dump-dom"_s, u"http://web.ttalkak.test/"_s };
        const auto r = run(u"chromium"_s, args, 90000);
        QVERIFY2(r.out.contains("js-ran color=rgb(1, 2, 3)"), QByteArray(r.out + r.err.right(2000)).constData());
        QVERIFY2(r.out.contains("data-img=\"1x1\""), r.out.constData());
        QSet<QString> paths;
        for (const AccessLogEntry &row : std::as_const(m_rig->rows)) {
            if (row.status == 200 && row.deployment == u"web"_s)
                paths.insert(row.path);
        }
        for (const QString &p : { u"/"_s, u"/style.css"_s, u"/app.js"_s, u"/logo.png"_s })
            QVERIFY2(paths.contains(p), qPrintable(p));
    }
};

TTALKAK_TUNNEL_TEST_MAIN(TstIngress)
#include "tst_ingress.moc"
