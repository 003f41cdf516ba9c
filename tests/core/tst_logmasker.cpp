#include <core/logtemplates/logmasker.h>

#include <QRandomGenerator>
#include <QTest>

#include <string>
#include <vector>

using namespace Qt::StringLiterals;
using namespace ttalkak::core;

namespace {
QString mask(const LogMasker &masker, const QString &token)
{
    const QByteArray utf8 = token.toUtf8();
    QByteArray buffer(qsizetype(LogMasker::bufferSize(std::size_t(utf8.size()))), '\0');
    const LogMasker::Token t
        = masker.maskToken(std::string_view(utf8.constData(), std::size_t(utf8.size())), buffer.data());
    return QString::fromUtf8(t.text.data(), qsizetype(t.text.size()));
}
} // namespace

class TestLogMasker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultRules_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("expected");
        // Plain words stay.
        QTest::newRow("word") << u"terminating"_s << u"terminating"_s;
        QTest::newRow("punctuated word") << u"Core:"_s << u"Core:"_s;
        QTest::newRow("non-ascii word") << u"연결됨"_s << u"연결됨"_s;
        // Numbers.
        QTest::newRow("integer") << u"67108864"_s << u"<*>"_s;
        QTest::newRow("negative") << u"-42"_s << u"<*>"_s;
        QTest::newRow("float in parens") << u"(-3.5)"_s << u"(<*>)"_s;
        QTest::newRow("exponent") << u"1.5e-9"_s << u"<*>"_s;
        QTest::newRow("percent") << u"80%"_s << u"<*>"_s;
        QTest::newRow("size") << u"512MB"_s << u"<*>"_s;
        QTest::newRow("trailing comma") << u"42,"_s << u"<*>,"_s;
        QTest::newRow("version") << u"v6.1.7601.23505"_s << u"<*>"_s;
        // Ids: digit-bearing words inside a token.
        QTest::newRow("hdfs block") << u"blk_38865049064139660"_s << u"blk_<*>"_s;
        QTest::newRow("hdfs block negative") << u"blk_-6952295868487656571"_s << u"blk_<*>"_s;
        QTest::newRow("hadoop attempt") << u"appattempt_1445144423722_0020_000001"_s << u"appattempt_<*>_<*>_<*>"_s;
        QTest::newRow("key=value") << u"(HWID=1973)"_s << u"(HWID=<*>)"_s;
        QTest::newRow("dash is not a sign after a word") << u"node-246"_s << u"node-<*>"_s;
        QTest::newRow("bgl location") << u"R02-M1-N0-C:J12-U11"_s << u"<*>-<*>-<*>-C:<*>-<*>"_s;
        QTest::newRow("protocol") << u"HTTP/1.1"_s << u"HTTP/<*>"_s;
        QTest::newRow("only punctuation left collapses") << u"\\042alt0\\042"_s << u"<*>"_s;
        // IP addresses.
        QTest::newRow("ipv4") << u"192.168.0.1"_s << u"<*>"_s;
        QTest::newRow("ipv4 port") << u"10.251.73.220:50010"_s << u"<*>"_s;
        QTest::newRow("ipv4 cidr") << u"10.0.0.0/8"_s << u"<*>"_s;
        QTest::newRow("ipv6") << u"2001:db8::8a2e:370:7334"_s << u"<*>"_s;
        QTest::newRow("ipv6 loopback") << u"::1"_s << u"<*>"_s;
        QTest::newRow("ipv6 mapped") << u"::ffff:10.0.0.1"_s << u"<*>"_s;
        QTest::newRow("ipv6 bracket port") << u"[fe80::1]:8080"_s << u"<*>"_s;
        QTest::newRow("ipv6 bracket") << u"[::1]"_s << u"[<*>]"_s;
        QTest::newRow("key=ip") << u"client=10.0.0.1"_s << u"client=<*>"_s;
        // UUIDs, hex.
        QTest::newRow("uuid") << u"550e8400-e29b-41d4-a716-446655440000"_s << u"<*>"_s;
        QTest::newRow("uuid upper in quotes") << u"\"550E8400-E29B-41D4-A716-446655440000\""_s << u"\"<*>\""_s;
        QTest::newRow("0x hex") << u"0x7fff5fbff8c8"_s << u"<*>"_s;
        QTest::newRow("bare hex") << u"deadbeef42"_s << u"<*>"_s;
        QTest::newRow("mac") << u"00:1a:2b:3c:4d:5e"_s << u"<*>"_s;
        // Durations, timestamps.
        QTest::newRow("ms") << u"12ms"_s << u"<*>"_s;
        QTest::newRow("seconds") << u"1.5s,"_s << u"<*>,"_s;
        QTest::newRow("compound") << u"3m20s"_s << u"<*>"_s;
        QTest::newRow("micro") << u"250µs"_s << u"<*>"_s;
        QTest::newRow("iso") << u"2015-10-18T18:01:47.123Z"_s << u"<*>"_s;
        QTest::newRow("iso offset") << u"2015-10-18T18:01:47+09:00"_s << u"<*>"_s;
        QTest::newRow("date") << u"2015-10-18"_s << u"<*>"_s;
        QTest::newRow("time millis") << u"18:01:47,978"_s << u"<*>"_s;
        QTest::newRow("bgl stamp") << u"2005-06-03-15.42.50.675872"_s << u"<*>"_s;
        QTest::newRow("bracketed time") << u"[12:01:01]"_s << u"[<*>]"_s;
        // Paths and URLs.
        QTest::newRow("absolute path") << u"/var/log/syslog"_s << u"<*>"_s;
        QTest::newRow("relative path") << u"./run.sh"_s << u"<*>"_s;
        QTest::newRow("home path") << u"~/x/y"_s << u"<*>"_s;
        QTest::newRow("windows path") << u"C:\\Windows\\cbscore.dll"_s << u"<*>"_s;
        QTest::newRow("url") << u"https://example.com/a?b=1"_s << u"<*>"_s;
        QTest::newRow("key=path") << u"path=/etc/x.conf"_s << u"path=<*>"_s;
        QTest::newRow("slash alone") << u"/"_s << u"/"_s;
        QTest::newRow("and/or") << u"and/or"_s << u"and/or"_s;
    }
    void defaultRules()
    {
        QFETCH(QString, token);
        QFETCH(QString, expected);
        const LogMasker masker;
        QCOMPARE(mask(masker, token), expected);
    }

    void typedPlaceholders_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("expected");
        QTest::newRow("number") << u"42"_s << u"<NUM>"_s;
        QTest::newRow("id") << u"R02"_s << u"<ID>"_s;
        QTest::newRow("block") << u"blk_-42"_s << u"blk_<NUM>"_s;
        QTest::newRow("ipv4") << u"10.0.0.1:80"_s << u"<IP>"_s;
        QTest::newRow("ipv6") << u"fe80::1%eth0"_s << u"<IP>"_s;
        QTest::newRow("uuid") << u"550e8400-e29b-41d4-a716-446655440000"_s << u"<UUID>"_s;
        QTest::newRow("hex") << u"0x1f"_s << u"<HEX>"_s;
        QTest::newRow("duration") << u"12ms"_s << u"<DUR>"_s;
        QTest::newRow("timestamp") << u"2015-10-18"_s << u"<TS>"_s;
        QTest::newRow("time") << u"12:30"_s << u"<TS>"_s;
        QTest::newRow("path") << u"/srv/app"_s << u"<PATH>"_s;
    }
    void typedPlaceholders()
    {
        QFETCH(QString, token);
        QFETCH(QString, expected);
        LogMasker::Rules rules;
        rules.typedPlaceholders = true;
        QCOMPARE(mask(LogMasker(rules), token), expected);
    }

    void rulesOff_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("expected");
        QTest::newRow("numbers off") << u"numbers"_s << u"42"_s << u"42"_s;
        QTest::newRow("numbers off keeps ids") << u"numbers"_s << u"R02"_s << u"<ID>"_s;
        QTest::newRow("ids off") << u"ids"_s << u"R02"_s << u"R02"_s;
        QTest::newRow("ids off keeps numbers") << u"ids"_s << u"blk_42"_s << u"blk_<NUM>"_s;
        QTest::newRow("paths off") << u"paths"_s << u"/var/log/x"_s << u"/var/log/x"_s;
        QTest::newRow("ip off: digits still masked") << u"ipAddresses"_s << u"10.0.0.1"_s << u"<NUM>"_s;
        QTest::newRow("uuid off") << u"uuids"_s << u"550e8400-e29b-41d4-a716-446655440000"_s
                                  << u"<ID>"_s; // digit runs, collapsed
        QTest::newRow("hex off") << u"hex"_s << u"0x1f"_s << u"<ID>"_s;
        QTest::newRow("durations off") << u"durations"_s << u"12ms"_s << u"<ID>"_s;
        QTest::newRow("timestamps off") << u"timestamps"_s << u"2015-10-18"_s << u"<NUM>"_s;
    }
    void rulesOff()
    {
        QFETCH(QString, rule);
        QFETCH(QString, token);
        QFETCH(QString, expected);
        LogMasker::Rules rules;
        rules.typedPlaceholders = true;
        if (rule == u"numbers")
            rules.numbers = false;
        if (rule == u"ids")
            rules.ids = false;
        if (rule == u"paths")
            rules.paths = false;
        if (rule == u"ipAddresses")
            rules.ipAddresses = false;
        if (rule == u"uuids")
            rules.uuids = false;
        if (rule == u"hex")
            rules.hex = false;
        if (rule == u"durations")
            rules.durations = false;
        if (rule == u"timestamps")
            rules.timestamps = false;
        QCOMPARE(mask(LogMasker(rules), token), expected);
    }

    void classify_data()
    {
        QTest::addColumn<QString>("core");
        QTest::addColumn<int>("kind");
        QTest::newRow("word") << u"hello"_s << int(LogMaskKind::None);
        QTest::newRow("number") << u"12"_s << int(LogMaskKind::Number);
        QTest::newRow("ipv4 before time") << u"10.0.0.1:80"_s << int(LogMaskKind::Ipv4);
        QTest::newRow("time before ipv6") << u"18:01:47"_s << int(LogMaskKind::Timestamp);
        QTest::newRow("ipv6") << u"fe80::1"_s << int(LogMaskKind::Ipv6);
        QTest::newRow("octet out of range") << u"300.1.1.1"_s << int(LogMaskKind::Number);
        QTest::newRow("uuid") << u"123e4567-e89b-12d3-a456-426614174000"_s << int(LogMaskKind::Uuid);
        QTest::newRow("hex") << u"0xFF"_s << int(LogMaskKind::Hex);
        QTest::newRow("duration") << u"1h30m"_s << int(LogMaskKind::Duration);
        QTest::newRow("not a duration") << u"12apples"_s << int(LogMaskKind::None);
        QTest::newRow("path") << u"/usr/bin"_s << int(LogMaskKind::Path);
        QTest::newRow("scope is not ipv6") << u"std::vector"_s << int(LogMaskKind::None);
    }
    void classify()
    {
        QFETCH(QString, core);
        QFETCH(int, kind);
        const QByteArray utf8 = core.toUtf8();
        QCOMPARE(int(LogMasker().classify(std::string_view(utf8.constData(), std::size_t(utf8.size())))), kind);
    }

    void maskLine()
    {
        const LogMasker masker;
        QCOMPARE(masker.maskLine(u"  Connected to 10.0.0.7:5432 in 12ms\t(attempt 3)  "),
            u"Connected to <*> in <*> (attempt <*>)"_s);
        QCOMPARE(masker.maskLine(u""), QString());
    }

    void rulesBits()
    {
        LogMasker::Rules rules;
        QCOMPARE(LogMasker::Rules::fromBits(rules.bits()), rules);
        rules.paths = false;
        rules.typedPlaceholders = true;
        QCOMPARE(LogMasker::Rules::fromBits(rules.bits()), rules);
    }

    // The buffer bound holds for the worst expansion (one-digit runs, typed placeholders).
    void bufferBound()
    {
        LogMasker::Rules rules;
        rules.typedPlaceholders = true;
        const LogMasker masker(rules);
        const QString token = u"1.2.3.4.5.6.7.8.9.a1,b2;c3-4-5-6"_s.repeated(20);
        QVERIFY(mask(masker, token).size() <= qsizetype(LogMasker::bufferSize(std::size_t(token.size()))));
    }

    // Random tokens over an alphabet rich in the characters the scanners branch on: no crash, no
    // write beyond bufferSize(), and masking is idempotent in effect (a masked token stays variable).
    void fuzz()
    {
        static const char alphabet[] = "0123456789abcdefxXZT:.,-+/\\_=[]()%\"'@<>*e \xC2\xB5\xEA\xB0\x80";
        QRandomGenerator rng(1234);
        LogMasker::Rules typedRules;
        typedRules.typedPlaceholders = true;
        const LogMasker maskers[] = { LogMasker(), LogMasker(typedRules) };
        std::string token;
        std::vector<char> buffer;
        for (int round = 0; round < 200000; ++round) {
            token.clear();
            const int len = 1 + int(rng.bounded(40));
            for (int i = 0; i < len; ++i)
                token += alphabet[rng.bounded(quint32(sizeof alphabet - 1))];
            buffer.assign(LogMasker::bufferSize(token.size()) + 64, '\x7f');
            const LogMasker &masker = maskers[round % 2];
            const LogMasker::Token t = masker.maskToken(token, buffer.data());
            QVERIFY(t.text.size() <= LogMasker::bufferSize(token.size()));
            for (std::size_t i = LogMasker::bufferSize(token.size()); i < buffer.size(); ++i)
                QCOMPARE(buffer[i], '\x7f');
            if (t.masked)
                QVERIFY(t.variable);
        }
    }
};

QTEST_GUILESS_MAIN(TestLogMasker)
#include "tst_logmasker.moc"
