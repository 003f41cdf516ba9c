// RequestRewriter and ResponseObserver (both on Debian's http-parser): table-driven.

#include <tunnel/httpingress.h>
#include <tunnel/requestrewriter.h>
#include <tunnel/responseobserver.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::tunnel;

class TstHttpParsing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rewrite_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QList<qint64>>("completed");
        const QByteArray xf = "X-Forwarded-For: 192.0.2.1\r\nX-Forwarded-Proto: https\r\n";
        QTest::newRow("simple get") << "GET /a?b=1 HTTP/1.1\r\nHost: app.example\r\nAccept: */*\r\n\r\n"_ba
                                    << "GET /a?b=1 HTTP/1.1\r\nHost: app.example\r\nAccept: */*\r\n" + xf
                + "X-Forwarded-Host: app.example\r\n\r\n"
                                    << QList<qint64> { 55 };
        QTest::newRow("spoofed forwarding headers dropped")
            << "GET / HTTP/1.1\r\nHost: h\r\nX-Forwarded-For: 6.6.6.6\r\nforwarded: for=6.6.6.6\r\nX-Forwarded-Proto: http\r\n\r\n"_ba
            << "GET / HTTP/1.1\r\nHost: h\r\n" + xf + "X-Forwarded-Host: h\r\n\r\n"
            << QList<qint64> { 102 };
        QTest::newRow("content-length body")
            << "POST /u HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"_ba
            << "POST /u HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n" + xf + "X-Forwarded-Host: h\r\n\r\nhello"
            << QList<qint64> { 53 };
        QTest::newRow("chunked body re-chunked, trailer dropped")
            << "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n0\r\nTrailer: x\r\n\r\n"_ba
            << "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n" + xf
                + "X-Forwarded-Host: h\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
            << QList<qint64> { 87 };
        QTest::newRow("pipelined") << "GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n"_ba
                                   << "GET /1 HTTP/1.1\r\nHost: h\r\n" + xf
                + "X-Forwarded-Host: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n" + xf + "X-Forwarded-Host: h\r\n\r\n"
                                   << QList<qint64> { 28, 28 };
        QTest::newRow("http/1.0 without host") << "GET / HTTP/1.0\r\n\r\n"_ba
                                               << "GET / HTTP/1.0\r\n" + xf + "\r\n"
                                               << QList<qint64> { 18 };
        QTest::newRow("websocket upgrade then raw bytes")
            << "GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x81\x05hello"_ba
            << "GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + xf
                + "X-Forwarded-Host: h\r\n\r\n\x81\x05hello"
            << QList<qint64> { 70 }; // the head only; the frame after it is raw
    }
    void rewrite()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QFETCH(QList<qint64>, completed);
        // Whole, and split at every position: the same output.
        for (qsizetype split = 0; split <= input.size();
             split += (split == 0 ? 1 : std::max<qsizetype>(1, input.size() / 13))) {
            RequestRewriter rw("192.0.2.1", "https");
            QByteArray out;
            QVERIFY(rw.feed(input.constData(), split, out));
            QVERIFY(rw.feed(input.constData() + split, input.size() - split, out));
            // A split chunked body is re-chunked at the split, which is equally valid.
            if (split == 0 || !input.contains("chunked"))
                QCOMPARE(out, expected);
            QCOMPARE(rw.takeCompleted(), completed);
        }
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << "\x16\x03\x01 tls hello"_ba << 400;
        QTest::newRow("http/1.1 without host") << "GET / HTTP/1.1\r\n\r\n"_ba << 400;
        QTest::newRow("two hosts") << "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"_ba << 400;
        QTest::newRow("smuggling: length and chunked")
            << "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"_ba
            << 400;
        QTest::newRow("bad chunk size") << "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"_ba
                                        << 400;
        QTest::newRow("huge head") << "GET / HTTP/1.1\r\nHost: h\r\nX: " + QByteArray(100000, 'a') << 431;
    }
    void rejects()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        RequestRewriter rw("192.0.2.1", "http");
        QByteArray out;
        QVERIFY(!rw.feed(input.constData(), input.size(), out));
        QCOMPARE(rw.errorStatus(), status);
        QVERIFY(!rw.errorString().isEmpty());
    }

    void observe_data()
    {
        QTest::addColumn<QByteArrayList>("methods");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<QList<qint64>>("sizes");
        QTest::addColumn<bool>("keepAlive");
        const QByteArray ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi";
        QTest::newRow("two responses") << QByteArrayList { "GET", "GET" } << ok + ok << QList<int> { 200, 200 }
                                       << QList<qint64> { 40, 40 } << true;
        QTest::newRow("head has no body")
            << QByteArrayList { "HEAD", "GET" } << "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n" + ok
            << QList<int> { 200, 200 } << QList<qint64> { 38, 40 } << true;
        QTest::newRow("100-continue counts into the final response")
            << QByteArrayList { "PUT" } << "HTTP/1.1 100 Continue\r\n\r\n" + ok << QList<int> { 200 }
            << QList<qint64> { 65 } << true;
        QTest::newRow("chunked") << QByteArrayList { "GET" }
                                 << "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"_ba
                                 << QList<int> { 201 } << QList<qint64> { 64 } << true;
        QTest::newRow("close") << QByteArrayList { "GET" }
                               << "HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"_ba
                               << QList<int> { 404 } << QList<qint64> { 64 } << false;
        QTest::newRow("switching protocols")
            << QByteArrayList { "GET" }
            << "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x81\x01x"_ba
            << QList<int> { 101 } << QList<qint64> { 77 } << true;
    }
    void observe()
    {
        QFETCH(QByteArrayList, methods);
        QFETCH(QByteArray, input);
        QFETCH(QList<int>, statuses);
        QFETCH(QList<qint64>, sizes);
        QFETCH(bool, keepAlive);
        ResponseObserver obs;
        for (const QByteArray &m : methods)
            obs.expectRequest(m);
        QList<ResponseObserver::Response> all;
        for (char c : input) { // byte by byte: boundaries must not matter
            QVERIFY(obs.feed(&c, 1));
            all += obs.takeCompleted();
        }
        QCOMPARE(all.size(), statuses.size());
        for (int i = 0; i < all.size(); ++i) {
            QCOMPARE(all[i].status, statuses[i]);
            QCOMPARE(all[i].bytes, sizes[i]);
        }
        QCOMPARE(all.last().keepAlive, keepAlive);
    }

    void bodyUntilEof()
    {
        ResponseObserver obs;
        obs.expectRequest("GET");
        const QByteArray r = "HTTP/1.0 200 OK\r\n\r\nstreamed until close";
        QVERIFY(obs.feed(r.constData(), r.size()));
        QVERIFY(obs.takeCompleted().isEmpty());
        QVERIFY(obs.finish());
        const auto done = obs.takeCompleted();
        QCOMPARE(done.size(), 1);
        QCOMPARE(done[0].bytes, r.size());
    }

    void hostQuery_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("name");
        QTest::newRow("subdomain") << "blog.ttalkak.app"_ba << u"blog.ttalkak.app"_s << u"blog"_s;
        QTest::newRow("port and case") << "Blog.TTALKAK.app:8080"_ba << u"blog.ttalkak.app"_s << u"blog"_s;
        QTest::newRow("trailing dot") << "blog.ttalkak.app."_ba << u"blog.ttalkak.app"_s << u"blog"_s;
        QTest::newRow("nested is custom") << "a.b.ttalkak.app"_ba << u"a.b.ttalkak.app"_s << QString();
        QTest::newRow("custom domain") << "www.example.com"_ba << u"www.example.com"_s << QString();
        QTest::newRow("apex") << "ttalkak.app"_ba << u"ttalkak.app"_s << QString();
        QTest::newRow("lookalike") << "evilttalkak.app"_ba << u"evilttalkak.app"_s << QString();
        QTest::newRow("ipv6") << "[::1]:80"_ba << u"::1"_s << QString();
    }
    void hostQuery()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, host);
        QFETCH(QString, name);
        const HostQuery q = HttpIngress::hostQuery(header, u"ttalkak.app"_s);
        QCOMPARE(q.host, host);
        QCOMPARE(q.name, name);
    }
};

QTEST_GUILESS_MAIN(TstHttpParsing)
#include "tst_httpparsing.moc"
