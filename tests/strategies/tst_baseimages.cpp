#include <strategies/baseimages.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

class TestBaseImages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreOfficialImages()
    {
        const BaseImages d = BaseImages::defaults();
        QCOMPARE(d.image(u"node"_s, u"20"_s), u"node:20-bookworm-slim"_s);
        for (const char *key : {"node", "nginx", "jdk", "jre", "maven", "gradle", "mysql", "mariadb", "postgresql", "redis", "mongodb"})
            QVERIFY2(d.contains(QLatin1StringView(key)), key);
    }

    void overrideWinsAndMayPin()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"o.yaml"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# local images\nnode: \"ttalkak-local/node:abc\"\nredis: mirror.example/redis:{version}\n");
        f.close();
        BaseImages images = BaseImages::defaults();
        QVERIFY(images.applyOverrideFile(path));
        QCOMPARE(images.image(u"node"_s, u"20"_s), u"ttalkak-local/node:abc"_s);
        QCOMPARE(images.image(u"redis"_s, u"7"_s), u"mirror.example/redis:7"_s);
        QCOMPARE(images.image(u"nginx"_s), u"nginx:1.27-bookworm"_s);
    }

    void badOverrides_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::newRow("not a map") << QByteArray("- a\n- b\n") << 1;
        QTest::newRow("nested") << QByteArray("node: x\nnginx:\n  a: b\n") << 3;
        QTest::newRow("whitespace injection") << QByteArray("node: x\nnginx: \"nginx\\nRUN evil\"\n") << 2;
        QTest::newRow("syntax") << QByteArray("node: [unclosed\n") << 2;
    }
    void badOverrides()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        auto r = BaseImages::parse(yaml, u"o.yaml"_s);
        QVERIFY(!r);
        QCOMPARE(r.error().file(), u"o.yaml"_s);
        QCOMPARE(r.error().line(), line);
    }
};

QTEST_GUILESS_MAIN(TestBaseImages)
#include "tst_baseimages.moc"
