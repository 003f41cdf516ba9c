#include <strategies/databases/databaseplan.h>

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

namespace {
QString envValue(const DatabasePlan &plan, const QString &key)
{
    for (const auto &[k, v] : plan.env)
        if (k == key)
            return v;
    return {};
}
} // namespace

namespace {
// engine, version, name; credentials left to planDatabase
ttalkak::strategies::DatabaseRequest request(const QString &engine, const QString &version = {}, const QString &name = {})
{
    ttalkak::strategies::DatabaseRequest r;
    r.engine = engine;
    r.version = version;
    r.name = name;
    return r;
}
} // namespace

class TestDatabasePlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void engines_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("image");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("volume");
        QTest::addColumn<QString>("healthTool");
        QTest::addColumn<QStringList>("envKeys");
        QTest::newRow("postgresql") << u"postgresql"_s << QString() << u"postgres:16"_s << 5432
                                    << u"/var/lib/postgresql/data"_s << u"pg_isready"_s
                                    << QStringList { u"POSTGRES_USER"_s, u"POSTGRES_PASSWORD"_s, u"POSTGRES_DB"_s };
        QTest::newRow("postgres alias, 18")
            << u"Postgres"_s << u"18"_s << u"postgres:18"_s << 5432 << u"/var/lib/postgresql"_s << u"pg_isready"_s
            << QStringList { u"POSTGRES_USER"_s, u"POSTGRES_PASSWORD"_s, u"POSTGRES_DB"_s };
        QTest::newRow("mysql") << u"mysql"_s << QString() << u"mysql:8.4"_s << 3306 << u"/var/lib/mysql"_s
                               << u"mysqladmin"_s
                               << QStringList { u"MYSQL_ROOT_PASSWORD"_s, u"MYSQL_DATABASE"_s, u"MYSQL_USER"_s,
                                      u"MYSQL_PASSWORD"_s };
        QTest::newRow("mariadb") << u"mariadb"_s << QString() << u"mariadb:11.4"_s << 3306 << u"/var/lib/mysql"_s
                                 << u"mariadb-admin"_s
                                 << QStringList { u"MARIADB_ROOT_PASSWORD"_s, u"MARIADB_DATABASE"_s, u"MARIADB_USER"_s,
                                        u"MARIADB_PASSWORD"_s };
        QTest::newRow("mariadb 10.4") << u"mariadb"_s << u"10.4"_s << u"mariadb:10.4"_s << 3306 << u"/var/lib/mysql"_s
                                      << u"mysqladmin"_s
                                      << QStringList { u"MARIADB_ROOT_PASSWORD"_s, u"MARIADB_DATABASE"_s,
                                             u"MARIADB_USER"_s, u"MARIADB_PASSWORD"_s };
        QTest::newRow("redis") << u"redis"_s << QString() << u"redis:7"_s << 6379 << u"/data"_s << u"sh"_s
                               << QStringList { u"REDISCLI_AUTH"_s };
        QTest::newRow("mongodb") << u"mongodb"_s << QString() << u"mongo:7"_s << 27017 << u"/data/db"_s << u"mongosh"_s
                                 << QStringList { u"MONGO_INITDB_ROOT_USERNAME"_s, u"MONGO_INITDB_ROOT_PASSWORD"_s,
                                        u"MONGO_INITDB_DATABASE"_s };
        QTest::newRow("mongo alias, 5.0")
            << u"mongo"_s << u"5.0"_s << u"mongo:5.0"_s << 27017 << u"/data/db"_s << u"mongo"_s
            << QStringList { u"MONGO_INITDB_ROOT_USERNAME"_s, u"MONGO_INITDB_ROOT_PASSWORD"_s,
                   u"MONGO_INITDB_DATABASE"_s };
    }
    void engines()
    {
        QFETCH(QString, engine);
        QFETCH(QString, version);
        QFETCH(QString, image);
        QFETCH(int, port);
        QFETCH(QString, volume);
        QFETCH(QString, healthTool);
        QFETCH(QStringList, envKeys);
        auto plan = planDatabase(request(engine, version, u"shop"_s), BaseImages::defaults());
        QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
        QCOMPARE(plan->image, image);
        QCOMPARE(plan->port, port);
        QCOMPARE(plan->volumePath, volume);
        QCOMPARE(plan->healthCheck.value(0), healthTool);
        QStringList keys;
        for (const auto &kv : plan->env)
            keys.append(kv.first);
        QCOMPARE(keys, envKeys);
        QVERIFY(plan->password.size() >= 24);
        // The password reaches the container (env or command), and nowhere in the health check.
        bool delivered = plan->command.contains(plan->password);
        for (const auto &kv : plan->env)
            delivered = delivered || kv.second == plan->password;
        QVERIFY(delivered);
        QVERIFY(!plan->healthCheck.join(u' ').contains(plan->password));
        QVERIFY(plan->healthCheck.join(u' ').contains(QString::number(port)) || healthTool.startsWith(u"mongo"_s));
    }

    void engineSpecifics()
    {
        const BaseImages images = BaseImages::defaults();
        auto pg = planDatabase(request(u"postgresql"_s, {}, u"shop"_s), images);
        QVERIFY(pg);
        QCOMPARE(envValue(*pg, u"POSTGRES_USER"_s), u"shop"_s);
        QCOMPARE(envValue(*pg, u"POSTGRES_DB"_s), u"shop"_s);
        QCOMPARE(envValue(*pg, u"POSTGRES_PASSWORD"_s), pg->password);
        QVERIFY(pg->healthCheck.contains(u"127.0.0.1"_s)); // TCP, not the init-time socket

        auto my = planDatabase(request(u"mysql"_s, {}, {}), images);
        QVERIFY(my);
        QCOMPARE(my->database, u"app"_s); // default name
        QVERIFY(!my->adminPassword.isEmpty());
        QVERIFY(my->adminPassword != my->password);
        QCOMPARE(envValue(*my, u"MYSQL_ROOT_PASSWORD"_s), my->adminPassword);

        auto redis = planDatabase(request(u"redis"_s, {}, {}), images);
        QVERIFY(redis);
        QCOMPARE(redis->command.mid(0, 3), (QStringList { u"redis-server"_s, u"--requirepass"_s, redis->password }));
        QVERIFY(redis->command.join(u' ').contains(u"--appendonly yes"_s));
        QCOMPARE(redis->user, u"default"_s);
    }

    void passwordsAreStrongAndFresh()
    {
        static const QRegularExpression urlSafe(u"^[A-Za-z0-9][A-Za-z0-9_-]{23,}$"_s);
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const QString pw = generateDatabasePassword();
            QCOMPARE(pw.size(), 32);
            QVERIFY2(urlSafe.match(pw).hasMatch(), qPrintable(pw));
            QCOMPARE(QString::fromLatin1(QUrl::toPercentEncoding(pw)), pw);
            seen.insert(pw);
        }
        QCOMPARE(seen.size(), 200);
        QCOMPARE(generateDatabasePassword(8).size(), 24); // never shorter than 24
        auto a = planDatabase(request(u"postgresql"_s, {}, {}), BaseImages::defaults());
        auto b = planDatabase(request(u"postgresql"_s, {}, {}), BaseImages::defaults());
        QVERIFY(a && b && a->password != b->password);
    }

    void connectionString_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("pattern"); // PW stands for the password
        QTest::newRow("postgresql") << u"postgresql"_s << u"relay.example.net"_s
                                    << u"postgresql://shop:PW@relay.example.net:40001/shop"_s;
        QTest::newRow("mysql") << u"mysql"_s << u"relay.example.net"_s
                               << u"mysql://shop:PW@relay.example.net:40001/shop"_s;
        QTest::newRow("mariadb uses mysql://")
            << u"mariadb"_s << u"127.0.0.1"_s << u"mysql://shop:PW@127.0.0.1:40001/shop"_s;
        QTest::newRow("redis") << u"redis"_s << u"relay.example.net"_s
                               << u"redis://default:PW@relay.example.net:40001"_s;
        QTest::newRow("mongodb") << u"mongodb"_s << u"relay.example.net"_s
                                 << u"mongodb://shop:PW@relay.example.net:40001/shop?authSource=admin"_s;
        QTest::newRow("ipv6 host") << u"postgresql"_s << u"::1"_s << u"postgresql://shop:PW@[::1]:40001/shop"_s;
    }
    void connectionString()
    {
        QFETCH(QString, engine);
        QFETCH(QString, host);
        QFETCH(QString, pattern);
        auto plan = planDatabase(request(engine, {}, u"shop"_s), BaseImages::defaults());
        QVERIFY(plan);
        QCOMPARE(plan->connectionString(host, 40001), QString(pattern).replace(u"PW"_s, plan->password));
        QVERIFY(QUrl(plan->connectionString(host, 40001), QUrl::StrictMode).isValid());
    }

    void redisBeforeUsers()
    {
        auto plan = planDatabase(request(u"redis"_s, u"5.0"_s, {}), BaseImages::defaults());
        QVERIFY(plan);
        QVERIFY(plan->user.isEmpty());
        QCOMPARE(plan->connectionString(u"h"_s, 1), u"redis://:"_s + plan->password + u"@h:1"_s);
    }

    void percentEncoding()
    {
        DatabasePlan plan;
        plan.engine = u"postgresql"_s;
        plan.user = u"a@b"_s;
        plan.password = u"p:w/d?#%"_s;
        plan.database = u"d b"_s;
        const QString s = plan.connectionString(u"h"_s, 1);
        QCOMPARE(s, u"postgresql://a%40b:p%3Aw%2Fd%3F%23%25@h:1/d%20b"_s);
        const QUrl url(s);
        QCOMPARE(url.userName(), u"a@b"_s);
        QCOMPARE(url.password(), u"p:w/d?#%"_s);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("contains");
        QTest::newRow("unknown engine lists supported")
            << u"oracle"_s << QString() << QString() << u"postgresql, mysql, mariadb, redis, mongodb"_s;
        QTest::newRow("empty engine") << QString() << QString() << QString() << u"supported"_s;
        QTest::newRow("version injection") << u"redis"_s << u"7\nRUN evil"_s << QString() << u"invalid Redis version"_s;
        QTest::newRow("version with space") << u"mysql"_s << u"8 .4"_s << QString() << u"invalid MySQL version"_s;
        QTest::newRow("version not a number") << u"postgresql"_s << u"latest"_s << QString() << u"16"_s;
        QTest::newRow("name with quote") << u"postgresql"_s << QString() << u"a'b"_s << u"invalid database name"_s;
        QTest::newRow("name too long") << u"mysql"_s << QString() << QString(40, u'a') << u"invalid database name"_s;
        QTest::newRow("name uppercase") << u"mysql"_s << QString() << u"Shop"_s << u"invalid database name"_s;
        QTest::newRow("reserved root") << u"mysql"_s << QString() << u"root"_s << u"reserved"_s;
        QTest::newRow("reserved admin") << u"mongodb"_s << QString() << u"admin"_s << u"reserved"_s;
    }
    void invalid()
    {
        QFETCH(QString, engine);
        QFETCH(QString, version);
        QFETCH(QString, name);
        QFETCH(QString, contains);
        auto plan = planDatabase(request(engine, version, name), BaseImages::defaults());
        QVERIFY(!plan);
        QVERIFY2(plan.error().message().contains(contains), qPrintable(plan.error().message()));
    }

    void overrideImagesArePinned()
    {
        auto images = BaseImages::parse("postgresql: ttalkak-local/postgresql:abc123\n", u"o.yaml"_s);
        QVERIFY(images);
        BaseImages merged = BaseImages::defaults();
        QTemporaryDir dir;
        QFile f(dir.filePath(u"o.yaml"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("postgresql: ttalkak-local/postgresql:abc123\n");
        f.close();
        QVERIFY(merged.applyOverrideFile(f.fileName()));
        auto plan = planDatabase(request(u"postgresql"_s, u"15"_s, {}), merged);
        QVERIFY(plan);
        QCOMPARE(plan->image, u"ttalkak-local/postgresql:abc123"_s);
    }

    void jsonHidesSecrets()
    {
        auto plan = planDatabase(request(u"redis"_s, {}, {}), BaseImages::defaults());
        QVERIFY(plan);
        const QByteArray hidden = QJsonDocument(plan->toJson()).toJson();
        QVERIFY(!hidden.contains(plan->password.toUtf8()));
        QVERIFY(hidden.contains("********"));
        QVERIFY(QJsonDocument(plan->toJson(true)).toJson().contains(plan->password.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestDatabasePlan)
#include "tst_databaseplan.moc"
