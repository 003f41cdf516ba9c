#include <strategies/java/pomfile.h>

#include <QFile>
#include <QTest>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

class TestPomFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesWhatDetectionNeeds()
    {
        QFile file(qEnvironmentVariable("TTALKAK_SOURCE_DIR") + u"/tests/strategies/java/data/full-pom.xml"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray xml = file.readAll();
        auto pom = PomFile::parse(xml, u"pom.xml"_s);
        QVERIFY2(pom, qPrintable(pom ? QString() : pom.error().toString()));
        QCOMPARE(pom->parent().coordinate.artifactId, u"spring-boot-starter-parent"_s);
        QCOMPARE(pom->parent().coordinate.line, 3);
        QVERIFY(pom->parent().relativePath.isSet());
        QCOMPARE(pom->parent().relativePath.text, QString());
        QCOMPARE(pom->artifactId().text, u"demo"_s);
        QCOMPARE(pom->packaging().text, u"war"_s);
        QCOMPARE(pom->properties().value(u"java.version"_s).text, u"21"_s);
        QCOMPARE(pom->properties().value(u"java.version"_s).line, 12);
        QCOMPARE(pom->modules().size(), 2);
        QCOMPARE(pom->modules().at(1).text, u"b/c"_s);
        QCOMPARE(pom->importedBoms().size(), 1);
        QCOMPARE(pom->dependencies().size(), 1);
        QCOMPARE(pom->dependencies().at(0).line, 18);
        QVERIFY(pom->dependency(u"org.springframework.boot"_s, u"spring-boot-starter-actuator"_s));
        QCOMPARE(pom->finalName().text, u"app"_s);
        QCOMPARE(pom->plugins().size(), 2); // managed plugins are not build plugins
        const auto *boot = pom->plugin(u"org.springframework.boot"_s, u"spring-boot-maven-plugin"_s);
        QVERIFY(boot);
        QCOMPARE(boot->configuration.value(u"classifier"_s).text, u"exec"_s);
        QCOMPARE(boot->coordinate.groupId, u"org.springframework.boot"_s); // not the plugin dependency's
        const auto *compiler = pom->plugin(u"org.apache.maven.plugins"_s, u"maven-compiler-plugin"_s);
        QVERIFY(compiler);
        QCOMPARE(compiler->configuration.value(u"release"_s).text, u"17"_s);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("contains");
        QTest::newRow("mismatched tag") << QByteArray(
            "<project>\n<artifactId>a</artifactId>\n<dependencies>\n</project>\n")
                                        << 4 << u"malformed XML"_s;
        QTest::newRow("truncated") << QByteArray("<project>\n  <artifactId>a</artifactId>\n") << 3
                                   << u"malformed XML"_s;
        QTest::newRow("not a pom") << QByteArray("<?xml version=\"1.0\"?>\n<settings/>\n") << 2 << u"<project>"_s;
        QTest::newRow("no artifactId") << QByteArray("<project/>") << 1 << u"artifactId"_s;
        // Qt caps entity expansion (QXmlStreamReader::entityExpansionLimit): a
        // "billion laughs" pom is an error, not a memory blow-up.
        QTest::newRow("entity bomb refused") << QByteArray("<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\">\n"
                                                           "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
                                                           "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
                                                           "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n"
                                                           "<project><artifactId>&d;</artifactId></project>\n")
                                             << 5 << u"malformed XML"_s;
    }
    void malformed()
    {
        QFETCH(QByteArray, xml);
        QFETCH(int, line);
        QFETCH(QString, contains);
        auto pom = PomFile::parse(xml, u"sub/pom.xml"_s);
        QVERIFY(!pom);
        QCOMPARE(pom.error().file(), u"sub/pom.xml"_s);
        QCOMPARE(pom.error().line(), line);
        QVERIFY2(pom.error().message().contains(contains), qPrintable(pom.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestPomFile)
#include "tst_pomfile.moc"
