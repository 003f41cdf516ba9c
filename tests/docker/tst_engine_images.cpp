// Image transport against the real engine: saveImage streams a tarball that loadImage brings
// back after the image was removed (same ID, labels and content); the failures of both.
#include "enginefixture.h"

#include <docker/buildcontext.h>

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <archive.h>
#include <archive_entry.h>

using namespace ttalkak::docker;
using namespace Qt::StringLiterals;
using ttalkak::core::ErrorCode;

class TestEngineImages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void saveRemoveLoadRoundTrip();
    void saveMissingImage();
    void saveNeedsWritableDevice();
    void loadMissingFile();
    void loadCorruptTarball();

private:
    // name → content of the tarball's small JSON members (manifest.json, repositories...).
    static QMap<QString, QByteArray> tarJsonMembers(const QString &path, QStringList *names);

    DockerClient m_client { *Endpoint::fromEnvironment() };
    QString m_base;
    QString m_tag;
    QString m_marker;
    QTemporaryDir m_dir;
};

void TestEngineImages::initTestCase()
{
    REQUIRE_ENGINE(m_client, m_base);
    QVERIFY(m_dir.isValid());
    // A small image on top of the local base: one tiny layer, a label, a marker file.
    const QString pid = QString::number(QCoreApplication::applicationPid());
    m_tag = u"ttalkak-test/images-"_s + pid + u":1"_s;
    m_marker = u"round-trip-"_s + pid;
    BuildContextOptions co;
    co.extraFiles.insert(u"Dockerfile"_s, "ARG BASE\nFROM ${BASE}\nRUN echo " + m_marker.toUtf8() + " > /marker\n");
    QDir().mkpath(m_dir.filePath(u"ctx"_s));
    auto ctx = BuildContext::open(m_dir.filePath(u"ctx"_s), co);
    if (!ctx)
        QFAIL(qPrintable(ctx.error().toString()));
    BuildOptions o;
    o.tags = { m_tag };
    o.labels = { { u"ttalkak.test"_s, enginefixture::runLabel() } };
    o.buildArgs = { { u"BASE"_s, m_base } };
    JOB_OK(runJob(m_client.build(std::move(*ctx), o), 120000));
}

void TestEngineImages::cleanupTestCase()
{
    enginefixture::cleanupAll(m_client, m_tag.isEmpty() ? QStringList() : QStringList { m_tag });
}

QMap<QString, QByteArray> TestEngineImages::tarJsonMembers(const QString &path, QStringList *names)
{
    QMap<QString, QByteArray> json;
    archive *a = archive_read_new();
    archive_read_support_format_tar(a);
    if (archive_read_open_filename(a, QFile::encodeName(path).constData(), 64 * 1024) != ARCHIVE_OK) {
        qWarning("not a tarball: %s", archive_error_string(a));
        archive_read_free(a);
        return json;
    }
    archive_entry *e = nullptr;
    int r;
    while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
        const QString name = QString::fromUtf8(archive_entry_pathname(e));
        names->append(name);
        if (name.endsWith(u".json") || name == u"repositories") {
            QByteArray data(qsizetype(archive_entry_size(e)), Qt::Uninitialized);
            if (archive_read_data(a, data.data(), size_t(data.size())) == ssize_t(data.size()))
                json.insert(name, data);
        }
    }
    if (r != ARCHIVE_EOF)
        qWarning("tarball truncated or damaged: %s", archive_error_string(a));
    archive_read_free(a);
    return json;
}

void TestEngineImages::saveRemoveLoadRoundTrip()
{
    auto before = runJob(m_client.inspectImage(m_tag));
    JOB_OK(before);
    const QString id = before->value(u"Id").toString();
    QVERIFY(id.startsWith(u"sha256:"));

    // Save, streamed to a file.
    const QString tarPath = m_dir.filePath(u"image.tar"_s);
    QFile out(tarPath);
    QVERIFY(out.open(QIODevice::WriteOnly));
    auto *save = m_client.saveImage(m_tag, &out);
    int progressSignals = 0;
    qint64 lastProgress = 0;
    connect(save, &DownloadJob::progress, this, [&](qint64 n) {
        QVERIFY(n > lastProgress);
        lastProgress = n;
        ++progressSignals;
    });
    QElapsedTimer t;
    t.start();
    auto saved = runJob(save, 120000);
    JOB_OK(saved);
    out.close();
    const qint64 saveMs = t.elapsed();
    QCOMPARE(saved->statusCode(), 200);
    QCOMPARE(QFileInfo(tarPath).size(), saved->bytesReceived());
    QCOMPARE(lastProgress, saved->bytesReceived());
    QVERIFY(progressSignals > 1); // streamed in pieces, not read whole

    // It is a real image tarball: the manifest names our tag and config, every layer is inside.
    QStringList members;
    const auto json = tarJsonMembers(tarPath, &members);
    QVERIFY2(json.contains(u"manifest.json"_s), qPrintable(members.join(u' ')));
    const QJsonArray manifest = QJsonDocument::fromJson(json.value(u"manifest.json"_s)).array();
    QCOMPARE(manifest.size(), 1);
    QCOMPARE(manifest[0][u"RepoTags"].toArray(), QJsonArray { m_tag });
    QCOMPARE(manifest[0][u"Config"].toString(), id.mid(7) + u".json"_s);
    const QJsonArray layers = manifest[0][u"Layers"].toArray();
    QCOMPARE(layers.size(), before->json()[u"RootFS"][u"Layers"].toArray().size());
    for (const QJsonValue &l : layers)
        QVERIFY2(members.contains(l.toString()), qPrintable(l.toString()));

    // Remove it: gone.
    JOB_OK(runJob(m_client.removeImage(m_tag)));
    auto gone = runJob(m_client.inspectImage(m_tag));
    QCOMPARE(gone->error().code(), ErrorCode::NotFound);

    // Load it back from the file.
    t.restart();
    auto *load = m_client.loadImage(tarPath);
    QStringList streamed;
    connect(load, &JsonStreamJob::message, this,
        [&](const QJsonObject &m) { streamed << m.value(u"stream").toString().trimmed(); });
    auto loaded = runJob(load, 120000);
    JOB_OK(loaded);
    const qint64 loadMs = t.elapsed();
    QVERIFY2(streamed.contains(u"Loaded image: "_s + m_tag), qPrintable(streamed.join(u'\n')));
    qInfo("saved %.1f MiB in %lld ms (%d pieces), loaded in %lld ms", saved->bytesReceived() / 1048576.0, saveMs,
        progressSignals, loadMs);

    // The same image: ID, label, content.
    auto after = runJob(m_client.inspectImage(m_tag));
    JOB_OK(after);
    QCOMPARE(after->value(u"Id").toString(), id);
    QCOMPARE(after->json()[u"Config"][u"Labels"][u"ttalkak.test"].toString(), enginefixture::runLabel());
    ContainerSpec spec;
    spec.image = m_tag;
    spec.cmd = { u"cat"_s, u"/marker"_s };
    const auto run = enginefixture::runToCompletion(m_client, spec);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, m_marker.toUtf8() + '\n');
    JOB_OK(runJob(m_client.removeContainer(run.id, true)));
}

void TestEngineImages::saveMissingImage()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    auto job = runJob(m_client.saveImage(u"ttalkak-test/no-such-image:0"_s, &buffer));
    QVERIFY(job->failed());
    QCOMPARE(job->error().code(), ErrorCode::NotFound);
    QVERIFY2(job->errorString().contains(u"no-such-image"), qPrintable(job->errorString()));
    QVERIFY(buffer.data().isEmpty()); // the engine's error body is not written as image data
}

void TestEngineImages::saveNeedsWritableDevice()
{
    QBuffer closed;
    auto job = runJob(m_client.saveImage(m_base, &closed));
    QVERIFY(job->failed());
    QCOMPARE(job->error().code(), ErrorCode::InvalidInput);
    auto none = runJob(m_client.saveImage(m_base, nullptr));
    QCOMPARE(none->error().code(), ErrorCode::InvalidInput);
}

void TestEngineImages::loadMissingFile()
{
    auto job = runJob(m_client.loadImage(m_dir.filePath(u"does-not-exist.tar"_s)));
    QVERIFY(job->failed());
    QCOMPARE(job->error().code(), ErrorCode::Io);
}

void TestEngineImages::loadCorruptTarball()
{
    const QString path = m_dir.filePath(u"corrupt.tar"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    auto job = runJob(m_client.loadImage(path), 60000);
    QVERIFY(job->failed());
    qInfo("corrupt tarball: %s", qPrintable(job->errorString()));
    QVERIFY(!job->errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TestEngineImages)
#include "tst_engine_images.moc"
