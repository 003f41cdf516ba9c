// REST API against the running relay (real HTTP clients: QNetworkAccessManager and curl):
// authentication everywhere, cross-user isolation on every endpoint, paging and search, token
// revocation, sign-in rate limiting, malformed and oversize requests, graceful shutdown.
#include "relayfixture.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestRest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RelayFixture> m_fx;
    TestUser m_alice;
    TestUser m_bob;

    HttpResult call(const QByteArray &method, const QString &path, const QString &token, const QJsonObject &body = {})
    {
        return m_fx->http().request(method, m_fx->relay().url(path), token,
                                    body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx = std::make_unique<RelayFixture>();
        REQUIRE_RELAY(*m_fx);
        m_alice = m_fx->signUp(u"alice@example.com"_s);
        m_bob = m_fx->signUp(u"bob@example.com"_s);
        QVERIFY(!m_alice.token.isEmpty() && !m_bob.token.isEmpty());
    }
    void cleanupTestCase() { m_fx.reset(); }

    void authRequiredEverywhere_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        const QList<std::pair<QByteArray, QString>> routes{
            {"GET", u"/v1/me"_s}, {"GET", u"/v1/tokens"_s}, {"POST", u"/v1/tokens"_s}, {"DELETE", u"/v1/tokens/tok_x"_s},
            {"GET", u"/v1/providers"_s}, {"POST", u"/v1/providers"_s}, {"GET", u"/v1/providers/prv_x"_s},
            {"DELETE", u"/v1/providers/prv_x"_s}, {"GET", u"/v1/projects"_s}, {"POST", u"/v1/projects"_s},
            {"GET", u"/v1/projects/prj_x"_s}, {"DELETE", u"/v1/projects/prj_x"_s}, {"GET", u"/v1/projects/prj_x/deployments"_s},
            {"GET", u"/v1/deployments"_s}, {"POST", u"/v1/deployments"_s}, {"GET", u"/v1/deployments/dep_x"_s},
            {"DELETE", u"/v1/deployments/dep_x"_s}, {"POST", u"/v1/deployments/dep_x/commands"_s},
            {"GET", u"/v1/deployments/dep_x/logs"_s}, {"GET", u"/v1/deployments/dep_x/metrics"_s},
            {"GET", u"/v1/deployments/dep_x/summary"_s}, {"GET", u"/v1/databases"_s}, {"POST", u"/v1/databases"_s},
            {"GET", u"/v1/databases/dep_x"_s}, {"DELETE", u"/v1/databases/dep_x"_s},
            {"POST", u"/v1/databases/dep_x/commands"_s}, {"GET", u"/v1/earnings"_s}, {"GET", u"/v1/nonexistent"_s},
        };
        for (const auto &[method, path] : routes)
            QTest::newRow(qPrintable(QString::fromLatin1(method) + u' ' + path)) << method << path;
    }
    void authRequiredEverywhere()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const QJsonObject body{{u"name"_s, u"x"_s}};
        QCOMPARE(call(method, path, {}, body).status, 401);
        QCOMPARE(call(method, path, u"ttk_u_notarealtokenatallnotreal"_s, body).status, 401);
        const HttpResult revoked = call(method, path, u"garbage"_s, body);
        QCOMPARE(revoked.status, 401);
        QCOMPARE(revoked.json.value(u"error"_s).toObject().value(u"code"_s).toString(), u"unauthenticated");
    }

    void providerKeysCannotUseRest()
    {
        const TestProvider p = m_fx->addProvider(m_alice, u"rest-box"_s);
        QVERIFY(!p.key.isEmpty());
        QCOMPARE(call("GET", u"/v1/projects"_s, p.key).status, 403);
    }

    void crossUserAccessDenied()
    {
        // Alice owns one of everything.
        const QString project = m_fx->createProject(m_alice, u"secret-project"_s);
        QVERIFY(!project.isEmpty());
        const QString app = m_fx->deploy(m_alice, project, u"secret-app"_s).value(u"id"_s).toString();
        QVERIFY(!app.isEmpty());
        const HttpResult db = call("POST", u"/v1/databases"_s, m_alice.token,
                                   {{u"name"_s, u"secret-db"_s}, {u"engine"_s, u"postgres"_s}, {u"version"_s, u"15"_s},
                                    {u"resources"_s, QJsonObject{{u"cpuMillis"_s, 250}, {u"memoryMb"_s, 256}, {u"diskMb"_s, 512}}}});
        QCOMPARE(db.status, 202);
        const QString database = db.json.value(u"id"_s).toString();
        const QString token = call("POST", u"/v1/tokens"_s, m_alice.token, {{u"name"_s, u"ci"_s}}).json.value(u"id"_s).toString();
        const QString provider = m_fx->addProvider(m_alice, u"alice-box"_s).id;
        QVERIFY(!token.isEmpty() && !provider.isEmpty());

        // Bob touches each of them through every endpoint: always 404, never 200/403.
        const QList<std::pair<QByteArray, QString>> attempts{
            {"GET", u"/v1/projects/"_s + project}, {"DELETE", u"/v1/projects/"_s + project},
            {"GET", u"/v1/projects/"_s + project + u"/deployments"_s},
            {"GET", u"/v1/deployments/"_s + app}, {"DELETE", u"/v1/deployments/"_s + app},
            {"POST", u"/v1/deployments/"_s + app + u"/commands"_s}, {"GET", u"/v1/deployments/"_s + app + u"/logs"_s},
            {"GET", u"/v1/deployments/"_s + app + u"/metrics"_s}, {"GET", u"/v1/deployments/"_s + app + u"/summary"_s},
            {"GET", u"/v1/deployments/"_s + app + u"/usage"_s}, {"GET", u"/v1/deployments/"_s + app + u"/domains"_s},
            {"POST", u"/v1/deployments/"_s + app + u"/domains"_s},
            {"GET", u"/v1/databases/"_s + database + u"/usage"_s},
            {"GET", u"/v1/databases/"_s + database}, {"DELETE", u"/v1/databases/"_s + database},
            {"POST", u"/v1/databases/"_s + database + u"/commands"_s}, {"GET", u"/v1/databases/"_s + database + u"/logs"_s},
            {"DELETE", u"/v1/tokens/"_s + token}, {"GET", u"/v1/providers/"_s + provider}, {"DELETE", u"/v1/providers/"_s + provider},
        };
        for (const auto &[method, path] : attempts) {
            const HttpResult r = call(method, path, m_bob.token, {{u"command"_s, u"stop"_s}});
            if (r.status != 404)
                QFAIL(qPrintable(u"bob got %1 for %2 %3"_s.arg(r.status).arg(QString::fromLatin1(method), path)));
        }
        // Bob cannot deploy into Alice's project either.
        QCOMPARE(call("POST", u"/v1/deployments"_s, m_bob.token,
                      {{u"projectId"_s, project}, {u"name"_s, u"intruder"_s},
                       {u"resources"_s, QJsonObject{{u"cpuMillis"_s, 1}, {u"memoryMb"_s, 1}, {u"diskMb"_s, 0}}}})
                     .status,
                 404);
        // Bob's lists do not show Alice's things.
        for (const QString &path : {u"/v1/projects"_s, u"/v1/deployments"_s, u"/v1/databases"_s, u"/v1/providers"_s, u"/v1/tokens"_s}) {
            const HttpResult r = call("GET", path, m_bob.token);
            QCOMPARE(r.status, 200);
            QVERIFY2(!r.body.contains("secret") && !r.body.contains("alice"), r.body.constData());
        }
        // Everything of Alice's is still there and unchanged.
        QCOMPARE(call("GET", u"/v1/projects/"_s + project, m_alice.token).status, 200);
        const HttpResult d = call("GET", u"/v1/deployments/"_s + app, m_alice.token);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.json.value(u"desired"_s).toString(), u"running");
        QCOMPARE(call("GET", u"/v1/databases/"_s + database, m_alice.token).status, 200);
        QCOMPARE(call("GET", u"/v1/providers/"_s + provider, m_alice.token).status, 200);
        // A database is not reachable as an app and vice versa.
        QCOMPARE(call("GET", u"/v1/deployments/"_s + database, m_alice.token).status, 404);
    }

    void pagingAndSearch()
    {
        const TestUser carol = m_fx->signUp(u"carol@example.com"_s);
        for (int i = 0; i < 45; ++i)
            QVERIFY(!m_fx->createProject(carol, u"svc-%1"_s.arg(i, 2, 10, QLatin1Char('0'))).isEmpty());
        HttpResult p1 = call("GET", u"/v1/projects?page=1&pageSize=20"_s, carol.token);
        QCOMPARE(p1.status, 200);
        QCOMPARE(p1.json.value(u"total"_s).toInt(), 45);
        QCOMPARE(p1.json.value(u"items"_s).toArray().size(), 20);
        QCOMPARE(p1.json.value(u"items"_s).toArray().first().toObject().value(u"name"_s).toString(), u"svc-44"); // newest first
        HttpResult p3 = call("GET", u"/v1/projects?page=3&pageSize=20"_s, carol.token);
        QCOMPARE(p3.json.value(u"items"_s).toArray().size(), 5);
        HttpResult search = call("GET", u"/v1/projects?q=SVC-1&pageSize=100"_s, carol.token);
        QCOMPARE(search.json.value(u"total"_s).toInt(), 10);
        // A write is visible at once (the page cache is invalidated).
        QVERIFY(!m_fx->createProject(carol, u"svc-new"_s).isEmpty());
        QCOMPARE(call("GET", u"/v1/projects?page=1&pageSize=20"_s, carol.token).json.value(u"total"_s).toInt(), 46);
        for (const QString &bad : {u"page=0"_s, u"pageSize=101"_s, u"page=x"_s, u"pageSize=-1"_s})
            QCOMPARE(call("GET", u"/v1/projects?"_s + bad, carol.token).status, 400);
    }

    void tokensShownOnceAndRevocable()
    {
        const HttpResult created = call("POST", u"/v1/tokens"_s, m_bob.token, {{u"name"_s, u"laptop"_s}});
        QCOMPARE(created.status, 201);
        const QString secret = created.json.value(u"token"_s).toString();
        QVERIFY(secret.startsWith(u"ttk_u_"));
        QCOMPARE(call("GET", u"/v1/me"_s, secret).status, 200);
        const HttpResult list = call("GET", u"/v1/tokens"_s, m_bob.token);
        QVERIFY(!list.body.contains(secret.toUtf8())); // never shown again
        QCOMPARE(call("DELETE", u"/v1/tokens/"_s + created.json.value(u"id"_s).toString(), m_bob.token).status, 200);
        QCOMPARE(call("GET", u"/v1/me"_s, secret).status, 401);
        QCOMPARE(call("GET", u"/v1/me"_s, m_bob.token).status, 200);
    }

    void curlAgainstRelay()
    {
        const HttpResult su = curl("POST", m_fx->relay().url(u"/v1/auth/signup"_s), {},
                                   R"({"email":"dave@example.com","password":"long enough"})");
        QCOMPARE(su.status, 201);
        const QString token = su.json.value(u"token"_s).toString();
        QCOMPARE(curl("POST", m_fx->relay().url(u"/v1/projects"_s), token, R"({"name":"from-curl"})").status, 201);
        const HttpResult list = curl("GET", m_fx->relay().url(u"/v1/projects?q=curl"_s), token);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value(u"total"_s).toInt(), 1);
        QCOMPARE(curl("GET", m_fx->relay().url(u"/v1/projects"_s)).status, 401);
        const HttpResult in = curl("POST", m_fx->relay().url(u"/v1/auth/signin"_s), {},
                                   R"({"email":"dave@example.com","password":"long enough"})");
        QCOMPARE(in.status, 200);
        QVERIFY(in.json.value(u"token"_s).toString() != token);
        QCOMPARE(curl("POST", m_fx->relay().url(u"/v1/projects"_s), token, R"({"name": [1,2)").status, 400);
        QCOMPARE(curl("GET", m_fx->relay().url(u"/healthz"_s)).status, 200);
    }

    void malformedAndOversizeRequests()
    {
        auto raw = [&](const QByteArray &bytes) {
            QTcpSocket s;
            s.connectToHost(u"127.0.0.1"_s, m_fx->relay().port());
            if (!s.waitForConnected(5000))
                return QByteArray();
            s.write(bytes);
            QByteArray out;
            (void)QTest::qWaitFor([&] {
                out += s.readAll();
                return s.state() == QAbstractSocket::UnconnectedState || out.contains("\r\n\r\n");
            }, 5000);
            return out;
        };
        QVERIFY(raw("GARBAGE\r\n\r\n").startsWith("HTTP/1.1 400"));
        QVERIFY(raw("GET / HTTP/1.1\r\nX: " + QByteArray(20000, 'a') + "\r\n\r\n").startsWith("HTTP/1.1 431"));
        QVERIFY(raw("POST /v1/projects HTTP/1.1\r\nContent-Length: 5000000\r\n\r\n").startsWith("HTTP/1.1 413"));
        QCOMPARE(call("POST", u"/v1/projects"_s, m_bob.token, {}).status, 400);        // no name
        QCOMPARE(call("POST", u"/v1/projects"_s, m_bob.token, {{u"name"_s, u"../etc"_s}}).status, 400);
        QCOMPARE(call("POST", u"/v1/deployments"_s, m_bob.token, {{u"name"_s, u"x"_s}}).status, 400);
        // The relay still serves.
        QCOMPARE(call("GET", u"/v1/me"_s, m_bob.token).status, 200);
    }

    void signinRateLimited()
    {
        RelayFixture fx({u"--signin-max-failures"_s, u"3"_s, u"--signin-window-ms"_s, u"60000"_s});
        REQUIRE_RELAY(fx);
        const TestUser erin = fx.signUp(u"erin@example.com"_s);
        const QUrl url = fx.relay().url(u"/v1/auth/signin"_s);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(fx.http().post(url, {}, {{u"email"_s, erin.email}, {u"password"_s, u"wrong-password"_s}}).status, 401);
        const HttpResult limited = fx.http().post(url, {}, {{u"email"_s, erin.email}, {u"password"_s, u"s3cret-password"_s}});
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("Retry-After").toInt() > 0);
        // Existing tokens keep working: only sign-in is limited.
        QCOMPARE(fx.http().get(fx.relay().url(u"/v1/me"_s), erin.token).status, 200);
    }

    void gracefulShutdownTellsClientsAndKeepsState()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const TestUser frank = fx.signUp(u"frank@example.com"_s);
        const QString project = fx.createProject(frank, u"kept"_s);
        auto ws = fx.connectDeployer(frank);
        QVERIFY(ws);
        QVERIFY(fx.relay().terminate());
        QCOMPARE(fx.relay().exitCode(), 0);
        const QJsonObject bye = ws->waitForType(u"shutdown"_s);
        QVERIFY(!bye.isEmpty());
        QVERIFY(ws->waitClosed());
        QCOMPARE(ws->closeCode(), 1001);
        QVERIFY(fx.restart());
        QCOMPARE(fx.http().get(fx.relay().url(u"/v1/projects/"_s + project), frank.token).status, 200);
    }

    // Public: what a client needs to build URLs. Without ingress listeners there is no ingress
    // port, no tunnel port and no app url.
    void infoIsPublic()
    {
        const HttpResult info = call("GET", u"/v1/info"_s, {});
        QCOMPARE(info.status, 200);
        QCOMPARE(info.json.value(u"domain"_s).toString(), u"localhost"_s);
        QCOMPARE(info.json.value(u"protocol"_s).toInt(), 1);
        QVERIFY(!info.json.value(u"version"_s).toString().isEmpty());
        QVERIFY(info.json.value(u"ingress"_s).toObject().isEmpty());
        QVERIFY(!info.json.contains(u"tunnel"_s));
        const QString project = m_fx->createProject(m_alice, u"info-project"_s);
        const QJsonObject app = m_fx->deploy(m_alice, project, u"no-url"_s);
        QVERIFY(!app.value(u"id"_s).toString().isEmpty());
        QVERIFY(!app.contains(u"url"_s));
        QCOMPARE(call("POST", u"/v1/info"_s, {}).status, 405);
    }
};

QTEST_GUILESS_MAIN(TestRest)
#include "tst_rest.moc"
