// Image builds against the real engine: .dockerignore honoured, progress streamed, a failing
// RUN reported with the engine's message, options (args, labels, target) applied; image calls.
#include "enginefixture.h"

#include <docker/buildcontext.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace ttalkak::docker;
using namespace Qt::StringLiterals;
using ttalkak::core::ErrorCode;

class TestEngineBuild : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void buildHonoursDockerignore();
    void failingRunReportsMessage();
    void buildOptionsApplied();
    void generatedDockerfile();
    void imageListInspectTagRemove();
    void cancelBuild();

private:
    void write(const QString &rel, const QByteArray &content);
    std::unique_ptr<BuildJob> build(
        const BuildOptions &o, const BuildContextOptions &co = {}, QStringList *lines = nullptr);

    DockerClient m_client { *Endpoint::fromEnvironment() };
    QString m_base;
    QTemporaryDir m_dir;
    QStringList m_images;
};

void TestEngineBuild::initTestCase()
{
    REQUIRE_ENGINE(m_client, m_base);
}

void TestEngineBuild::cleanupTestCase()
{
    enginefixture::cleanupAll(m_client, m_images);
}

void TestEngineBuild::write(const QString &rel, const QByteArray &content)
{
    const QString path = m_dir.filePath(rel);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

std::unique_ptr<BuildJob> TestEngineBuild::build(
    const BuildOptions &o, const BuildContextOptions &co, QStringList *lines)
{
    auto ctx = BuildContext::open(m_dir.path(), co);
    if (!ctx)
        qFatal("%s", qPrintable(ctx.error().toString()));
    BuildOptions opts = o;
    opts.buildArgs.insert(u"BASE"_s, m_base);
    auto *job = m_client.build(std::move(*ctx), opts);
    if (lines)
        connect(job, &BuildJob::output, this, [lines](const QString &l) { lines->append(l); });
    for (const QString &t : o.tags)
        m_images << t;
    return runJob(job, 180000);
}

void TestEngineBuild::buildHonoursDockerignore()
{
    write(u"Dockerfile"_s, "ARG BASE\nFROM ${BASE}\nCOPY . /ctx\nRUN find /ctx | sort > /listing && echo built-ok\n");
    write(u".dockerignore"_s, "secrets\n*.log\n!keep.log\n**/*.tmp\nnode_modules\n");
    write(u"app.js"_s, "console.log('hi')\n");
    write(u"debug.log"_s, "ignored\n");
    write(u"keep.log"_s, "kept by exception\n");
    write(u"secrets/key.pem"_s, "PRIVATE\n");
    write(u"src/a.tmp"_s, "tmp\n");
    write(u"src/b.js"_s, "b\n");
    write(u"node_modules/x/index.js"_s, "x\n");

    QStringList lines;
    BuildOptions o;
    o.tags = { u"ttalkak-test/ignore:1"_s };
    auto job = build(o, {}, &lines);
    JOB_OK(job);
    QVERIFY(job->imageId().startsWith(u"sha256:"));
    QVERIFY2(lines.contains(u"built-ok"_s), qPrintable(lines.join(u'\n')));
    QVERIFY(lines.first().startsWith(u"Step 1/"));

    ContainerSpec spec;
    spec.image = o.tags.first();
    spec.cmd = { u"cat"_s, u"/listing"_s };
    const auto run = enginefixture::runToCompletion(m_client, spec);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QCOMPARE(run.exitCode, 0);
    const QStringList files = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(files.contains(u"/ctx/app.js"_s), qPrintable(files.join(u' ')));
    QVERIFY(files.contains(u"/ctx/keep.log"_s));
    QVERIFY(files.contains(u"/ctx/src/b.js"_s));
    QVERIFY(files.contains(u"/ctx/Dockerfile"_s));
    QVERIFY(!files.contains(u"/ctx/debug.log"_s));
    QVERIFY(!files.contains(u"/ctx/secrets"_s));
    QVERIFY(!files.contains(u"/ctx/secrets/key.pem"_s));
    QVERIFY(!files.contains(u"/ctx/src/a.tmp"_s));
    QVERIFY(!files.contains(u"/ctx/node_modules"_s));
}

void TestEngineBuild::failingRunReportsMessage()
{
    write(u"Dockerfile"_s, "ARG BASE\nFROM ${BASE}\nRUN echo before-failure && echo to-stderr >&2 && exit 3\n");
    write(u".dockerignore"_s, "*\n");
    QStringList lines;
    BuildOptions o;
    auto job = build(o, {}, &lines);
    QVERIFY(job->failed());
    QCOMPARE(job->error().code(), ErrorCode::Remote);
    QVERIFY2(job->errorString().contains(u"returned a non-zero code: 3"), qPrintable(job->errorString()));
    QVERIFY2(lines.contains(u"before-failure"_s), qPrintable(lines.join(u"\n")));
    QVERIFY(lines.contains(u"to-stderr"_s)); // stderr of RUN, ANSI colour stripped
    QVERIFY(job->log().last().contains(u"non-zero code: 3"));
}

void TestEngineBuild::buildOptionsApplied()
{
    write(u"Dockerfile"_s,
        "ARG BASE\nFROM ${BASE} AS first\nARG GREETING=none\nRUN echo \"greeting=$GREETING\" > /g\n"
        "FROM first AS second\nRUN exit 7\n");
    write(u".dockerignore"_s, "");
    QStringList lines;
    BuildOptions o;
    o.tags = { u"ttalkak-test/options:1"_s };
    o.target = u"first"_s; // "second" would fail
    o.buildArgs = { { u"GREETING"_s, u"hello world; rm -rf /"_s } };
    o.labels = { { u"ttalkak.project"_s, u"demo"_s } };
    o.noCache = true;
    o.memoryBytes = 256LL * 1024 * 1024;
    auto job = build(o, {}, &lines);
    JOB_OK(job);
    QVERIFY(!lines.join(u'\n').contains(u"Using cache"));

    auto inspect = runJob(m_client.inspectImage(o.tags.first()));
    JOB_OK(inspect);
    QCOMPARE(inspect->json()[u"Config"][u"Labels"][u"ttalkak.project"].toString(), u"demo"_s);
    QCOMPARE(inspect->value(u"Id").toString(), job->imageId());

    ContainerSpec spec;
    spec.image = o.tags.first();
    spec.cmd = { u"cat"_s, u"/g"_s };
    const auto run = enginefixture::runToCompletion(m_client, spec);
    QCOMPARE(run.out, QByteArray("greeting=hello world; rm -rf /\n"));
}

void TestEngineBuild::generatedDockerfile()
{
    // The deployer's generated Dockerfile travels inside the context, not on disk.
    write(u".dockerignore"_s, "");
    QFile::remove(m_dir.filePath(u"Dockerfile"_s));
    BuildContextOptions co;
    co.dockerfile = u".ttalkak.Dockerfile"_s;
    co.extraFiles.insert(co.dockerfile, "ARG BASE\nFROM ${BASE}\nRUN test -f /etc/debian_version\n");
    BuildOptions o;
    o.tags = { u"ttalkak-test/generated:1"_s };
    auto job = build(o, co);
    JOB_OK(job);
}

void TestEngineBuild::imageListInspectTagRemove()
{
    auto tag = runJob(m_client.tagImage(m_base, u"ttalkak-test/retag"_s, u"x"_s));
    JOB_OK(tag);
    m_images << u"ttalkak-test/retag:x"_s;
    auto list = runJob(m_client.listImages(u"ttalkak-test/retag"_s));
    JOB_OK(list);
    QCOMPARE(list->json().array().size(), 1);
    QVERIFY(list->json()[0][u"RepoTags"].toArray().contains(u"ttalkak-test/retag:x"_s));
    auto rm = runJob(m_client.removeImage(u"ttalkak-test/retag:x"_s));
    JOB_OK(rm);
    auto gone = runJob(m_client.inspectImage(u"ttalkak-test/retag:x"_s));
    QCOMPARE(gone->error().code(), ErrorCode::NotFound);
    auto prune = runJob(m_client.pruneImages(true, { u"ttalkak.test=none"_s }));
    JOB_OK(prune);
}

void TestEngineBuild::cancelBuild()
{
    write(u"Dockerfile"_s, "ARG BASE\nFROM ${BASE}\nRUN echo started && sleep 60\n");
    auto ctx = BuildContext::open(m_dir.path());
    QVERIFY(ctx.hasValue());
    BuildOptions o;
    o.noCache = true;
    o.buildArgs.insert(u"BASE"_s, m_base);
    auto *job = m_client.build(std::move(*ctx), o);
    job->setAutoDelete(false);
    std::unique_ptr<BuildJob> owned(job);
    QSignalSpy started(job, &BuildJob::output);
    QSignalSpy done(job, &DockerJob::result);
    connect(job, &BuildJob::output, this, [job](const QString &l) {
        if (l == u"started")
            job->kill();
    });
    job->start();
    QVERIFY(done.wait(60000));
    QCOMPARE(job->error().code(), ErrorCode::Cancelled);
}

QTEST_GUILESS_MAIN(TestEngineBuild)
#include "tst_engine_build.moc"
