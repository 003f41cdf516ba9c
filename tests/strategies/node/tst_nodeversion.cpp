// The Node.js version rules: .nvmrc / .node-version text and engines.node ranges.
#include <strategies/node/nodeversion.h>

#include <QTest>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

class TestNodeVersion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void range_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<int>("major"); // 0 = no usable major
        QTest::newRow("exact") << u"20.11.1"_s << 20;
        QTest::newRow("v prefix") << u"v18.19.0"_s << 18;
        QTest::newRow("major only") << u"16"_s << 16;
        QTest::newRow("x range") << u"18.x"_s << 18;
        QTest::newRow("star") << u"*"_s << 22;
        QTest::newRow("empty") << u""_s << 22;
        QTest::newRow(">= allows current LTS") << u">=18"_s << 22;
        QTest::newRow(">= with space") << u">= 18.17.0"_s << 22;
        QTest::newRow("> partial excludes the major") << u">22"_s << 24; // npm: >22 is >=23.0.0
        QTest::newRow("> full version keeps the major") << u">22.0.0"_s << 22;
        QTest::newRow(">=23 nearest newer LTS") << u">=23"_s << 24;
        QTest::newRow("caret") << u"^20.11.0"_s << 20;
        QTest::newRow("caret major") << u"^18"_s << 18;
        QTest::newRow("tilde") << u"~16.20.0"_s << 16;
        QTest::newRow("upper bound") << u"<21"_s << 20;
        QTest::newRow("bounded") << u">=16 <19"_s << 18;
        QTest::newRow("<= partial") << u"<=20"_s << 20;
        QTest::newRow("or prefers LTS 22") << u"^20 || ^22"_s << 22;
        QTest::newRow("or older") << u"^16 || ^18"_s << 18;
        QTest::newRow("hyphen") << u"16 - 20"_s << 20;
        QTest::newRow("hyphen partial end") << u"18.0.0 - 21"_s << 20;
        QTest::newRow("odd only") << u"^21"_s << 21;
        QTest::newRow("odd range") << u">=19 <21"_s << 20;
        QTest::newRow("prerelease ignored") << u">=20.0.0-rc.1"_s << 22;
        QTest::newRow("comma separated") << u">=18, <21"_s << 20;
        QTest::newRow("unsatisfiable") << u">=99"_s << 0;
        QTest::newRow("too old") << u"0.12"_s << 0;
        QTest::newRow("garbage") << u"the latest"_s << 0;
        QTest::newRow("bad number") << u">=1a"_s << 0;
        QTest::newRow("empty set") << u">20 <20"_s << 0;
    }
    void range()
    {
        QFETCH(QString, range);
        QFETCH(int, major);
        const auto c = NodeVersion::fromRange(range);
        QCOMPARE(c.major, major);
        QCOMPARE(c.error.isEmpty(), major != 0);
    }

    void allowed()
    {
        QCOMPARE(*NodeVersion::allowedMajors(u"^16 || >=20 <22"_s), (QList<int> { 16, 20, 21 }));
        QVERIFY(!NodeVersion::allowedMajors(u">=x.y.z.w"_s));
    }

    void pinFile_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("major");
        QTest::newRow("number") << u"20\n"_s << 20;
        QTest::newRow("full version") << u"v20.11.1"_s << 20;
        QTest::newRow("minor") << u"18.19"_s << 18;
        QTest::newRow("lts star") << u"lts/*"_s << NodeVersion::currentLts;
        QTest::newRow("lts minus one") << u"lts/-1"_s << 20;
        QTest::newRow("iron") << u"lts/iron"_s << 20;
        QTest::newRow("Hydrogen mixed case") << u"lts/Hydrogen"_s << 18;
        QTest::newRow("gallium") << u"lts/gallium"_s << 16;
        QTest::newRow("jod") << u"lts/jod"_s << 22;
        QTest::newRow("krypton") << u"lts/krypton"_s << 24;
        QTest::newRow("bare codename") << u"iron"_s << 20;
        QTest::newRow("node alias") << u"node"_s << NodeVersion::currentLts;
        QTest::newRow("comment and blank lines") << u"\n# pinned for CI\n20.11.0 # current\n"_s << 20;
        QTest::newRow("range in .node-version") << u">=18 <21"_s << 20;
        QTest::newRow("crlf") << u"18\r\n"_s << 18;
        QTest::newRow("unknown codename") << u"lts/unobtainium"_s << 0;
        QTest::newRow("empty") << u"\n\n"_s << 0;
        QTest::newRow("too old") << u"0.10.48"_s << 0;
        QTest::newRow("future") << u"99"_s << 0;
        QTest::newRow("junk") << u"system"_s << 0;
    }
    void pinFile()
    {
        QFETCH(QString, text);
        QFETCH(int, major);
        const auto c = NodeVersion::fromPinFile(text);
        QCOMPARE(c.major, major);
        QCOMPARE(c.error.isEmpty(), major != 0);
    }

    void preferred_data()
    {
        QTest::addColumn<QList<int>>("allowed");
        QTest::addColumn<int>("major");
        QTest::newRow("none") << QList<int> {} << 0;
        QTest::newRow("current LTS first") << QList<int> { 18, 20, 22, 24 } << 22;
        QTest::newRow("newest older LTS") << QList<int> { 16, 18, 19 } << 18;
        QTest::newRow("nearest newer LTS") << QList<int> { 23, 24, 25 } << 24;
        QTest::newRow("odd only") << QList<int> { 23 } << 23;
    }
    void preferred()
    {
        QFETCH(QList<int>, allowed);
        QFETCH(int, major);
        QCOMPARE(NodeVersion::preferredMajor(allowed), major);
    }
};

QTEST_GUILESS_MAIN(TestNodeVersion)
#include "tst_nodeversion.moc"
