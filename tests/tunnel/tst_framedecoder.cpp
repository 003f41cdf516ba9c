// FrameDecoder and the frame encoders: round trips, partial input, malformed input.

#include <tunnel/frame.h>
#include <tunnel/framedecoder.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::tunnel;

Q_DECLARE_METATYPE(ttalkak::tunnel::FrameType)

class TstFrameDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<FrameType>("type");
        QTest::addColumn<quint32>("stream");
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("hello") << FrameType::Hello << 0u << R"({"v":1})"_ba;
        QTest::newRow("empty data") << FrameType::Data << 7u << QByteArray();
        QTest::newRow("data") << FrameType::Data << 0xfffffffeu << QByteArray(70000, 'z');
        QTest::newRow("window") << FrameType::Window << 3u << encodeWindow(65536);
        QTest::newRow("reset") << FrameType::Reset << 9u << encodeReset(ResetCode::Refused, u"nope"_s);
        QTest::newRow("ping") << FrameType::Ping << 0u << QByteArray(8, '\1');
    }
    void roundTrip()
    {
        QFETCH(FrameType, type);
        QFETCH(quint32, stream);
        QFETCH(QByteArray, payload);
        const QByteArray wire = encodeFrame({ type, 0, stream, payload });
        QCOMPARE(wire.size(), kFrameHeaderSize + payload.size());
        // Fed one byte at a time, the frame appears exactly once, at the last byte.
        FrameDecoder d;
        for (qsizetype i = 0; i < wire.size(); ++i) {
            d.append(wire.constData() + i, 1);
            auto f = d.next();
            QCOMPARE(f.has_value(), i == wire.size() - 1);
            if (f) {
                QCOMPARE(f->type, type);
                QCOMPARE(f->stream, stream);
                QCOMPARE(f->payload, payload);
            }
        }
        QVERIFY(!d.hasError());
        QCOMPARE(d.bufferedBytes(), 0);
    }

    void manyFramesInOneRead()
    {
        QByteArray wire;
        for (quint32 i = 1; i <= 1000; ++i)
            wire += encodeFrame({ FrameType::Data, 0, i, QByteArray::number(i) });
        FrameDecoder d;
        d.append(wire);
        for (quint32 i = 1; i <= 1000; ++i) {
            auto f = d.next();
            QVERIFY(f);
            QCOMPARE(f->stream, i);
            QCOMPARE(f->payload, QByteArray::number(i));
        }
        QVERIFY(!d.next());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown type") << QByteArray::fromHex("ff000000000100000000") << u"unknown frame type 0xff"_s;
        QTest::newRow("http") << "GET / HTTP/1.1\r\n"_ba << u"unknown frame type 0x47"_s;
        QTest::newRow("too large") << QByteArray::fromHex("11000000000100100001")
                                   << u"frame payload of 1048577 bytes exceeds the limit of 1048576"_s;
    }
    void malformed()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QString, error);
        FrameDecoder d;
        d.append(wire);
        QVERIFY(!d.next());
        QVERIFY(d.hasError());
        QCOMPARE(d.errorString(), error);
        // It stays failed: frame boundaries are lost.
        d.append(encodeFrame({ FrameType::Ping, 0, 0, QByteArray(8, '\0') }));
        QVERIFY(!d.next());
    }
};

QTEST_GUILESS_MAIN(TstFrameDecoder)
#include "tst_framedecoder.moc"
