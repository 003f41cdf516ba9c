// The provider engine against the real Docker engine (ctest label "docker"): run a deployment
// from a local image with the hardened defaults, see stats and logs arrive, stop it behind the
// engine's back and see the die event in the model, restart the engine object and see the
// container re-adopted by label (not recreated), refuse what does not fit, drain, remove.
// Never pulls; everything created carries ttalkak.test=<run> and is removed at the end.
#include "../docker/enginefixture.h"

#include <engine/deploymentmodel.h>
#include <engine/offlinerelaylink.h>
#include <engine/providerengine.h>

#include <core/settings.h>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QUrl>

using namespace ttalkak::provider;
using namespace ttalkak;
using namespace Qt::StringLiterals;

class TestProviderDocker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void runObserveAdopt();
    void databaseVolumeAndRemove();
    void pauseAndDrain();
    void envArrivesVerbatim();

private:
    std::unique_ptr<ProviderEngine> newEngine();
    JobRequest tickJob(const QString &id) const;
    int containersFor(const QString &id);

    docker::DockerClient m_client { *docker::Endpoint::fromEnvironment() };
    QTemporaryDir m_dir;
    std::unique_ptr<core::Settings> m_settings;
    QString m_base;
    QString m_prefix;
};

void TestProviderDocker::initTestCase()
{
    REQUIRE_ENGINE(m_client, m_base);
    m_settings = std::make_unique<core::Settings>(m_dir.filePath(u"provider.ini"_s));
    Caps caps;
    caps.cpuCores = 1;
    caps.memoryMb = 512;
    caps.diskGb = 1;
    caps.maxDeployments = 3;
    caps.save(*m_settings);
    m_prefix = u"t"_s + QString::number(QCoreApplication::applicationPid());
}

void TestProviderDocker::cleanupTestCase()
{
    enginefixture::cleanupAll(m_client);
}

// A scoped engine prefixes its object names with the scope, so runs never clash.
static QString namePrefix()
{
    return u"ttalkak-"_s + enginefixture::runLabel() + u'-';
}

std::unique_ptr<ProviderEngine> TestProviderDocker::newEngine()
{
    auto engine = std::make_unique<ProviderEngine>(m_client, *m_settings);
    engine->setScopeLabel(u"ttalkak.test"_s, enginefixture::runLabel());
    return engine;
}

JobRequest TestProviderDocker::tickJob(const QString &id) const
{
    JobRequest r;
    r.deploymentId = m_prefix + u'-' + id;
    r.name = id;
    r.image = m_base;
    r.cmd = { u"sh"_s, u"-c"_s, u"i=0; while :; do i=$((i+1)); echo \"tick $i\"; sleep 0.5; done"_s };
    r.containerPort = 8080;
    r.cpuCores = 0.25;
    r.memoryMb = 96;
    r.diskGb = 0;
    return r;
}

int TestProviderDocker::containersFor(const QString &id)
{
    auto list = runJob(m_client.listContainers({ u"ttalkak.deployment="_s + id }, true));
    return int(list->json().array().size());
}

#define WAIT_READY(engine)                                                                                             \
    do {                                                                                                               \
        QSignalSpy reconciled_(engine.get(), &ProviderEngine::reconciled);                                             \
        engine->start();                                                                                               \
        QVERIFY(reconciled_.wait(10000));                                                                              \
    } while (false)

void TestProviderDocker::runObserveAdopt()
{
    const JobRequest job = tickJob(u"web"_s);
    QString containerId;
    {
        auto engine = newEngine();
        DeploymentModel model(*engine);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        WAIT_READY(engine);
        QVERIFY(engine->health().isHealthy());
        QVERIFY(engine->isolation().level != Isolation::Level::Unknown);

        // Does not fit: more CPU than the caps share. Nothing is created.
        JobRequest tooBig = tickJob(u"big"_s);
        tooBig.cpuCores = 2;
        const JobFit refused = engine->run(tooBig);
        QVERIFY(!refused);
        QCOMPARE(refused.codes, QList<JobFit::Reason> { JobFit::Reason::Cpu });
        QCOMPARE(model.rowCount(), 0);

        QSignalSpy launched(engine.get(), &ProviderEngine::launchFinished);
        QSignalSpy samples(engine.get(), &ProviderEngine::usageSampled);
        QVERIFY(engine->run(job));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(launched.wait(20000));
        QVERIFY2(launched.first().at(1).toBool(), qPrintable(launched.first().at(2).toString()));
        const Deployment *d = engine->deployment(job.deploymentId);
        QVERIFY(d);
        containerId = d->containerId;
        QCOMPARE(d->state, Deployment::State::Running);
        QVERIFY(d->hostPort > 0);

        // The container runs under the limits and hardening the job asked for.
        auto inspect = runJob(m_client.inspectContainer(containerId));
        const QJsonObject host = inspect->json()[u"HostConfig"].toObject();
        QCOMPARE(host[u"NanoCpus"].toInteger(), 250'000'000);
        QCOMPARE(host[u"Memory"].toInteger(), 96LL * 1024 * 1024);
        QCOMPARE(host[u"MemorySwap"].toInteger(), 96LL * 1024 * 1024);
        QCOMPARE(host[u"CapDrop"].toArray(), QJsonArray { u"ALL"_s });
        QCOMPARE(host[u"NetworkMode"].toString(), namePrefix() + job.deploymentId + u"-net"_s);
        const QJsonArray bindings = host[u"PortBindings"].toObject()[u"8080/tcp"].toArray();
        QCOMPARE(bindings.first().toObject()[u"HostIp"].toString(), u"127.0.0.1"_s);

        // Stats and logs stream in.
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 2, 10000);
        QCOMPARE(samples.first().first().toString(), job.deploymentId);
        QVERIFY(engine->usage(job.deploymentId).last().memoryMb > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!engine->logs(job.deploymentId).isEmpty(), 10000);
        QVERIFY(engine->logs(job.deploymentId).first().text.startsWith(u"tick"));

        // Stopped behind the engine's back: only the die event can tell the model.
        const QModelIndex state = model.index(0, DeploymentModel::State);
        JOB_OK(runJob(m_client.stopContainer(containerId, 2)));
        QTRY_COMPARE_WITH_TIMEOUT(
            state.data(DeploymentModel::StateRole).toInt(), int(Deployment::State::Exited), 10000);

        // Started through the engine: the start event brings it back, with a fresh port.
        engine->startDeployment(job.deploymentId);
        QTRY_COMPARE_WITH_TIMEOUT(
            state.data(DeploymentModel::StateRole).toInt(), int(Deployment::State::Running), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(engine->deployment(job.deploymentId)->hostPort > 0, 5000);
    } // the engine goes away; the container keeps running

    auto list = runJob(m_client.inspectContainer(containerId));
    QVERIFY(list->json()[u"State"].toObject()[u"Running"].toBool());

    auto again = newEngine();
    DeploymentModel model(*again);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reconciled(again.get(), &ProviderEngine::reconciled);
    again->start();
    QVERIFY(reconciled.wait(10000));
    QCOMPARE(reconciled.first().first().toInt(), 1);
    QCOMPARE(model.rowCount(), 1);
    const Deployment *adopted = again->deployment(job.deploymentId);
    QVERIFY(adopted);
    QVERIFY(adopted->adopted);
    QCOMPARE(adopted->containerId, containerId); // the same container, not a new one
    QCOMPARE(adopted->state, Deployment::State::Running);
    QCOMPARE(adopted->cpuCores, 0.25);
    QCOMPARE(adopted->memoryMb, 96);
    QCOMPARE(containersFor(job.deploymentId), 1);
    QCOMPARE(again->committed().deployments, 1);
    QSignalSpy samples(again.get(), &ProviderEngine::usageSampled);
    QVERIFY(samples.wait(10000)); // streams re-attached to the adopted container

    // Re-running the same deployment is refused as a duplicate.
    QVERIFY(again->fit(job).codes.contains(JobFit::Reason::Duplicate));

    QSignalSpy removed(again.get(), &ProviderEngine::deploymentRemoved);
    again->removeDeployment(job.deploymentId);
    QVERIFY(removed.wait(15000));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(containersFor(job.deploymentId), 0);
    auto net = runJob(m_client.inspectNetwork(namePrefix() + job.deploymentId + u"-net"_s));
    QVERIFY(net->failed());
}

void TestProviderDocker::databaseVolumeAndRemove()
{
    auto engine = newEngine();
    WAIT_READY(engine);
    JobRequest db = tickJob(u"db"_s);
    db.kind = DeploymentKind::Database;
    db.dataPath = u"/data"_s;
    db.containerPort = 0;
    db.cmd = { u"sh"_s, u"-c"_s, u"echo stored > /data/x && cat /data/x && sleep 600"_s };
    QSignalSpy launched(engine.get(), &ProviderEngine::launchFinished);
    QVERIFY(engine->run(db));
    QVERIFY(launched.wait(20000));
    QVERIFY2(launched.first().at(1).toBool(), qPrintable(launched.first().at(2).toString()));
    const QString volume = namePrefix() + db.deploymentId + u"-data"_s;
    auto inspect = runJob(m_client.inspectVolume(volume));
    JOB_OK(inspect);
    QCOMPARE(inspect->json()[u"Labels"].toObject()[u"ttalkak.deployment"].toString(), db.deploymentId);
    QTRY_VERIFY_WITH_TIMEOUT(!engine->logs(db.deploymentId).isEmpty(), 10000);
    QCOMPARE(engine->logs(db.deploymentId).first().text, u"stored"_s); // the volume is writable

    QSignalSpy removed(engine.get(), &ProviderEngine::deploymentRemoved);
    engine->removeDeployment(db.deploymentId);
    QVERIFY(removed.wait(15000));
    QTRY_VERIFY_WITH_TIMEOUT(runJob(m_client.inspectVolume(volume))->failed(), 5000);
}

void TestProviderDocker::pauseAndDrain()
{
    auto engine = newEngine();
    OfflineRelayLink link;
    engine->setRelayLink(&link);
    WAIT_READY(engine);
    const JobRequest job = tickJob(u"drain"_s);

    engine->pauseSharing();
    QCOMPARE(engine->sharing(), ProviderEngine::Sharing::Paused);
    QCOMPARE(engine->run(job).codes, QList<JobFit::Reason> { JobFit::Reason::NotAccepting });
    engine->resumeSharing();

    QSignalSpy launched(engine.get(), &ProviderEngine::launchFinished);
    QVERIFY(engine->run(job));
    QVERIFY(launched.wait(20000));

    QSignalSpy sharing(engine.get(), &ProviderEngine::sharingChanged);
    engine->drain();
    QCOMPARE(engine->sharing(), ProviderEngine::Sharing::Draining);
    QVERIFY(!engine->run(tickJob(u"late"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(engine->sharing(), ProviderEngine::Sharing::Drained, 15000);
    QCOMPARE(link.handedBack(), QStringList { job.deploymentId });
    QCOMPARE(containersFor(job.deploymentId), 0);
    engine->resumeSharing();
    QCOMPARE(engine->sharing(), ProviderEngine::Sharing::Sharing);
}

// An env value full of shell and Dockerfile syntax is data: the container sees it byte for byte
// and nothing in it runs (no marker file appears).
void TestProviderDocker::envArrivesVerbatim()
{
    auto engine = newEngine();
    WAIT_READY(engine);
    const QString hostile = u"$(touch /tmp/pwned) `touch /tmp/pwned`; touch /tmp/pwned\nRUN touch /tmp/pwned \"'"_s;
    JobRequest job = tickJob(u"env"_s);
    job.env.insert(u"GREETING"_s, hostile);
    job.cmd = { u"sh"_s, u"-c"_s,
        u"printf '[%s]\\n' \"$GREETING\"; if [ -e /tmp/pwned ]; then echo PWNED; else echo CLEAN; fi; exec sleep 300"_s };
    QSignalSpy launched(engine.get(), &ProviderEngine::launchFinished);
    QVERIFY(engine->run(job));
    QVERIFY(launched.wait(20000));
    auto text = [&] {
        QString t;
        for (const LogEntry &e : engine->logs(job.deploymentId))
            t += e.text + u'\n';
        return t;
    };
    QTRY_VERIFY_WITH_TIMEOUT(text().contains(u"CLEAN"_s) || text().contains(u"PWNED"_s), 15000);
    QVERIFY2(text().contains(u'[' + hostile + u']'), qPrintable(text()));
    QVERIFY2(!text().contains(u"PWNED"_s), qPrintable(text()));
    engine->removeDeployment(job.deploymentId);
    QTRY_VERIFY_WITH_TIMEOUT(!engine->deployment(job.deploymentId), 20000);
}

QTEST_GUILESS_MAIN(TestProviderDocker)
#include "tst_provider_docker.moc"
