#include <strategies/java/javaproperties.h>

#include <QTest>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

class TestJavaProperties : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entry_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("line");
        QTest::newRow("equals") << QByteArray("server.port=8081\n") << u"server.port"_s << u"8081"_s << 1;
        QTest::newRow("spaces around =") << QByteArray("\n  server.port = 9090  \n") << u"server.port"_s << u"9090  "_s
                                         << 2;
        QTest::newRow("colon") << QByteArray("server.port: 8082") << u"server.port"_s << u"8082"_s << 1;
        QTest::newRow("blank separator") << QByteArray("server.port 8083") << u"server.port"_s << u"8083"_s << 1;
        QTest::newRow("comments skipped")
            << QByteArray("# server.port=1\n! x=2\nserver.port=3\n") << u"server.port"_s << u"3"_s << 3;
        QTest::newRow("last wins") << QByteArray("a=1\na=2\n") << u"a"_s << u"2"_s << 2;
        QTest::newRow("continuation") << QByteArray("list=a,\\\n    b,\\\n    c\nnext=1\n") << u"list"_s << u"a,b,c"_s
                                      << 1;
        QTest::newRow("escaped backslash is not continuation")
            << QByteArray("p=C:\\\\\nq=1\n") << u"p"_s << u"C:\\"_s << 1;
        QTest::newRow("escaped separator in key") << QByteArray("a\\=b=c\n") << u"a=b"_s << u"c"_s << 1;
        QTest::newRow("unicode escape") << QByteArray("name=caf\\u00e9\n") << u"name"_s << u"caf\u00e9"_s << 1;
        QTest::newRow("crlf") << QByteArray("a=1\r\nb=2\r\n") << u"b"_s << u"2"_s << 2;
        QTest::newRow("empty value") << QByteArray("a=\n") << u"a"_s << QString() << 1;
        QTest::newRow("placeholder kept raw")
            << QByteArray("server.port=${PORT:8081}\n") << u"server.port"_s << u"${PORT:8081}"_s << 1;
    }
    void entry()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(int, line);
        const JavaProperties props = JavaProperties::parse(text);
        const auto *e = props.find(key);
        QVERIFY2(e, qPrintable(key));
        QCOMPARE(e->value, value);
        QCOMPARE(e->line, line);
    }

    void documents()
    {
        const JavaProperties props
            = JavaProperties::parse("a=1\n#---\nspring.config.activate.on-profile=prod\na=2\n!---\na=3\n");
        QCOMPARE(props.documents().size(), 3);
        QCOMPARE(JavaProperties::find(props.documents().at(0), u"a"_s)->value, u"1"_s);
        QCOMPARE(JavaProperties::find(props.documents().at(1), u"a"_s)->line, 4);
        QCOMPARE(props.find(u"a"_s)->value, u"3"_s);
        // An indented "#---" is a comment, not a separator.
        QCOMPARE(JavaProperties::parse("a=1\n  #---\na=2\n").documents().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestJavaProperties)
#include "tst_javaproperties.moc"
