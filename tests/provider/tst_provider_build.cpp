// The provider engine building from source against the real Docker engine (ctest label
// "docker"): a tiny static site served by `git daemon` (git://) is cloned with libgit2, built
// FROM the local nginx base image ($TTALKAK_BASE_IMAGES_OVERRIDE), run, and answers on its
// loopback port; the same spec again reuses the image; a broken Dockerfile ends Failed with the
// build's error. The git CLI only prepares the fixture repository. Never pulls.
#include "../docker/enginefixture.h"

#include <engine/imagebuilder.h>
#include <engine/providerengine.h>

#include <core/settings.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace ttalkak::provider;
using namespace ttalkak;
using namespace Qt::StringLiterals;

class TestProviderBuild : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void buildRunReuse();
    void brokenDockerfile();
    void removedWhileTheNetworkIsMade();

private:
    QString git(const QStringList &args);
    std::unique_ptr<ProviderEngine> newEngine();
    JobRequest siteJob(const QString &id, const QString &dockerfile) const;
    QByteArray httpGet(quint16 port);

    docker::DockerClient m_client { *docker::Endpoint::fromEnvironment() };
    QTemporaryDir m_dir;
    std::unique_ptr<core::Settings> m_settings;
    QProcess m_daemon;
    quint16 m_port = 0;
    QString m_base;
    QString m_nginx;
    QString m_prefix;
    QStringList m_images;
};

QString TestProviderBuild::git(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.filePath(u"site"_s));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *k : { "GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME" })
        env.insert(QString::fromLatin1(k), u"t"_s);
    for (const char *k : { "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL" })
        env.insert(QString::fromLatin1(k), u"t@example.com"_s);
    env.insert(u"HOME"_s, m_dir.path());
    p.setProcessEnvironment(env);
    p.start(u"git"_s, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        qFatal("git failed: %s", p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

void TestProviderBuild::initTestCase()
{
    REQUIRE_ENGINE(m_client, m_base);
    QString overrideFile = qEnvironmentVariable("TTALKAK_BASE_IMAGES_OVERRIDE");
    if (overrideFile.isEmpty())
        overrideFile = u"/var/tmp/ttalkak/base-images.local.yaml"_s;
    QFile f(overrideFile);
    if (f.open(QIODevice::ReadOnly)) {
        static const QRegularExpression re(uR"re(^nginx:\s*"?([^"\s]+)"?)re"_s, QRegularExpression::MultilineOption);
        m_nginx = re.match(QString::fromUtf8(f.readAll())).captured(1);
    }
    if (m_nginx.isEmpty() || runJob(m_client.inspectImage(m_nginx))->failed()) {
        const QString why = u"no local nginx base image (scripts/base-images.sh, TTALKAK_BASE_IMAGES_OVERRIDE)"_s;
        if (qEnvironmentVariable("TTALKAK_REQUIRE_DOCKER") == u"1")
            QFAIL(qPrintable(why));
        QSKIP(qPrintable(why));
    }
    if (QStandardPaths::findExecutable(u"git"_s).isEmpty())
        QSKIP("the git CLI is needed to prepare the fixture repository");

    m_settings = std::make_unique<core::Settings>(m_dir.filePath(u"provider.ini"_s));
    Caps caps;
    caps.cpuCores = 1;
    caps.memoryMb = 512;
    caps.diskGb = 1;
    caps.maxDeployments = 3;
    caps.save(*m_settings);
    m_prefix = u"b"_s + QString::number(QCoreApplication::applicationPid());

    // The site: one page, served by a bare repository under git daemon.
    QDir().mkpath(m_dir.filePath(u"site"_s));
    QFile page(m_dir.filePath(u"site/index.html"_s));
    QVERIFY(page.open(QIODevice::WriteOnly));
    page.write("<h1>hello from ttalkak</h1>\n");
    page.close();
    git({ u"init"_s, u"-q"_s, u"-b"_s, u"main"_s });
    git({ u"add"_s, u"-A"_s });
    git({ u"commit"_s, u"-qm"_s, u"site"_s });
    QDir().mkpath(m_dir.filePath(u"served"_s));
    git({ u"clone"_s, u"-q"_s, u"--bare"_s, u"."_s, m_dir.filePath(u"served/site.git"_s) });
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_port = probe.serverPort();
    }
    m_daemon.start(u"git"_s,
        { u"daemon"_s, u"--export-all"_s, u"--reuseaddr"_s, u"--listen=127.0.0.1"_s, u"--port=%1"_s.arg(m_port),
            u"--base-path="_s + m_dir.filePath(u"served"_s), m_dir.filePath(u"served"_s) });
    QVERIFY(m_daemon.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_port);
            return s.waitForConnected(200);
        }(),
        10000);
}

void TestProviderBuild::cleanupTestCase()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        m_daemon.waitForFinished(5000);
    }
    enginefixture::cleanupAll(m_client, m_images);
}

std::unique_ptr<ProviderEngine> TestProviderBuild::newEngine()
{
    auto engine = std::make_unique<ProviderEngine>(m_client, *m_settings);
    engine->setScopeLabel(u"ttalkak.test"_s, enginefixture::runLabel());
    SourceAccess access;
    access.maxSourceBytes = 16 * 1024 * 1024;
    access.maxFetchSeconds = 60;
    engine->setSourceAccess(access);
    return engine;
}

JobRequest TestProviderBuild::siteJob(const QString &id, const QString &dockerfile) const
{
    JobRequest r;
    r.deploymentId = m_prefix + u'-' + id;
    r.name = id;
    BuildSpec b;
    b.source.url = u"git://127.0.0.1:%1/site.git"_s.arg(m_port);
    b.source.ref = u"main"_s;
    b.dockerfile = dockerfile;
    b.dockerignore = u".git\n"_s;
    r.build = b;
    r.containerPort = 8080;
    r.cpuCores = 0.25;
    r.memoryMb = 128;
    r.diskGb = 0;
    return r;
}

QByteArray TestProviderBuild::httpGet(quint16 port)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/"_s.arg(port))));
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(5000);
    const QByteArray body = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    reply->deleteLater();
    return body;
}

#define WAIT_READY(engine)                                                                                             \
    do {                                                                                                               \
        QSignalSpy reconciled_(engine.get(), &ProviderEngine::reconciled);                                             \
        engine->start();                                                                                               \
        QVERIFY(reconciled_.wait(10000));                                                                              \
    } while (false)

void TestProviderBuild::buildRunReuse()
{
    // Unprivileged nginx on 8080: the container runs with CapDrop ALL.
    const QString dockerfile = u"FROM "_s + m_nginx + uR"df(
COPY index.html /srv/www/index.html
RUN printf 'worker_processes 1;\npid /tmp/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n access_log off;\n client_body_temp_path /tmp/cb;\n proxy_temp_path /tmp/px;\n fastcgi_temp_path /tmp/fc;\n uwsgi_temp_path /tmp/uw;\n scgi_temp_path /tmp/sc;\n server { listen 8080; root /srv/www; }\n}\n' > /etc/nginx/ttalkak.conf
USER www-data
ENTRYPOINT []
CMD ["nginx", "-c", "/etc/nginx/ttalkak.conf", "-g", "daemon off;"]
)df"_s;
    const JobRequest job = siteJob(u"site"_s, dockerfile);
    auto engine = newEngine();
    WAIT_READY(engine);

    QList<Deployment::State> states;
    connect(engine.get(), &ProviderEngine::deploymentChanged, this, [&](const QString &id) {
        if (const Deployment *d = engine->deployment(id); d && (states.isEmpty() || states.last() != d->state))
            states << d->state;
    });
    QStringList lines;
    connect(engine.get(), &ProviderEngine::buildProgress, this, [&](const QString &, const QString &l) { lines << l; });
    QSignalSpy launched(engine.get(), &ProviderEngine::launchFinished);
    QVERIFY(engine->run(job));
    QCOMPARE(engine->deployment(job.deploymentId)->state, Deployment::State::Building);
    QVERIFY(launched.wait(180000));
    QVERIFY2(launched.first().at(1).toBool(), qPrintable(launched.first().at(2).toString()));
    const Deployment *d = engine->deployment(job.deploymentId);
    QCOMPARE(d->state, Deployment::State::Running);
    QVERIFY(d->image.startsWith(u"ttalkak/"_s + job.deploymentId + u':'));
    m_images << d->image;
    QCOMPARE(states.first(), Deployment::State::Building);
    QVERIFY(states.contains(Deployment::State::Creating));
    QVERIFY2(lines.join(u'\n').contains(u"Step 2/"), qPrintable(lines.join(u'\n')));
    QVERIFY(lines.join(u'\n').contains(u"Receiving objects 100%"));
    // Build lines are in the deployment's log buffer too.
    QVERIFY(!engine->logs(job.deploymentId).isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(httpGet(d->hostPort), QByteArray("<h1>hello from ttalkak</h1>\n"), 10000);

    // The image carries the deployment label.
    auto inspect = runJob(m_client.inspectImage(d->image));
    QCOMPARE(inspect->json()[u"Config"][u"Labels"][u"ttalkak.deployment"].toString(), job.deploymentId);

    // Same spec again (pinned to the commit this time): the image is reused, nothing is built.
    const QString image = d->image;
    QSignalSpy removed(engine.get(), &ProviderEngine::deploymentRemoved);
    engine->removeDeployment(job.deploymentId);
    QVERIFY(removed.wait(20000));
    lines.clear();
    launched.clear();
    JobRequest again = job;
    again.build->source.commit = git({ u"rev-parse"_s, u"HEAD"_s });
    QElapsedTimer clock;
    clock.start();
    QVERIFY(engine->run(again));
    QVERIFY(launched.wait(30000));
    QVERIFY2(launched.first().at(1).toBool(), qPrintable(launched.first().at(2).toString()));
    qInfo("redeploy with a reused image took %lld ms", clock.elapsed());
    QCOMPARE(engine->deployment(job.deploymentId)->image, image);
    QVERIFY2(lines.join(u'\n').contains(u"Reusing image"), qPrintable(lines.join(u'\n')));
    QVERIFY(!lines.join(u'\n').contains(u"Step 1/"));
    QTRY_COMPARE_WITH_TIMEOUT(
        httpGet(engine->deployment(job.deploymentId)->hostPort), QByteArray("<h1>hello from ttalkak</h1>\n"), 10000);

    removed.clear();
    engine->removeDeployment(job.deploymentId);
    QVERIFY(removed.wait(20000));
}

void TestProviderBuild::brokenDockerfile()
{
    const JobRequest job = siteJob(u"broken"_s, u"FROM "_s + m_nginx + u"\nRUN echo about to fail && exit 3\n"_s);
    auto engine = newEngine();
    WAIT_READY(engine);
    QSignalSpy launched(engine.get(), &ProviderEngine::launchFinished);
    QVERIFY(engine->run(job));
    QVERIFY(launched.wait(120000));
    QVERIFY(!launched.first().at(1).toBool());
    const Deployment *d = engine->deployment(job.deploymentId);
    QCOMPARE(d->state, Deployment::State::Failed);
    QVERIFY2(d->detail.contains(u"non-zero code: 3"), qPrintable(d->detail));
    QVERIFY(d->containerId.isEmpty());
    QStringList logged;
    for (const LogEntry &e : engine->logs(job.deploymentId))
        logged << e.text;
    QVERIFY2(logged.join(u'\n').contains(u"about to fail"), qPrintable(logged.join(u'\n')));
    QSignalSpy removed(engine.get(), &ProviderEngine::deploymentRemoved);
    engine->removeDeployment(job.deploymentId);
    QVERIFY(removed.wait(20000));
}

void TestProviderBuild::removedWhileTheNetworkIsMade()
{
    // The network is made beside the build; a removal right away must not leave it behind.
    const JobRequest job = siteJob(u"gone"_s, u"FROM "_s + m_nginx + u"\n"_s);
    auto engine = newEngine();
    WAIT_READY(engine);
    QVERIFY(engine->run(job));
    const QString network = engine->deployment(job.deploymentId)->network;
    QSignalSpy removed(engine.get(), &ProviderEngine::deploymentRemoved);
    engine->removeDeployment(job.deploymentId);
    QVERIFY(removed.wait(20000));
    QTest::qWait(1500); // absence must last: a creation still in flight would land after this
    auto inspect = runJob(m_client.inspectNetwork(network));
    QVERIFY2(inspect->failed() && inspect->statusCode() == 404, qPrintable(network));
}

QTEST_GUILESS_MAIN(TestProviderBuild)
#include "tst_provider_build.moc"
