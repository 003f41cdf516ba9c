#include <model/databaseform.h>
#include <model/databasesmodel.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::deployer;

class TestDatabaseForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validation_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("memory");
        QTest::addColumn<int>("disk");
        QTest::addColumn<bool>("valid");
        QTest::newRow("postgres") << u"postgres"_s << u"shop-db"_s << 512 << 2048 << true;
        QTest::newRow("all engines: mongo") << u"mongo"_s << u"m"_s << 512 << 2048 << true;
        QTest::newRow("unknown engine") << u"oracle"_s << u"x"_s << 512 << 2048 << false;
        QTest::newRow("empty name") << u"mysql"_s << u"  "_s << 512 << 2048 << false;
        QTest::newRow("bad name") << u"mysql"_s << u"my db/1"_s << 512 << 2048 << false;
        QTest::newRow("too little memory") << u"redis"_s << u"cache"_s << 32 << 256 << false;
        QTest::newRow("redis small disk ok") << u"redis"_s << u"cache"_s << 128 << 256 << true;
        QTest::newRow("postgres small disk") << u"postgres"_s << u"pg"_s << 512 << 256 << false;
    }
    void validation()
    {
        QFETCH(QString, engine);
        QFETCH(QString, name);
        QFETCH(int, memory);
        QFETCH(int, disk);
        QFETCH(bool, valid);
        DatabaseForm f;
        f.engine = engine;
        f.name = name;
        f.memoryMb = memory;
        f.diskMb = disk;
        QCOMPARE(f.isValid(), valid);
    }

    void bodyMatchesProtocol()
    {
        DatabaseForm f;
        f.engine = u"mariadb"_s;
        f.name = u" shop "_s;
        f.version = u"11"_s;
        const QJsonObject b = f.body();
        QCOMPARE(b[u"name"_s].toString(), u"shop"_s);
        QCOMPARE(b[u"engine"_s].toString(), u"mariadb"_s);
        QCOMPARE(b[u"version"_s].toString(), u"11"_s);
        QCOMPARE(b[u"resources"_s][u"memoryMb"_s].toInt(), 512);
        QCOMPARE(DatabaseForm::engines().size(), 5);
    }

    void connectionStringMasksPassword()
    {
        const QJsonObject c { { u"password"_s, u"s3cr/t"_s }, { u"url"_s, u"postgres://app:s3cr%2Ft@h:1/app"_s } };
        QCOMPARE(DatabasesModel::connectionString(c, false), u"postgres://app:••••••@h:1/app"_s);
        QCOMPARE(DatabasesModel::connectionString(c, true), u"postgres://app:s3cr%2Ft@h:1/app"_s);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseForm)
#include "tst_databaseform.moc"
