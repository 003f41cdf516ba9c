#include <core/logtemplates/logtemplateminer.h>

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace ttalkak::core;

namespace {

quint64 add(LogTemplateMiner &miner, const QString &line, qint64 ts = 0)
{
    return miner.add(QStringView(line), ts).templateId;
}

// Snapshot checksum (FNV-1a 64 over everything before the last 8 bytes), to forge snapshots that
// pass the checksum but are structurally wrong.
QByteArray withChecksum(QByteArray body)
{
    quint64 h = 14695981039346656037ULL;
    for (const char c : std::as_const(body))
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    char b[8];
    qToLittleEndian(h, b);
    body.append(b, 8);
    return body;
}

QStringList syntheticLog(int lines, quint32 seed)
{
    QRandomGenerator rng(seed);
    static const QStringList users = { u"alice"_s, u"bob"_s, u"carol"_s };
    QStringList out;
    for (int i = 0; i < lines; ++i) {
        const int n = int(rng.bounded(1000000));
        switch (rng.bounded(6)) {
        case 0:
            out << u"PacketResponder %1 for block blk_%2 terminating"_s.arg(n % 3).arg(qint64(n) * 7919 - 500000);
            break;
        case 1:
            out << u"Received block blk_%1 of size %2 from /10.250.%3.%4"_s.arg(n).arg(n * 13).arg(n % 255).arg(n % 7);
            break;
        case 2:
            out << u"Accepted publickey for %1 from 10.0.0.%2 port %3 ssh2"_s.arg(users.at(n % 3))
                       .arg(n % 250)
                       .arg(n % 65535);
            break;
        case 3:
            out << u"GET /api/items/%1 200 %2ms"_s.arg(n).arg(n % 900);
            break;
        case 4:
            out << u"worker-%1 finished job %2 in %3.%4s"_s.arg(n % 8)
                       .arg(QUuid::createUuid().toString(QUuid::WithoutBraces))
                       .arg(n % 60)
                       .arg(n % 10);
            break;
        default:
            out << u"Cache miss ratio %1% over the last %2 minutes"_s.arg(n % 100).arg(n % 30);
            break;
        }
    }
    return out;
}

} // namespace

class TestLogTemplateMiner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void grouping_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<bool>("same");
        QTest::addColumn<QString>("templateText");
        QTest::newRow("masked values") << u"PacketResponder 1 for block blk_38865049064139660 terminating"_s
                                       << u"PacketResponder 0 for block blk_-6952295868487656571 terminating"_s << true
                                       << u"PacketResponder <*> for block blk_<*> terminating"_s;
        QTest::newRow("one word of nine differs")
            << u"Accepted password for alice from 10.0.0.1 port 22 ssh2"_s
            << u"Accepted password for bob from 10.0.0.2 port 2222 ssh2"_s << true
            << u"Accepted password for <*> from <*> port <*> <*>"_s; // "ssh2" holds a digit: an id
        QTest::newRow("short lines must agree on every word")
            << u"session opened for user root"_s << u"session opened for user admin"_s << false
            << u"session opened for user root"_s;
        QTest::newRow("token counts differ")
            << u"connection closed"_s << u"connection closed by peer"_s << false << u"connection closed"_s;
        QTest::newRow("leading token routes")
            << u"alpha one two three four five six seven"_s << u"beta one two three four five six seven"_s << false
            << u"alpha one two three four five six seven"_s;
        QTest::newRow("variable leading token")
            << u"42 apples eaten today by the cat"_s << u"7 apples eaten today by the cat"_s << true
            << u"<*> apples eaten today by the cat"_s;
        QTest::newRow("word in a numeric position")
            << u"count is 5 for shard alpha right now"_s << u"count is five for shard alpha right now"_s << true
            << u"count is <*> for shard alpha right now"_s;
        QTest::newRow("empty lines") << QString() << u"   "_s << true << QString();
        QTest::newRow("non-ascii") << u"사용자 12 로그인 성공"_s << u"사용자 7 로그인 성공"_s << true
                                   << u"사용자 <*> 로그인 성공"_s;
    }
    void grouping()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(bool, same);
        QFETCH(QString, templateText);
        LogTemplateMiner miner;
        const quint64 a = add(miner, first);
        const quint64 b = add(miner, second);
        QCOMPARE(a == b, same);
        QCOMPARE(miner.templateText(a), templateText);
        QCOMPARE(miner.templateById(a)->count, same ? 2u : 1u);
    }

    void changes()
    {
        LogTemplateMiner miner;
        auto m = miner.add("job 1 took 12ms on node alpha in zone west");
        QCOMPARE(m.change, LogTemplateMiner::Change::Created);
        QCOMPARE(m.templateId, 1u);
        m = miner.add("job 2 took 30ms on node alpha in zone west");
        QCOMPARE(m.change, LogTemplateMiner::Change::None);
        m = miner.add("job 3 took 31ms on node beta in zone west");
        QCOMPARE(m.change, LogTemplateMiner::Change::Generalised);
        QCOMPARE(miner.templateText(m.templateId), u"job <*> took <*> on node <*> in zone west"_s);
        // A wild position takes any word afterwards without changing the template.
        m = miner.add("job 4 took 1ms on node gamma in zone west");
        QCOMPARE(m.change, LogTemplateMiner::Change::None);
        QCOMPARE(miner.templateCount(), 1);
        QCOMPARE(miner.lineCount(), 4u);
    }

    // A template that only ever saw numbers at a position does not take words there for free:
    // lines of numbers alone must not swallow unrelated lines of the same length.
    void numericPositionsStayNumeric()
    {
        LogTemplateMiner miner;
        const quint64 numbers = add(miner, u"1 2 3 4"_s);
        QCOMPARE(add(miner, u"5 6 7 8"_s), numbers);
        QVERIFY(add(miner, u"registered new driver usbfs"_s) != numbers);
    }

    void timesAndSamples()
    {
        LogTemplateMiner::Params params;
        params.maxSamples = 2;
        params.maxSampleBytes = 20;
        LogTemplateMiner miner(params);
        const quint64 id = add(miner, u"user 1 logged in from é 10.0.0.1 ok"_s, 5000);
        add(miner, u"user 1 logged in from é 10.0.0.1 ok"_s, 7000); // duplicate sample: not kept twice
        add(miner, u"user 2 logged in from é 10.0.0.2 ok"_s, 3000);
        add(miner, u"user 3 logged in from é 10.0.0.3 ok"_s, 9000);
        const LogTemplate t = *miner.templateById(id);
        QCOMPARE(t.count, 4u);
        QCOMPARE(t.firstSeenMs, 3000);
        QCOMPARE(t.lastSeenMs, 9000);
        QCOMPARE(t.samples.size(), 2);
        QCOMPARE(t.samples.at(0), u"user 1 logged in fro"_s); // 20 bytes
        QVERIFY(t.samples.at(1).startsWith(u"user 2"_s));
        QCOMPARE(miner.templateById(999), std::nullopt);
        QCOMPARE(miner.templateText(999), QString());
    }

    void sampleBytesKeepUtf8Whole()
    {
        LogTemplateMiner::Params params;
        params.maxSampleBytes = 16;
        LogTemplateMiner miner(params);
        const quint64 id = add(miner, u"가나다라마바사아자차"_s); // 3 bytes per character
        QCOMPARE(miner.templateById(id)->samples.value(0), u"가나다라마"_s);
    }

    void parameters_data()
    {
        QTest::addColumn<QString>("templateText");
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("whole tokens") << u"Connected to <*> in <*>"_s << u"Connected to 10.0.0.7 in 12ms"_s
                                      << QStringList { u"10.0.0.7"_s, u"12ms"_s };
        QTest::newRow("inside a token") << u"block blk_<*> of size <*>"_s << u"block blk_-42 of size 9"_s
                                        << QStringList { u"-42"_s, u"9"_s };
        QTest::newRow("several in one token") << u"<*>-<*>-<*>-C:<*>-<*>"_s << u"R02-M1-N0-C:J12-U11"_s
                                              << QStringList { u"R02"_s, u"M1"_s, u"N0"_s, u"J12"_s, u"U11"_s };
        QTest::newRow("typed") << u"from <IP> port <NUM>"_s << u"from ::1 port 22"_s
                               << QStringList { u"::1"_s, u"22"_s };
        QTest::newRow("token count differs") << u"a <*>"_s << u"a b c"_s << QStringList {};
    }
    void parameters()
    {
        QFETCH(QString, templateText);
        QFETCH(QString, line);
        QFETCH(QStringList, expected);
        QCOMPARE(LogTemplate::parameters(templateText, line), expected);
    }

    void sampleParameters()
    {
        LogTemplateMiner miner;
        const quint64 id = add(miner, u"GET /a 200 12ms"_s);
        add(miner, u"GET /b 404 3ms"_s);
        QCOMPARE(miner.templateById(id)->sampleParameters(),
            (QList<QStringList> { { u"/a"_s, u"200"_s, u"12ms"_s }, { u"/b"_s, u"404"_s, u"3ms"_s } }));
    }

    // Depth 3 groups by token count only; depth 4 also by the first token.
    void depth()
    {
        const QString a = u"alpha one two three four five six seven"_s;
        const QString b = u"beta one two three four five six seven"_s;
        LogTemplateMiner::Params params;
        params.depth = 3;
        LogTemplateMiner shallow(params);
        QCOMPARE(add(shallow, a), add(shallow, b));
        QCOMPARE(shallow.templateText(1), u"<*> one two three four five six seven"_s);
        params.depth = 4;
        LogTemplateMiner deeper(params);
        QVERIFY(add(deeper, a) != add(deeper, b));
    }

    // Once a node has maxChildren children, further tokens share the "<*>" branch.
    void maxChildren()
    {
        LogTemplateMiner::Params params;
        params.maxChildren = 3;
        LogTemplateMiner miner(params);
        const QString tail = u" same same same same same same same"_s;
        const quint64 a = add(miner, u"a"_s + tail);
        const quint64 b = add(miner, u"b"_s + tail);
        const quint64 c = add(miner, u"c"_s + tail); // third child: the wildcard branch
        const quint64 d = add(miner, u"d"_s + tail);
        QVERIFY(a != b && b != c && a != c);
        QCOMPARE(d, c);
        QCOMPARE(miner.templateText(c), u"<*>"_s + tail);
        QCOMPARE(add(miner, u"a"_s + tail), a); // existing children still route exactly
    }

    void match()
    {
        LogTemplateMiner miner;
        const quint64 id = add(miner, u"disk 1 is 90% full"_s);
        QCOMPARE(miner.match("disk 2 is 95% full"), id);
        QCOMPARE(miner.match("disk 2 is on fire"), 0u);
        QCOMPARE(miner.lineCount(), 1u);
        QCOMPARE(miner.templateById(id)->count, 1u);
    }

    void lruBound()
    {
        LogTemplateMiner::Params params;
        params.maxTemplates = 3;
        LogTemplateMiner miner(params);
        const quint64 t1 = add(miner, u"first kind of line"_s);
        const quint64 t2 = add(miner, u"second kind of line"_s);
        const quint64 t3 = add(miner, u"third kind of line"_s);
        QCOMPARE(add(miner, u"first kind of line"_s), t1); // t1 is now the most recent
        const quint64 t4 = add(miner, u"fourth kind of line"_s);
        QCOMPARE(miner.templateCount(), 3);
        QCOMPARE(miner.evictedCount(), 1u);
        QCOMPARE(miner.templateById(t2), std::nullopt); // the least recently used went
        QVERIFY(miner.templateById(t1) && miner.templateById(t3) && miner.templateById(t4));
        // An evicted template's id is never reused.
        QVERIFY(add(miner, u"second kind of line"_s) > t4);
    }

    // Evicted templates take their tree nodes with them: memory stays flat.
    void lruBoundsMemory()
    {
        LogTemplateMiner::Params params;
        params.maxTemplates = 50;
        LogTemplateMiner miner(params);
        std::size_t after1k = 0;
        for (int i = 0; i < 20000; ++i) {
            QString letters; // i in base 26, as letters: a distinct word per line
            for (int v = i; letters.isEmpty() || v > 0; v /= 26)
                letters += QChar(u'a' + v % 26);
            add(miner, letters + u" happened "_s + letters + u" times"_s);
            if (i == 999)
                after1k = miner.memoryUsage();
        }
        QCOMPARE(miner.templateCount(), 50);
        QCOMPARE(miner.evictedCount(), 20000u - 50u);
        QVERIFY2(miner.memoryUsage() <= after1k + after1k / 4,
            qPrintable(u"%1 vs %2"_s.arg(miner.memoryUsage()).arg(after1k)));
    }

    void snapshotRoundTrip_data()
    {
        QTest::addColumn<int>("maxTemplates");
        QTest::newRow("unbounded") << 10000;
        QTest::newRow("evicting") << 4;
    }
    // A restored miner continues exactly like one that never stopped: same ids, same templates.
    void snapshotRoundTrip()
    {
        QFETCH(int, maxTemplates);
        LogTemplateMiner::Params params;
        params.maxTemplates = maxTemplates;
        const QStringList lines = syntheticLog(4000, 7);
        LogTemplateMiner original(params);
        for (int i = 0; i < 2000; ++i)
            add(original, lines.at(i), i);
        const QByteArray state = original.snapshot();
        LogTemplateMiner restored(params);
        add(restored, u"something else entirely"_s);
        const auto r = restored.restore(state);
        QVERIFY2(r, qPrintable(r.error().toString()));
        QCOMPARE(restored.templates(), original.templates());
        QCOMPARE(restored.lineCount(), original.lineCount());
        QCOMPARE(restored.evictedCount(), original.evictedCount());
        QCOMPARE(restored.snapshot(), state);
        for (int i = 2000; i < 4000; ++i)
            QCOMPARE(add(restored, lines.at(i), i), add(original, lines.at(i), i));
        QCOMPARE(restored.templates(), original.templates());
    }

    void restoreWithOtherParams()
    {
        const QStringList lines = syntheticLog(1000, 3);
        LogTemplateMiner original;
        for (const QString &l : lines)
            add(original, l);
        const QByteArray state = original.snapshot();

        LogTemplateMiner::Params params;
        params.depth = 6; // re-routed
        LogTemplateMiner deeper(params);
        QVERIFY(deeper.restore(state));
        QCOMPARE(deeper.templates(), original.templates());
        for (const QString &l : lines)
            QCOMPARE(deeper.match(l.toStdString()), original.match(l.toStdString()));

        params = {};
        params.maxTemplates = 2; // the least recently used are evicted
        LogTemplateMiner small(params);
        QVERIFY(small.restore(state));
        QCOMPARE(small.templateCount(), 2);
        QCOMPARE(small.templateById(original.match(lines.last().toStdString())).has_value(), true);
    }

    void corruptSnapshot_data()
    {
        LogTemplateMiner miner;
        for (const QString &l : syntheticLog(200, 11))
            add(miner, l);
        const QByteArray good = miner.snapshot();
        const QByteArray body = good.left(good.size() - 8);
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << u"not a log template snapshot"_s;
        QTest::newRow("other file") << QByteArray("{\"templates\": []}") << u"not a log template snapshot"_s;
        QTest::newRow("truncated") << good.left(good.size() / 2) << u"checksum mismatch"_s;
        QTest::newRow("one byte short") << good.left(good.size() - 1) << u"checksum mismatch"_s;
        QByteArray flipped = good;
        flipped[flipped.size() / 2] = char(flipped.at(flipped.size() / 2) ^ 0x20);
        QTest::newRow("flipped bit") << flipped << u"checksum mismatch"_s;
        QByteArray future = good;
        qToLittleEndian<quint32>(LogTemplateMiner::snapshotVersion + 1, future.data() + 8);
        QTest::newRow("newer version") << future << u"version 2 is not supported"_s;
        // Checksums right, structure wrong.
        QTest::newRow("cut inside a template") << withChecksum(body.left(body.size() - 30)) << u"truncated"_s;
        QTest::newRow("trailing bytes") << withChecksum(body + "xyz") << u"unexpected trailing bytes"_s;
        QByteArray huge = body;
        qToLittleEndian<quint32>(0x7fffffff, huge.data() + 8 + 4 * 4 + 8 * 5); // magic, 4 x u32, 5 x u64
        QTest::newRow("absurd template count") << withChecksum(huge) << u"exceeds the data"_s;
        QByteArray ids = body;
        qToLittleEndian<quint64>(1, ids.data() + 8 + 4 * 4 + 8); // nextId 1: every id is too big
        QTest::newRow("ids beyond the counter") << withChecksum(ids) << u"inconsistent ids"_s;
    }
    void corruptSnapshot()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        LogTemplateMiner miner;
        const quint64 id = add(miner, u"kept after a failed restore 1"_s);
        const auto r = miner.restore(bytes);
        QVERIFY(!r);
        QVERIFY2(r.error().message().contains(message), qPrintable(r.error().message()));
        QCOMPARE(miner.templateCount(), 1); // unchanged
        QCOMPARE(add(miner, u"kept after a failed restore 2"_s), id);
    }

    // Random damage never crashes and never half-applies.
    void fuzzSnapshot()
    {
        LogTemplateMiner source;
        for (const QString &l : syntheticLog(300, 5))
            add(source, l);
        const QByteArray good = source.snapshot();
        QRandomGenerator rng(99);
        for (int round = 0; round < 2000; ++round) {
            QByteArray body = good.left(good.size() - 8);
            const int edits = 1 + int(rng.bounded(4));
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = qsizetype(rng.bounded(quint32(body.size())));
                switch (rng.bounded(3)) {
                case 0:
                    body[at] = char(rng.bounded(256));
                    break;
                case 1:
                    body.truncate(at);
                    break;
                default:
                    body.insert(at, char(rng.bounded(256)));
                    break;
                }
                if (body.size() < 16)
                    break;
            }
            LogTemplateMiner miner;
            const auto r = miner.restore(withChecksum(body));
            if (!r)
                QCOMPARE(miner.templateCount(), 0);
            else
                QVERIFY(miner.templateCount() <= source.templateCount() + 1);
        }
    }

    void validate_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::newRow("depth low") << u"depth"_s << 2.0;
        QTest::newRow("depth high") << u"depth"_s << 17.0;
        QTest::newRow("similarity zero") << u"similarity"_s << 0.0;
        QTest::newRow("similarity above one") << u"similarity"_s << 1.5;
        QTest::newRow("maxChildren") << u"maxChildren"_s << 1.0;
        QTest::newRow("maxTemplates") << u"maxTemplates"_s << 0.0;
    }
    void validate()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        QVERIFY(LogTemplateMiner::Params().validate());
        LogTemplateMiner::Params p;
        if (field == u"depth")
            p.depth = int(value);
        if (field == u"similarity")
            p.similarity = value;
        if (field == u"maxChildren")
            p.maxChildren = int(value);
        if (field == u"maxTemplates")
            p.maxTemplates = int(value);
        const auto r = p.validate();
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::InvalidInput);
        QVERIFY(r.error().message().contains(field));
        LogTemplateMiner clamped(p); // the constructor clamps instead
        QVERIFY(clamped.params().validate());
        add(clamped, u"still works 1"_s);
    }
};

QTEST_GUILESS_MAIN(TestLogTemplateMiner)
#include "tst_logtemplateminer.moc"
