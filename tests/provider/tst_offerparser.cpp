// OfferParser: the relay's offer.deployment → JobRequest. Good offers (app from git or blob,
// databases with the relay's credentials) and malformed ones, each refused with a reason.
#include <engine/offerparser.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace ttalkak::provider;
using namespace Qt::StringLiterals;

namespace {

QJsonObject appOffer()
{
    return QJsonObject {
        { u"id"_s, u"dep_0123456789abcdef01234567"_s },
        { u"kind"_s, u"app"_s },
        { u"name"_s, u"web"_s },
        { u"generation"_s, 2 },
        { u"resources"_s, QJsonObject { { u"cpuMillis"_s, 500 }, { u"memoryMb"_s, 256 }, { u"diskMb"_s, 1500 } } },
        { u"spec"_s,
            QJsonObject {
                { u"source"_s,
                    QJsonObject { { u"type"_s, u"git"_s }, { u"url"_s, u"https://github.com/u/r.git"_s },
                        { u"ref"_s, u"main"_s }, { u"commit"_s, QString(40, u'a') } } },
                { u"contextDir"_s, u"apps/./web"_s },
                { u"dockerfile"_s, u"FROM node:20\nCMD [\"node\",\"a.js\"]\n"_s },
                { u"buildArgs"_s, QJsonObject { { u"NODE_ENV"_s, u"production"_s } } },
                { u"env"_s, QJsonObject { { u"API_URL"_s, u"https://api"_s } } },
                { u"port"_s, 8080 },
                { u"healthPath"_s, u"/health"_s },
            } },
        { u"sourceToken"_s, u"ghp_secret"_s },
    };
}

QJsonObject databaseOffer(const QString &engine)
{
    return QJsonObject {
        { u"id"_s, u"dep_abcdef"_s },
        { u"kind"_s, u"database"_s },
        { u"name"_s, u"db"_s },
        { u"generation"_s, 1 },
        { u"resources"_s, QJsonObject { { u"cpuMillis"_s, 250 }, { u"memoryMb"_s, 512 }, { u"diskMb"_s, 0 } } },
        { u"spec"_s,
            QJsonObject { { u"engine"_s, engine }, { u"version"_s, u"16"_s }, { u"database"_s, u"app"_s },
                { u"user"_s, u"app"_s }, { u"password"_s, u"s3cret-Password_1"_s },
                { u"adminPassword"_s, u"r00t-Password_2"_s } } },
    };
}

// Sets a value at a '/'-separated path inside a copy of o (an undefined value removes it).
QJsonObject with(QJsonObject o, const QString &path, const QJsonValue &value)
{
    const QStringList parts = path.split(u'/');
    if (parts.size() == 1) {
        if (value.isUndefined())
            o.remove(path);
        else
            o.insert(path, value);
        return o;
    }
    o.insert(parts.first(), with(o.value(parts.first()).toObject(), parts.mid(1).join(u'/'), value));
    return o;
}

} // namespace

class TestOfferParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void app()
    {
        const OfferParser parser;
        auto r = parser.parseDeployment(appOffer());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message()));
        QCOMPARE(r->deploymentId, u"dep-0123456789abcdef01234567"_s);
        QCOMPARE(r->generation, 2);
        QCOMPARE(r->kind, DeploymentKind::Web);
        QCOMPARE(r->cpuCores, 0.5);
        QCOMPARE(r->memoryMb, 256);
        QCOMPARE(r->diskGb, 2); // 1500 MB rounds up
        QCOMPARE(r->containerPort, quint16(8080));
        QCOMPARE(r->env.value(u"API_URL"_s), u"https://api"_s);
        QVERIFY(r->image.isEmpty());
        QVERIFY(r->build);
        QCOMPARE(r->build->source.type, SourceSpec::Type::Git);
        QCOMPARE(r->build->source.commit, QString(40, u'a'));
        QCOMPARE(r->build->source.token, u"ghp_secret"_s);
        QCOMPARE(r->build->contextDir, u"apps/web"_s);
        QCOMPARE(r->build->buildArgs.value(u"NODE_ENV"_s), u"production"_s);
        QCOMPARE(r->build->healthPath, u"/health"_s);
    }

    void blobSource()
    {
        QJsonObject o = with(appOffer(), u"spec/source"_s,
            QJsonObject { { u"type"_s, u"blob"_s }, { u"blob"_s, QString(64, u'f') }, { u"size"_s, 1234 } });
        o.remove(u"sourceToken"_s);
        auto r = OfferParser().parseDeployment(o);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message()));
        QCOMPARE(r->build->source.type, SourceSpec::Type::Blob);
        QCOMPARE(r->build->source.blobSize, 1234);
    }

    void fileSourcesOnlyWhenAllowed()
    {
        const QJsonObject o = with(appOffer(), u"spec/source/url"_s, u"file:///srv/repo.git"_s);
        QVERIFY(!OfferParser().parseDeployment(o));
        QVERIFY(
            OfferParser(ttalkak::strategies::BaseImages::defaults(), { .allowFileSources = true }).parseDeployment(o));
    }

    void database_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("passwordVar");
        QTest::newRow("postgres") << u"postgres"_s << u"POSTGRES_PASSWORD"_s;
        QTest::newRow("mysql") << u"mysql"_s << u"MYSQL_PASSWORD"_s;
        QTest::newRow("redis") << u"redis"_s << u""_s;
    }

    void database()
    {
        QFETCH(QString, engine);
        QFETCH(QString, passwordVar);
        auto r = OfferParser().parseDeployment(databaseOffer(engine));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message()));
        QCOMPARE(r->kind, DeploymentKind::Database);
        QCOMPARE(r->deploymentId, u"dep-abcdef"_s);
        QVERIFY(!r->image.isEmpty());
        QVERIFY(!r->build);
        QVERIFY(r->dataPath.startsWith(u'/'));
        QVERIFY(r->containerPort > 0);
        QCOMPARE(r->healthTest.value(0), u"CMD"_s);
        QVERIFY(r->capAdd.contains(u"SETUID"_s));
        if (!passwordVar.isEmpty())
            QCOMPARE(r->env.value(passwordVar), u"s3cret-Password_1"_s); // the relay's, not a new one
        else
            QVERIFY(r->cmd.contains(u"s3cret-Password_1"_s));
        QCOMPARE(r->diskGb, 0);
    }

    void databaseWithoutCredentialsGeneratesThem()
    {
        QJsonObject o = databaseOffer(u"postgres"_s);
        o.insert(u"spec"_s, QJsonObject { { u"engine"_s, u"postgres"_s } });
        auto r = OfferParser().parseDeployment(o);
        QVERIFY(r);
        QCOMPARE(r->env.value(u"POSTGRES_PASSWORD"_s).size(), 32);
    }

    void malformed_data()
    {
        QTest::addColumn<QJsonObject>("deployment");
        QTest::addColumn<QString>("reason");
        const QJsonObject app = appOffer();
        const QJsonObject db = databaseOffer(u"postgres"_s);
        QTest::newRow("empty") << QJsonObject() << u"deployment.id"_s;
        QTest::newRow("bad id") << with(app, u"id"_s, u"../etc"_s) << u"deployment.id"_s;
        QTest::newRow("id upper") << with(app, u"id"_s, u"dep_ABC"_s) << u"deployment.id"_s;
        QTest::newRow("generation 0") << with(app, u"generation"_s, 0) << u"generation"_s;
        QTest::newRow("generation text") << with(app, u"generation"_s, u"1"_s) << u"generation"_s;
        QTest::newRow("generation fraction") << with(app, u"generation"_s, 1.5) << u"generation"_s;
        QTest::newRow("no name") << with(app, u"name"_s, QJsonValue::Undefined) << u"name"_s;
        QTest::newRow("kind") << with(app, u"kind"_s, u"vm"_s) << u"kind"_s;
        QTest::newRow("no resources") << with(app, u"resources"_s, QJsonValue::Undefined) << u"resources"_s;
        QTest::newRow("cpu 0") << with(app, u"resources/cpuMillis"_s, 0) << u"resources"_s;
        QTest::newRow("memory text") << with(app, u"resources/memoryMb"_s, u"big"_s) << u"resources"_s;
        QTest::newRow("disk negative") << with(app, u"resources/diskMb"_s, -1) << u"resources"_s;
        QTest::newRow("spec array") << with(app, u"spec"_s, QJsonArray()) << u"spec"_s;
        QTest::newRow("no source") << with(app, u"spec/source"_s, QJsonValue::Undefined) << u"source"_s;
        QTest::newRow("source type") << with(app, u"spec/source/type"_s, u"svn"_s) << u"source.type"_s;
        QTest::newRow("ftp url") << with(app, u"spec/source/url"_s, u"ftp://x/y"_s) << u"url"_s;
        QTest::newRow("option ref") << with(app, u"spec/source/ref"_s, u"--upload-pack=x"_s) << u"ref"_s;
        QTest::newRow("short commit") << with(app, u"spec/source/commit"_s, u"abc"_s) << u"commit"_s;
        QTest::newRow("blob sha") << with(
            app, u"spec/source"_s, QJsonObject { { u"type"_s, u"blob"_s }, { u"blob"_s, u"xyz"_s }, { u"size"_s, 1 } })
                                  << u"blob"_s;
        QTest::newRow("context ..") << with(app, u"spec/contextDir"_s, u"a/../../etc"_s) << u"contextDir"_s;
        QTest::newRow("context abs") << with(app, u"spec/contextDir"_s, u"/etc"_s) << u"contextDir"_s;
        QTest::newRow("no dockerfile") << with(app, u"spec/dockerfile"_s, QJsonValue::Undefined) << u"dockerfile"_s;
        QTest::newRow("huge dockerfile") << with(app, u"spec/dockerfile"_s, QString(70000, u'x')) << u"dockerfile"_s;
        QTest::newRow("env name") << with(app, u"spec/env"_s, QJsonObject { { u"A-B"_s, u"x"_s } }) << u"env"_s;
        QTest::newRow("env value") << with(app, u"spec/env"_s, QJsonObject { { u"A"_s, 1 } }) << u"env"_s;
        QTest::newRow("env NUL") << with(app, u"spec/env"_s, QJsonObject { { u"A"_s, u"a\0b"_s } }) << u"env"_s;
        QTest::newRow("port 0") << with(app, u"spec/port"_s, 0) << u"port"_s;
        QTest::newRow("port big") << with(app, u"spec/port"_s, 70000) << u"port"_s;
        QTest::newRow("health path") << with(app, u"spec/healthPath"_s, u"health"_s) << u"healthPath"_s;
        QTest::newRow("token on blob") << with(
            with(app, u"spec/source"_s,
                QJsonObject { { u"type"_s, u"blob"_s }, { u"blob"_s, QString(64, u'0') }, { u"size"_s, 1 } }),
            u"sourceToken"_s, u"t"_s) << u"sourceToken"_s;
        QTest::newRow("db engine") << with(db, u"spec/engine"_s, u"oracle"_s) << u"oracle"_s;
        QTest::newRow("db no engine") << with(db, u"spec/engine"_s, QJsonValue::Undefined) << u"engine"_s;
        QTest::newRow("db password space") << with(db, u"spec/password"_s, u"has a space"_s) << u"password"_s;
        QTest::newRow("db user") << with(db, u"spec/user"_s, u"Robert'); DROP"_s) << u"user"_s;
        QTest::newRow("db version") << with(db, u"spec/version"_s, u"../../x"_s) << u"version"_s;
    }

    void malformed()
    {
        QFETCH(QJsonObject, deployment);
        QFETCH(QString, reason);
        auto r = OfferParser().parseDeployment(deployment);
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ttalkak::core::ErrorCode::InvalidInput);
        QVERIFY2(r.error().message().contains(reason), qPrintable(r.error().message()));
    }

    void ids()
    {
        QCOMPARE(OfferParser::localId(u"dep_00ff"_s), u"dep-00ff"_s);
        QCOMPARE(OfferParser::relayId(u"dep-00ff"_s), u"dep_00ff"_s);
        QCOMPARE(OfferParser::localId(u"dep-00ff"_s), QString());
        QCOMPARE(OfferParser::relayId(u"t123-x"_s), u"t123-x"_s); // not a relay id: unchanged
    }
};

QTEST_GUILESS_MAIN(TestOfferParser)
#include "tst_offerparser.moc"
