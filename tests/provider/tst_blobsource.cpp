// Blob sources: extractSourceArchive against archives crafted with libarchive (good, symlink,
// hard link, FIFO, `..`, absolute, oversized, corrupt) and BlobDownload against a small local
// HTTP responder (QTcpServer) that checks the Bearer key.
#include <engine/blobdownload.h>
#include <engine/sourcearchive.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

using namespace ttalkak::provider;
using namespace ttalkak;
using namespace Qt::StringLiterals;

namespace {

struct Entry
{
    Entry(QByteArray n = {}, QByteArray c = {}, mode_t t = AE_IFREG, QByteArray s = {}, QByteArray h = {})
        : name(std::move(n))
        , content(std::move(c))
        , type(t)
        , symlink(std::move(s))
        , hardlink(std::move(h))
    {
    }
    QByteArray name;
    QByteArray content;
    mode_t type = AE_IFREG;
    QByteArray symlink;
    QByteArray hardlink;
};

QString writeArchive(const QString &path, const QList<Entry> &entries)
{
    archive *a = archive_write_new();
    archive_write_add_filter_gzip(a);
    archive_write_set_format_pax_restricted(a);
    archive_write_open_filename(a, QFile::encodeName(path).constData());
    for (const Entry &e : entries) {
        archive_entry *en = archive_entry_new();
        archive_entry_set_pathname(en, e.name.constData());
        archive_entry_set_filetype(en, e.type);
        archive_entry_set_perm(en, e.type == AE_IFDIR ? 0755 : 0644);
        if (!e.symlink.isEmpty())
            archive_entry_set_symlink(en, e.symlink.constData());
        if (!e.hardlink.isEmpty())
            archive_entry_set_hardlink(en, e.hardlink.constData());
        archive_entry_set_size(en, e.type == AE_IFREG && e.hardlink.isEmpty() ? e.content.size() : 0);
        archive_write_header(a, en);
        if (e.type == AE_IFREG && !e.content.isEmpty())
            archive_write_data(a, e.content.constData(), size_t(e.content.size()));
        archive_entry_free(en);
    }
    archive_write_close(a);
    archive_write_free(a);
    return path;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One canned HTTP answer per connection; remembers the last request head.
class Responder : public QTcpServer
{
public:
    QByteArray status = "200 OK";
    QByteArray body;
    QByteArray lastRequest;

    Responder()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    lastRequest += s->readAll();
                    if (!lastRequest.contains("\r\n\r\n"))
                        return;
                    s->write("HTTP/1.1 " + status + "\r\nContent-Type: application/gzip\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
};

} // namespace

class TestBlobSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void extractGood();
    void extractRefused_data();
    void extractRefused();
    void extractLimits();
    void download_data();
    void download();

private:
    QTemporaryDir m_tmp;
    int m_n = 0;
};

void TestBlobSource::extractGood()
{
    const QString archive = writeArchive(m_tmp.filePath(u"good.tar.gz"_s),
        { { "index.html", "<h1>hi</h1>\n" }, { "src/", {}, AE_IFDIR }, { "src/app.js", "console.log(1)\n" },
            { "deep/er/file.txt", "x" } });
    const QString dest = m_tmp.filePath(u"good"_s);
    auto r = extractSourceArchive(archive, dest);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(*r, qint64(12 + 15 + 1));
    QCOMPARE(readFile(dest + u"/index.html"_s), "<h1>hi</h1>\n");
    QCOMPARE(readFile(dest + u"/src/app.js"_s), "console.log(1)\n");
    QCOMPARE(readFile(dest + u"/deep/er/file.txt"_s), "x");
}

void TestBlobSource::extractRefused_data()
{
    QTest::addColumn<QList<Entry>>("entries");
    QTest::addColumn<int>("code");
    const int unsafe = int(core::ErrorCode::Unsafe);
    QTest::newRow("symlink") << QList<Entry> { { "ok.txt", "x" }, { "link", {}, AE_IFLNK, "/etc/passwd" } } << unsafe;
    QTest::newRow("inner symlink") << QList<Entry> { { "ok.txt", "x" }, { "link", {}, AE_IFLNK, "ok.txt" } } << unsafe;
    QTest::newRow("hard link") << QList<Entry> { { "ok.txt", "x" }, { "hard", {}, AE_IFREG, {}, "ok.txt" } } << unsafe;
    QTest::newRow("dotdot") << QList<Entry> { { "../escape.txt", "x" } } << unsafe;
    QTest::newRow("inner dotdot") << QList<Entry> { { "a/../../escape.txt", "x" } } << unsafe;
    QTest::newRow("absolute") << QList<Entry> { { "/tmp/ttalkak-absolute-escape.txt", "x" } } << unsafe;
    QTest::newRow("fifo") << QList<Entry> { { "pipe", {}, AE_IFIFO } } << unsafe;
    QTest::newRow("char device") << QList<Entry> { { "null", {}, AE_IFCHR } } << unsafe;
}

void TestBlobSource::extractRefused()
{
    QFETCH(QList<Entry>, entries);
    QFETCH(int, code);
    const QString dir = m_tmp.filePath(u"refused-%1"_s.arg(++m_n));
    const QString archive = writeArchive(dir + u".tar.gz"_s, entries);
    auto r = extractSourceArchive(archive, dir + u"/out/src"_s);
    QVERIFY(!r);
    QCOMPARE(int(r.error().code()), code);
    QVERIFY(!QFileInfo::exists(dir + u"/out/escape.txt"_s));
    QVERIFY(!QFileInfo::exists(dir + u"/escape.txt"_s));
    QVERIFY(!QFileInfo::exists(u"/tmp/ttalkak-absolute-escape.txt"_s));
    QVERIFY(!QFileInfo(dir + u"/out/src/link"_s).isSymLink());
}

void TestBlobSource::extractLimits()
{
    const QString big = writeArchive(m_tmp.filePath(u"big.tar.gz"_s), { { "a.bin", QByteArray(100000, 'a') } });
    ExtractLimits limits;
    limits.maxBytes = 50000;
    auto r = extractSourceArchive(big, m_tmp.filePath(u"big"_s), limits);
    QVERIFY(!r);
    QCOMPARE(r.error().code(), core::ErrorCode::TooLarge);

    QFile garbage(m_tmp.filePath(u"garbage.tar.gz"_s));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("\x1f\x8b this is not gzip at all");
    garbage.close();
    r = extractSourceArchive(garbage.fileName(), m_tmp.filePath(u"garbage"_s));
    QVERIFY(!r);
    QCOMPARE(r.error().code(), core::ErrorCode::InvalidInput);
}

void TestBlobSource::download_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<bool>("wrongHash");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<int>("code"); // -1: success
    QTest::newRow("ok") << QByteArray("200 OK") << false << qint64(0) << -1;
    QTest::newRow("hash mismatch") << QByteArray("200 OK") << true << qint64(0) << int(core::ErrorCode::InvalidInput);
    QTest::newRow("too large") << QByteArray("200 OK") << false << qint64(10) << int(core::ErrorCode::TooLarge);
    QTest::newRow("not found") << QByteArray("404 Not Found") << false << qint64(0) << int(core::ErrorCode::NotFound);
    QTest::newRow("forbidden") << QByteArray("403 Forbidden") << false << qint64(0)
                               << int(core::ErrorCode::PermissionDenied);
}

void TestBlobSource::download()
{
    QFETCH(QByteArray, status);
    QFETCH(bool, wrongHash);
    QFETCH(qint64, maxBytes);
    QFETCH(int, code);
    Responder http;
    QVERIFY(http.listen(QHostAddress::LocalHost, 0));
    http.status = status;
    http.body = readFile(writeArchive(m_tmp.filePath(u"dl-%1.tar.gz"_s.arg(++m_n)), { { "index.html", "x" } }));
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(http.body, QCryptographicHash::Sha256).toHex());

    QNetworkAccessManager nam;
    BlobRequest req;
    req.relayUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(http.serverPort()));
    req.providerKey = u"pk_secret"_s;
    req.sha256 = wrongHash ? QString(64, u'0') : sha;
    req.maxBytes = maxBytes;
    req.timeoutSeconds = 10;
    const QString file = m_tmp.filePath(u"blob-%1"_s.arg(m_n));
    auto *job = new BlobDownload(nam, req, file);
    QSignalSpy result(job, &BlobDownload::result);
    job->start();
    QVERIFY(result.wait(10000));
    QVERIFY(http.lastRequest.startsWith(QByteArray("GET /v1/blobs/" + req.sha256.toLatin1() + " HTTP/1.1\r\n")));
    QVERIFY(http.lastRequest.contains("Authorization: Bearer pk_secret\r\n"));
    if (code < 0) {
        QVERIFY2(!job->failed(), qPrintable(job->error().toString()));
        QCOMPARE(readFile(file), http.body);
    } else {
        QVERIFY(job->failed());
        QCOMPARE(int(job->error().code()), code);
        QVERIFY(!QFileInfo::exists(file)); // nothing unverified is left behind
    }
}

QTEST_GUILESS_MAIN(TestBlobSource)
#include "tst_blobsource.moc"
