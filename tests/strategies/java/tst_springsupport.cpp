#include <strategies/java/springsupport.h>

#include <QTest>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

class TestSpringSupport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalizeJavaVersion_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("version");
        QTest::newRow("plain") << u"17"_s << u"17"_s;
        QTest::newRow("1.8") << u"1.8"_s << u"8"_s;
        QTest::newRow("1_8") << u"1_8"_s << u"8"_s;
        QTest::newRow("full") << u"17.0.2"_s << u"17"_s;
        QTest::newRow("quoted") << u"'21'"_s << u"21"_s;
        QTest::newRow("heroku style") << u"21.0.1+12"_s << u"21"_s;
        QTest::newRow("placeholder") << u"${java.version}"_s << QString();
        QTest::newRow("text") << u"latest"_s << QString();
    }
    void normalizeJavaVersion()
    {
        QFETCH(QString, raw);
        QFETCH(QString, version);
        QCOMPARE(Internal::normalizeJavaVersion(raw), version);
    }
};

QTEST_GUILESS_MAIN(TestSpringSupport)
#include "tst_springsupport.moc"
