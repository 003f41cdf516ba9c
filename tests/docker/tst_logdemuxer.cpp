// LogDemuxer: Docker's 8-byte-header multiplexed stream and raw TTY output, any slicing.
#include <docker/logdemuxer.h>

#include <QTest>
#include <QtEndian>

using namespace ttalkak::docker;
using namespace Qt::StringLiterals;

static QByteArray frame(int stream, const QByteArray &payload)
{
    QByteArray h(8, 0);
    h[0] = char(stream);
    qToBigEndian<quint32>(quint32(payload.size()), h.data() + 4);
    return h + payload;
}

using Lines = QList<std::pair<int, QByteArray>>;
Q_DECLARE_METATYPE(Lines)

class TestLogDemuxer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demux_data();
    void demux();
    void malformedHeader();
    void timestamps();
};

void TestLogDemuxer::demux_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("mode");
    QTest::addColumn<Lines>("expected");

    const auto M = int(LogDemuxer::Mode::Multiplexed);
    const auto A = int(LogDemuxer::Mode::Auto);
    const auto R = int(LogDemuxer::Mode::Raw);
    QTest::newRow("one frame per line") << QByteArray(frame(1, "out1\n") + frame(2, "err1\n") + frame(1, "out2\n")) << M
                                        << Lines { { 1, "out1" }, { 2, "err1" }, { 1, "out2" } };
    QTest::newRow("line split across frames") << QByteArray(frame(1, "hel") + frame(2, "E\n") + frame(1, "lo\n")) << M
                                              << Lines { { 2, "E" }, { 1, "hello" } };
    QTest::newRow("many lines one frame") << frame(1, "a\nb\nc\n") << M << Lines { { 1, "a" }, { 1, "b" }, { 1, "c" } };
    QTest::newRow("auto detects multiplexed")
        << QByteArray(frame(2, "x\n") + frame(1, "y\n")) << A << Lines { { 2, "x" }, { 1, "y" } };
    QTest::newRow("auto detects raw") << QByteArray("plain tty output\r\nline2\n") << A
                                      << Lines { { 1, "plain tty output" }, { 1, "line2" } };
    QTest::newRow("raw") << QByteArray("\x01\x00\x00\x00 not a header\n", 18) << R
                         << Lines { { 1, QByteArray("\x01\x00\x00\x00 not a header", 17) } };
    QTest::newRow("binary payload") << frame(1, QByteArray("a\0b\n", 4)) << M << Lines { { 1, QByteArray("a\0b", 3) } };
    QTest::newRow("unterminated last line") << frame(2, "no newline") << M << Lines { { 2, "no newline" } };
    QTest::newRow("empty frame") << QByteArray(frame(1, "") + frame(1, "x\n")) << M << Lines { { 1, "x" } };
}

void TestLogDemuxer::demux()
{
    QFETCH(QByteArray, body);
    QFETCH(int, mode);
    QFETCH(Lines, expected);
    // Every way of cutting the body in two, and byte by byte.
    for (qsizetype cut = 0; cut <= body.size(); ++cut) {
        LogDemuxer d { LogDemuxer::Mode(mode) };
        QList<LogLine> out;
        QVERIFY(d.feed(QByteArrayView(body).first(cut), out).hasValue());
        QVERIFY(d.feed(QByteArrayView(body).sliced(cut), out).hasValue());
        d.flush(out);
        Lines got;
        for (const LogLine &l : out)
            got.append({ int(l.stream), l.text });
        QCOMPARE(got, expected);
    }
    LogDemuxer d { LogDemuxer::Mode(mode) };
    QList<LogLine> out;
    for (char c : body)
        QVERIFY(d.feed(QByteArrayView(&c, 1), out).hasValue());
    d.flush(out);
    QCOMPARE(out.size(), expected.size());
}

void TestLogDemuxer::malformedHeader()
{
    LogDemuxer d(LogDemuxer::Mode::Multiplexed);
    QList<LogLine> out;
    auto r = d.feed(QByteArray(frame(1, "ok\n") + QByteArray("\x07\x01\x00\x00\x00\x00\x00\x01z", 9)), out);
    QVERIFY(!r.hasValue());
    QCOMPARE(r.error().code(), ttalkak::core::ErrorCode::InvalidInput);
    QCOMPARE(out.size(), 1);
    QVERIFY(!d.feed("more", out).hasValue());
}

void TestLogDemuxer::timestamps()
{
    LogDemuxer d(LogDemuxer::Mode::Multiplexed, true);
    QList<LogLine> out;
    QVERIFY(d.feed(frame(2, "2024-05-01T10:00:00.123456789Z boom happened\n"), out).hasValue());
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].text, QByteArray("boom happened"));
    QCOMPARE(out[0].stream, LogStream::Stderr);
    QCOMPARE(out[0].timestamp, QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 123), Qt::UTC));
}

QTEST_GUILESS_MAIN(TestLogDemuxer)
#include "tst_logdemuxer.moc"
