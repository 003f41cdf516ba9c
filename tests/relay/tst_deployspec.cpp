// The deployment spec against the running relay: validation of app specs on POST
// /v1/deployments and on redeploy (a 400 naming the field), names as unique DNS labels, the
// source token's path (only in that generation's offer/redeploy, gone after running/failed and
// on delete, never in REST answers or logs) and databases' generated credentials.
#include "relayfixture.h"

#include <database.h>

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject withField(QJsonObject spec, const QString &path, const QJsonValue &value)
{
    const QStringList keys = path.split(u'.');
    if (keys.size() == 1) {
        if (value.isUndefined())
            spec.remove(path);
        else
            spec.insert(path, value);
        return spec;
    }
    QJsonObject inner = spec.value(keys.first()).toObject();
    spec.insert(keys.first(), withField(inner, keys.mid(1).join(u'.'), value));
    return spec;
}

QString type(const QJsonObject &o)
{
    return o.value(u"type"_s).toString();
}

int sourceTokenRows(const QString &dbUrl, const QString &deployment)
{
    auto db = ttalkak::relay::Database::open(dbUrl);
    if (!db)
        return -1;
    auto q = (*db)->exec(u"SELECT COUNT(*) FROM source_tokens WHERE deployment_id = ?"_s, { deployment });
    return q && q->next() ? q->value(0).toInt() : -1;
}

} // namespace

class TestDeploySpec : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RelayFixture> m_fx;
    TestUser m_user;
    QString m_project;

    HttpResult post(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        return m_fx->http().request("POST", m_fx->relay().url(path), token.isEmpty() ? m_user.token : token,
            QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    HttpResult deploy(const QString &name, const QJsonValue &spec, const QJsonObject &extra = {})
    {
        QJsonObject body { { u"projectId"_s, m_project }, { u"name"_s, name },
            { u"resources"_s, QJsonObject { { u"cpuMillis"_s, 100 }, { u"memoryMb"_s, 64 }, { u"diskMb"_s, 10 } } } };
        if (!spec.isUndefined())
            body.insert(u"spec"_s, spec);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return post(u"/v1/deployments"_s, body);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx = std::make_unique<RelayFixture>(
            QStringList { u"--tunnel-listen"_s, u"127.0.0.1:0"_s, u"--db-ingress-range"_s, u"15600-15601"_s });
        REQUIRE_RELAY(*m_fx);
        m_user = m_fx->signUp(u"spec@example.com"_s);
        m_project = m_fx->createProject(m_user, u"specs"_s);
        QVERIFY(!m_project.isEmpty());
    }
    void cleanupTestCase() { m_fx.reset(); }

    void invalidSpecsAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("named"); // the message names this field
        const QString big(64 * 1024 + 1, u'x');
        QTest::newRow("no source") << u"source"_s << QJsonValue(QJsonValue::Undefined) << u"spec.source"_s;
        QTest::newRow("source type") << u"source.type"_s << QJsonValue(u"svn"_s) << u"spec.source.type"_s;
        QTest::newRow("url scheme") << u"source.url"_s << QJsonValue(u"ftp://x/y.git"_s) << u"spec.source.url"_s;
        QTest::newRow("url missing") << u"source.url"_s << QJsonValue(QJsonValue::Undefined) << u"spec.source.url"_s;
        QTest::newRow("short commit") << u"source.commit"_s << QJsonValue(u"abc123"_s) << u"spec.source.commit"_s;
        QTest::newRow("ref option") << u"source.ref"_s << QJsonValue(u"--upload-pack=x"_s) << u"spec.source.ref"_s;
        QTest::newRow("contextDir ..") << u"contextDir"_s << QJsonValue(u"apps/../../etc"_s) << u"spec.contextDir"_s;
        QTest::newRow("contextDir abs") << u"contextDir"_s << QJsonValue(u"/etc"_s) << u"spec.contextDir"_s;
        QTest::newRow("no dockerfile") << u"dockerfile"_s << QJsonValue(QJsonValue::Undefined) << u"spec.dockerfile"_s;
        QTest::newRow("huge dockerfile") << u"dockerfile"_s << QJsonValue(big) << u"spec.dockerfile"_s;
        QTest::newRow("env name") << u"env"_s << QJsonValue(QJsonObject { { u"1BAD"_s, u"x"_s } }) << u"spec.env"_s;
        QTest::newRow("env value type") << u"env"_s << QJsonValue(QJsonObject { { u"N"_s, 5 } }) << u"spec.env.N"_s;
        QTest::newRow("env value NUL") << u"env"_s << QJsonValue(QJsonObject { { u"N"_s, QString(u"a"_s + QChar(0)) } })
                                       << u"spec.env.N"_s;
        QTest::newRow("buildArgs type") << u"buildArgs"_s << QJsonValue(u"x=1"_s) << u"spec.buildArgs"_s;
        QTest::newRow("no port") << u"port"_s << QJsonValue(QJsonValue::Undefined) << u"spec.port"_s;
        QTest::newRow("port 0") << u"port"_s << QJsonValue(0) << u"spec.port"_s;
        QTest::newRow("port 65536") << u"port"_s << QJsonValue(65536) << u"spec.port"_s;
        QTest::newRow("healthPath") << u"healthPath"_s << QJsonValue(u"health"_s) << u"spec.healthPath"_s;
        QTest::newRow("files type") << u"files"_s << QJsonValue(u"x"_s) << u"spec.files"_s;
        QTest::newRow("files escape")
            << u"files"_s << QJsonValue(QJsonObject { { u"../etc/passwd"_s, u"x"_s } }) << u"spec.files"_s;
        QTest::newRow("files absolute") << u"files"_s << QJsonValue(QJsonObject { { u"/x"_s, u"x"_s } }) << u"spec.files"_s;
        QTest::newRow("files .git") << u"files"_s << QJsonValue(QJsonObject { { u".git/config"_s, u"x"_s } })
                                    << u"spec.files"_s;
        QTest::newRow("files value") << u"files"_s << QJsonValue(QJsonObject { { u"a.conf"_s, 1 } }) << u"spec.files.a.conf"_s;
        QTest::newRow("files too large") << u"files"_s
                                         << QJsonValue(QJsonObject { { u"a"_s, QString(300 * 1024, u'x') } })
                                         << u"spec.files"_s;
        QTest::newRow("limits type") << u"limits"_s << QJsonValue(5) << u"spec.limits"_s;
        QTest::newRow("limits connections 0")
            << u"limits"_s << QJsonValue(QJsonObject { { u"maxConnections"_s, 0 } }) << u"spec.limits.maxConnections"_s;
        QTest::newRow("limits connections text")
            << u"limits"_s << QJsonValue(QJsonObject { { u"maxConnections"_s, u"5"_s } })
            << u"spec.limits.maxConnections"_s;
        QTest::newRow("limits connections above relay")
            << u"limits"_s << QJsonValue(QJsonObject { { u"maxConnections"_s, 257 } })
            << u"spec.limits.maxConnections"_s; // default maximum 256
        QTest::newRow("limits bandwidth fraction")
            << u"limits"_s << QJsonValue(QJsonObject { { u"bandwidthBytesPerSecond"_s, 1.5 } })
            << u"spec.limits.bandwidthBytesPerSecond"_s;
        QTest::newRow("unknown blob") << u"source"_s
                                      << QJsonValue(
                                             QJsonObject { { u"type"_s, u"blob"_s }, { u"blob"_s, QString(64, u'a') } })
                                      << u"spec.source.blob"_s;
    }
    void invalidSpecsAreRefused()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, named);
        const HttpResult r = deploy(u"bad-spec"_s, withField(minimalAppSpec(), field, value));
        QCOMPARE(r.status, 400);
        const QString message = r.json.value(u"error"_s).toObject().value(u"message"_s).toString();
        QVERIFY2(message.startsWith(named + u':'), qPrintable(message));
    }

    void validSpecsAreStored()
    {
        QJsonObject spec = minimalAppSpec();
        spec = withField(spec, u"source.commit"_s, QString(40, u'A'));
        spec = withField(spec, u"source.ref"_s, u"main"_s);
        spec.insert(u"contextDir"_s, u"apps/web"_s);
        spec.insert(u"env"_s, QJsonObject { { u"API_URL"_s, u"https://api.example.com"_s } });
        spec.insert(u"buildArgs"_s, QJsonObject { { u"NODE_ENV"_s, u"production"_s } });
        spec.insert(u"healthPath"_s, u"/healthz"_s);
        spec.insert(
            u"limits"_s, QJsonObject { { u"maxConnections"_s, 256 }, { u"bandwidthBytesPerSecond"_s, 1048576 } });
        const HttpResult r = deploy(u"Valid-App"_s, spec);
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json.value(u"name"_s).toString(), u"valid-app"); // lowercased
        const QJsonObject stored = r.json.value(u"spec"_s).toObject();
        QCOMPARE(stored.value(u"source"_s).toObject().value(u"commit"_s).toString(), QString(40, u'a'));
        QCOMPARE(stored.value(u"healthPath"_s).toString(), u"/healthz");
        QCOMPARE(stored.value(u"limits"_s).toObject().value(u"maxConnections"_s).toInt(), 256);
    }

    void namesAreUniqueHostLabels_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("status");
        QTest::newRow("underscore") << u"my_app"_s << 400;
        QTest::newRow("dot") << u"my.app"_s << 400;
        QTest::newRow("leading dash") << u"-app"_s << 400;
        QTest::newRow("trailing dash") << u"app-"_s << 400;
        QTest::newRow("64 chars") << QString(64, u'a') << 400;
        QTest::newRow("id-like") << u"dep-0123"_s << 400;
        QTest::newRow("empty") << QString() << 400;
        QTest::newRow("63 chars") << QString(63, u'b') << 202;
        QTest::newRow("digits") << u"42"_s << 202;
    }
    void namesAreUniqueHostLabels()
    {
        QFETCH(QString, name);
        QFETCH(int, status);
        const HttpResult r = deploy(name, minimalAppSpec());
        QCOMPARE(r.status, status);
        if (status == 400)
            QVERIFY2(r.json.value(u"error"_s).toObject().value(u"message"_s).toString().startsWith(u"name:"_s),
                r.body.constData());
    }

    void duplicateNamesConflict()
    {
        QCOMPARE(deploy(u"twin"_s, minimalAppSpec()).status, 202);
        const HttpResult again = deploy(u"TWIN"_s, minimalAppSpec());
        QCOMPARE(again.status, 409);
        QVERIFY(again.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"twin"_s));
        // Another user cannot take it either (host names are global); a database neither.
        const TestUser other = m_fx->signUp(u"spec-other@example.com"_s);
        const QString otherProject = m_fx->createProject(other, u"other"_s);
        const HttpResult theirs = post(u"/v1/deployments"_s,
            { { u"projectId"_s, otherProject }, { u"name"_s, u"twin"_s }, { u"spec"_s, minimalAppSpec() },
                { u"resources"_s, QJsonObject { { u"cpuMillis"_s, 1 }, { u"memoryMb"_s, 1 }, { u"diskMb"_s, 0 } } } },
            other.token);
        QCOMPARE(theirs.status, 409);
        // Once deleted, the name is free again.
        const QString id = m_fx->http()
                               .get(m_fx->relay().url(u"/v1/deployments?q=twin"_s), m_user.token)
                               .json.value(u"items"_s)
                               .toArray()
                               .first()
                               .toObject()
                               .value(u"id"_s)
                               .toString();
        QCOMPARE(
            m_fx->http().request("DELETE", m_fx->relay().url(u"/v1/deployments/"_s + id), m_user.token).status, 202);
        QCOMPARE(deploy(u"twin"_s, minimalAppSpec()).status, 202);
    }

    void sourceTokenTravelsOnlyToTheProvider()
    {
        const QString secret = u"ghp_secretSourceToken123"_s;
        const HttpResult created = deploy(u"private-repo"_s, minimalAppSpec(), { { u"sourceToken"_s, secret } });
        QCOMPARE(created.status, 202);
        QVERIFY(!created.body.contains(secret.toUtf8()));
        const QString dep = created.json.value(u"id"_s).toString();
        QVERIFY(!m_fx->deployment(m_user, dep).isEmpty());
        QCOMPARE(sourceTokenRows(m_fx->db().url(), dep), 1);

        auto provider = m_fx->connectProvider(m_fx->addProvider(m_user, u"token-box"_s));
        QVERIFY(provider);
        const QJsonObject offer = provider->waitFor([&](const QJsonObject &o) {
            return type(o) == u"offer" && o.value(u"deployment"_s).toObject().value(u"id"_s).toString() == dep;
        });
        QCOMPARE(offer.value(u"deployment"_s).toObject().value(u"sourceToken"_s).toString(), secret);
        QVERIFY(!offer.value(u"deployment"_s).toObject().value(u"spec"_s).toObject().contains(u"sourceToken"_s));
        QCOMPARE(type(provider->call({ { u"type"_s, u"accept"_s }, { u"offer"_s, offer.value(u"offer"_s) } })), u"ack");
        QCOMPARE(type(provider->call({ { u"type"_s, u"status"_s }, { u"deployment"_s, dep }, { u"generation"_s, 1 },
                     { u"state"_s, u"building"_s } })),
            u"ack");
        QCOMPARE(sourceTokenRows(m_fx->db().url(), dep), 1); // still cloning
        QCOMPARE(type(provider->call({ { u"type"_s, u"status"_s }, { u"deployment"_s, dep }, { u"generation"_s, 1 },
                     { u"state"_s, u"running"_s }, { u"port"_s, 8080 } })),
            u"ack");
        QCOMPARE(sourceTokenRows(m_fx->db().url(), dep), 0);

        // A redeploy with a new spec and token: validated, and the token rides the command.
        const QString commands = u"/v1/deployments/"_s + dep + u"/commands"_s;
        QCOMPARE(post(commands,
                     { { u"command"_s, u"redeploy"_s }, { u"spec"_s, withField(minimalAppSpec(), u"port"_s, 0) } })
                     .status,
            400);
        QCOMPARE(post(commands, { { u"command"_s, u"restart"_s }, { u"sourceToken"_s, secret } }).status, 400);
        const QJsonObject newSpec = withField(minimalAppSpec(), u"port"_s, 9090);
        const HttpResult redeployed
            = post(commands, { { u"command"_s, u"redeploy"_s }, { u"spec"_s, newSpec }, { u"sourceToken"_s, secret } });
        QCOMPARE(redeployed.status, 202);
        QVERIFY(!redeployed.body.contains(secret.toUtf8()));
        QCOMPARE(redeployed.json.value(u"spec"_s).toObject().value(u"port"_s).toInt(), 9090);
        const QJsonObject command = provider->waitFor([&](const QJsonObject &o) {
            return type(o) == u"command" && o.value(u"command"_s).toString() == u"redeploy";
        });
        QCOMPARE(command.value(u"generation"_s).toInt(), 2);
        QCOMPARE(command.value(u"sourceToken"_s).toString(), secret);
        QCOMPARE(command.value(u"spec"_s).toObject().value(u"port"_s).toInt(), 9090);
        QCOMPARE(type(provider->call({ { u"type"_s, u"status"_s }, { u"deployment"_s, dep }, { u"generation"_s, 2 },
                     { u"state"_s, u"failed"_s }, { u"detail"_s, u"clone failed"_s } })),
            u"ack");
        QCOMPARE(sourceTokenRows(m_fx->db().url(), dep), 0);

        // Delete drops a pending one as well.
        QCOMPARE(post(commands, { { u"command"_s, u"redeploy"_s }, { u"sourceToken"_s, secret } }).status, 202);
        QCOMPARE(sourceTokenRows(m_fx->db().url(), dep), 1);
        QCOMPARE(
            m_fx->http().request("DELETE", m_fx->relay().url(u"/v1/deployments/"_s + dep), m_user.token).status, 202);
        QCOMPARE(sourceTokenRows(m_fx->db().url(), dep), 0);
        QVERIFY(!m_fx->http()
                     .get(m_fx->relay().url(u"/v1/deployments/"_s + dep), m_user.token)
                     .body.contains(secret.toUtf8()));
        QVERIFY(!m_fx->relay().log().contains(secret.toUtf8()));
    }

    void databasesGetCredentialsAndAConnection()
    {
        const auto createDb = [&](const QString &name, const QString &engine, const QJsonObject &extra = {}) {
            QJsonObject body { { u"name"_s, name }, { u"engine"_s, engine },
                { u"resources"_s,
                    QJsonObject { { u"cpuMillis"_s, 100 }, { u"memoryMb"_s, 64 }, { u"diskMb"_s, 10 } } } };
            for (auto it = extra.begin(); it != extra.end(); ++it)
                body.insert(it.key(), it.value());
            return post(u"/v1/databases"_s, body);
        };
        const HttpResult bad
            = createDb(u"badlist"_s, u"postgres"_s, { { u"allowList"_s, QJsonArray { u"10.0.0.0/33"_s } } });
        QCOMPARE(bad.status, 400);
        QVERIFY2(bad.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"10.0.0.0/33"_s),
            bad.body.constData());

        const HttpResult made = createDb(u"shopdb"_s, u"mysql"_s);
        QCOMPARE(made.status, 202);
        QVERIFY(!made.body.contains("assword\":\"")); // no secrets in the creation answer
        const QString id = made.json.value(u"id"_s).toString();
        const HttpResult got = m_fx->http().get(m_fx->relay().url(u"/v1/databases/"_s + id), m_user.token);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json.value(u"allowList"_s).toArray(),
            (QJsonArray { u"127.0.0.0/8"_s, u"::1/128"_s })); // loopback client
        const QJsonObject c = got.json.value(u"connection"_s).toObject();
        QCOMPARE(c.value(u"host"_s).toString(), u"localhost");
        QCOMPARE(c.value(u"port"_s).toInt(), 15600);
        QCOMPARE(c.value(u"database"_s).toString(), u"app");
        QCOMPARE(c.value(u"user"_s).toString(), u"app");
        const QString password = c.value(u"password"_s).toString();
        QVERIFY(password.size() >= 24);
        QCOMPARE(c.value(u"url"_s).toString(), u"mysql://app:%1@localhost:15600/app"_s.arg(password));
        QVERIFY(!got.json.value(u"spec"_s).toObject().contains(u"password"_s));
        QVERIFY(!got.json.value(u"spec"_s).toObject().contains(u"adminPassword"_s));

        // The provider gets the full spec, admin password included.
        auto provider = m_fx->connectProvider(m_fx->addProvider(m_user, u"db-box"_s));
        QVERIFY(provider);
        const QJsonObject offer = provider->waitFor([&](const QJsonObject &o) {
            return type(o) == u"offer" && o.value(u"deployment"_s).toObject().value(u"id"_s).toString() == id;
        });
        const QJsonObject spec = offer.value(u"deployment"_s).toObject().value(u"spec"_s).toObject();
        QCOMPARE(spec.value(u"password"_s).toString(), password);
        QVERIFY(spec.value(u"adminPassword"_s).toString().size() >= 24);
        QCOMPARE(spec.value(u"engine"_s).toString(), u"mysql");

        // Lists never carry passwords.
        const HttpResult list = m_fx->http().get(m_fx->relay().url(u"/v1/databases"_s), m_user.token);
        QCOMPARE(list.status, 200);
        QVERIFY(!list.body.contains(password.toUtf8()));
        QVERIFY(!list.body.contains("connection"));

        // The allow-list can be replaced; bad CIDRs are named.
        const QString allow = u"/v1/databases/"_s + id + u"/allowlist"_s;
        const HttpResult badPut = m_fx->http().request(
            "PUT", m_fx->relay().url(allow), m_user.token, R"({"allowList":["203.0.113.0/24","not-an-ip"]})");
        QCOMPARE(badPut.status, 400);
        QVERIFY(badPut.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"not-an-ip"_s));
        const HttpResult put = m_fx->http().request(
            "PUT", m_fx->relay().url(allow), m_user.token, R"({"allowList":["203.0.113.0/24","2001:db8::1"]})");
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json.value(u"allowList"_s).toArray(), (QJsonArray { u"203.0.113.0/24"_s, u"2001:db8::1/128"_s }));
        const TestUser stranger = m_fx->signUp(u"spec-stranger@example.com"_s);
        QCOMPARE(
            m_fx->http().request("PUT", m_fx->relay().url(allow), stranger.token, R"({"allowList":[]})").status, 404);

        // Redis: no database name, user "default", and its own URL form; the range is now full.
        const HttpResult redis = createDb(u"cache"_s, u"redis"_s, { { u"allowList"_s, QJsonArray {} } });
        QCOMPARE(redis.status, 202);
        const QJsonObject rc
            = m_fx->http()
                  .get(m_fx->relay().url(u"/v1/databases/"_s + redis.json.value(u"id"_s).toString()), m_user.token)
                  .json.value(u"connection"_s)
                  .toObject();
        QCOMPARE(rc.value(u"port"_s).toInt(), 15601);
        QCOMPARE(rc.value(u"url"_s).toString(),
            u"redis://default:%1@localhost:15601"_s.arg(rc.value(u"password"_s).toString()));
        QCOMPARE(createDb(u"one-too-many"_s, u"postgres"_s).status, 503);
        // A deleted database gives its port back.
        QCOMPARE(m_fx->http().request("DELETE", m_fx->relay().url(u"/v1/databases/"_s + id), m_user.token).status, 202);
        QCOMPARE(type(provider->call({ { u"type"_s, u"reject"_s }, { u"offer"_s, offer.value(u"offer"_s) } })),
            u"error"); // gone
        QTRY_COMPARE(m_fx->http().get(m_fx->relay().url(u"/v1/databases/"_s + id), m_user.token).status, 404);
        const HttpResult reused = createDb(u"again"_s, u"postgres"_s);
        QCOMPARE(reused.status, 202);
        QCOMPARE(m_fx->http()
                     .get(m_fx->relay().url(u"/v1/databases/"_s + reused.json.value(u"id"_s).toString()), m_user.token)
                     .json.value(u"connection"_s)
                     .toObject()
                     .value(u"port"_s)
                     .toInt(),
            15600);
    }
};

QTEST_GUILESS_MAIN(TestDeploySpec)
#include "tst_deployspec.moc"
