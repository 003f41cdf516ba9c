// Builds and runs the generated Spring Boot Dockerfile, unmodified, against the
// real Docker engine with the local base images (jdk, jre) — for
// tests/samples/java/maven-wrapper-offline, whose mvnw builds without Maven
// Central (see its README: a real Spring Boot build needs the network).
// Checks: the multi-stage build, the wrapper path, the non-root user, the port
// pinned by SERVER_PORT, and that the Java health probe turns the container
// "healthy" through the Actuator path.
//
// No engine or image: skipped with the reason, or FAILS when
// TTALKAK_REQUIRE_DOCKER=1. Nothing is pulled; docker runs via QProcess with
// argument lists.

#include <strategies/registry.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
    QString text() const { return QString::fromUtf8(out + err).trimmed(); }
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = "timed out: " + args.join(u' ').toUtf8();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = to + u'/' + QDir(from).relativeFilePath(src);
        QDir().mkpath(QFileInfo(dst).absolutePath());
        if (!QFile::copy(src, dst))
            return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}
} // namespace

#define REQUIRE_OR_SKIP(reason)                                                                                        \
    do {                                                                                                               \
        const QString r_ = (reason);                                                                                   \
        if (qEnvironmentVariable("TTALKAK_REQUIRE_DOCKER") == u"1")                                                    \
            QFAIL(qPrintable(u"TTALKAK_REQUIRE_DOCKER=1 but: "_s + r_));                                               \
        QSKIP(qPrintable(r_));                                                                                         \
    } while (false)

class TestSpringContainer : public QObject
{
    Q_OBJECT
    QString m_tag;
    QString m_name;

private Q_SLOTS:
    void cleanupTestCase()
    {
        if (!m_name.isEmpty())
            (void)run(u"docker"_s, { u"rm"_s, u"-f"_s, m_name });
        if (!m_tag.isEmpty())
            (void)run(u"docker"_s, { u"rmi"_s, u"-f"_s, m_tag });
    }

    void mavenWrapperApp()
    {
        const Run version = run(u"docker"_s, { u"version"_s, u"--format"_s, u"{{.Server.Version}}"_s }, 15000);
        if (!version.ok())
            REQUIRE_OR_SKIP(u"no Docker engine answers: "_s + version.text());
        QString override = qEnvironmentVariable("TTALKAK_BASE_IMAGES_OVERRIDE");
        if (override.isEmpty())
            override = qEnvironmentVariable("TTALKAK_STATE_DIR", u"/var/tmp/ttalkak"_s) + u"/base-images.local.yaml"_s;
        BaseImages images = BaseImages::defaults();
        if (!QFile::exists(override))
            REQUIRE_OR_SKIP(u"no base image override (run scripts/base-images.sh): "_s + override);
        QVERIFY(images.applyOverrideFile(override));

        const QString sample
            = qEnvironmentVariable("TTALKAK_SOURCE_DIR") + u"/tests/samples/java/maven-wrapper-offline"_s;
        const Registry registry = Registry::withBuiltins();
        auto plan = registry.detect(sample);
        QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
        QCOMPARE(plan->strategyId, u"spring-maven"_s);
        GenerateOptions options;
        options.images = images;
        auto generated = registry.generate(*plan, options);
        QVERIFY2(generated, qPrintable(generated ? QString() : generated.error().toString()));
        for (const QString &key : { u"jdk"_s, u"jre"_s }) {
            const QString image = images.image(key, plan->runtimeVersion);
            if (!run(u"docker"_s, { u"image"_s, u"inspect"_s, u"--format"_s, u"{{.Id}}"_s, image }).ok())
                REQUIRE_OR_SKIP(u"image %1 for '%2' is not in the local engine (nothing is pulled)"_s.arg(image, key));
        }

        // The build context: the repository plus what generation adds.
        QTemporaryDir context;
        QVERIFY(copyTree(sample, context.path()));
        QVERIFY(writeFile(context.filePath(u"Dockerfile"_s), generated->dockerfile.toUtf8()));
        QVERIFY(writeFile(context.filePath(u".dockerignore"_s), generated->dockerignore.toUtf8()));
        for (auto it = generated->files.cbegin(); it != generated->files.cend(); ++it)
            QVERIFY(writeFile(context.filePath(it.key()), it.value()));
        // A stale build output that .dockerignore must keep out of the image.
        QVERIFY(writeFile(context.filePath(u"target/hello-1.0.0.jar"_s), "stale, must be ignored"));

        QElapsedTimer timer;
        timer.start();
        const QString pid = QString::number(QCoreApplication::applicationPid());
        m_tag = u"ttalkak-test/spring-maven:"_s + pid;
        m_name = u"ttalkak-test-spring-"_s + pid;
        const Run build = run(u"docker"_s, { u"build"_s, u"--pull=false"_s, u"-t"_s, m_tag, context.path() }, 600000);
        QVERIFY2(build.ok(), qPrintable(build.text().right(4000)));
        const qint64 built = timer.elapsed();

        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int hostPort = probe.serverPort();
        probe.close();
        // Same HEALTHCHECK command as the image; only the interval is shortened for the test.
        const Run started = run(u"docker"_s,
            { u"run"_s, u"-d"_s, u"--pull=never"_s, u"--name"_s, m_name, u"--label"_s,
                u"ttalkak.test=tst_spring_container"_s, u"--health-interval=2s"_s, u"-p"_s,
                u"127.0.0.1:%1:%2"_s.arg(hostPort).arg(plan->port), m_tag });
        QVERIFY2(started.ok(), qPrintable(started.text()));

        QString state;
        for (QElapsedTimer wait; !wait.isValid() || wait.elapsed() < 120000;) {
            if (!wait.isValid())
                wait.start();
            state = run(
                u"docker"_s, { u"inspect"_s, u"--format"_s, u"{{.State.Status}} {{.State.Health.Status}}"_s, m_name })
                        .text();
            if (state == u"running healthy" || !state.startsWith(u"running"_s))
                break;
            QThread::msleep(500);
        }
        QVERIFY2(state == u"running healthy",
            qPrintable(state + u"\n"_s
                + run(u"docker"_s, { u"inspect"_s, u"--format"_s, u"{{json .State.Health}}"_s, m_name }).text()
                + u"\n"_s + run(u"docker"_s, { u"logs"_s, m_name }).text()));

        const Run health = run(u"curl"_s, { u"-fsS"_s, u"http://127.0.0.1:%1/actuator/health"_s.arg(hostPort) }, 15000);
        QVERIFY2(health.ok(), qPrintable(health.text()));
        QCOMPARE(health.out, QByteArray("{\"status\":\"UP\"}"));
        // Runs as the unprivileged user the Dockerfile created.
        const Run home = run(u"curl"_s, { u"-fsS"_s, u"http://127.0.0.1:%1/"_s.arg(hostPort) }, 15000);
        QCOMPARE(home.out, QByteArray("hello from spring\n"));
        QCOMPARE(run(u"docker"_s, { u"exec"_s, m_name, u"id"_s, u"-u"_s }).text(), u"10001"_s);
        // The jar is the freshly built one, not the stale file from the context.
        const Run jarSize = run(u"docker"_s, { u"exec"_s, m_name, u"stat"_s, u"-c"_s, u"%s"_s, u"/app/app.jar"_s });
        QVERIFY2(jarSize.ok() && jarSize.out.trimmed().toInt() > 1000, qPrintable(jarSize.text()));
        qInfo("built in %lld ms, healthy after %lld ms total", built, timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestSpringContainer)
#include "tst_spring_container.moc"
