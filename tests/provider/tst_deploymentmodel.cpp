// DeploymentModel under QAbstractItemModelTester, driven by a ProviderEngine talking to a
// scripted engine (tests/docker/fakeengine): adoption by label at start, events (die, oom,
// health_status, start, destroy) reflected in the rows, stats samples in the usage columns,
// and health classification when nothing listens.
#include "../docker/fakeengine.h"

#include <engine/deploymentmodel.h>
#include <engine/deploymentspec.h>
#include <engine/providerengine.h>

#include <core/settings.h>
#include <docker/dockerclient.h>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ttalkak::provider;
using namespace ttalkak;
using namespace Qt::StringLiterals;

class TestDeploymentModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void adoptsAndFollowsEvents();
    void statsReachUsageColumns();
    void healthWhenNothingListens();

private:
    QJsonObject listed(const QString &id, const QString &containerId, const QString &state) const;
    void pushEvent(const QString &action, const QString &id, const QString &containerId, const QJsonObject &extra = {});

    std::unique_ptr<FakeEngine> m_fake;
    QPointer<QLocalSocket> m_events;
    QJsonArray m_containers;
    QTemporaryDir m_dir;
};

QJsonObject TestDeploymentModel::listed(const QString &id, const QString &containerId, const QString &state) const
{
    JobRequest r;
    r.deploymentId = id;
    r.name = id.toUpper();
    r.image = u"img:"_s + id;
    r.containerPort = 80;
    r.cpuCores = 0.5;
    r.memoryMb = 256;
    QJsonObject labels;
    const auto map = DeploymentSpec::containerLabels(r);
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        labels.insert(it.key(), it.value());
    return QJsonObject { { u"Id"_s, containerId }, { u"Image"_s, r.image }, { u"State"_s, state },
        { u"Status"_s, u"Up 1 second"_s }, { u"Labels"_s, labels },
        { u"Ports"_s, QJsonArray { QJsonObject { { u"PrivatePort"_s, 80 }, { u"PublicPort"_s, 40000 } } } } };
}

void TestDeploymentModel::pushEvent(
    const QString &action, const QString &id, const QString &containerId, const QJsonObject &extra)
{
    QVERIFY(m_events);
    QJsonObject attrs { { u"ttalkak.deployment"_s, id }, { u"ttalkak.managed-by"_s, u"ttalkak-provider"_s } };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        attrs.insert(it.key(), it.value());
    const QJsonObject e { { u"Type"_s, u"container"_s }, { u"Action"_s, action },
        { u"Actor"_s, QJsonObject { { u"ID"_s, containerId }, { u"Attributes"_s, attrs } } },
        { u"timeNano"_s, double(QDateTime::currentMSecsSinceEpoch()) * 1e6 } };
    FakeEngine::chunk(m_events, QJsonDocument(e).toJson(QJsonDocument::Compact) + '\n');
}

void TestDeploymentModel::init()
{
    m_fake = std::make_unique<FakeEngine>();
    QVERIFY(m_fake->listen());
    m_containers
        = QJsonArray { listed(u"alpha"_s, u"c-alpha"_s, u"running"_s), listed(u"beta"_s, u"c-beta"_s, u"exited"_s) };
    m_fake->on("/info", [](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::reply(s, 200, R"({"ServerVersion":"20.10-fake","NCPU":2,"MemTotal":4294967296,
            "DockerRootDir":"/nonexistent","Runtimes":{"runc":{}}})");
    });
    m_fake->on("/containers/json", [this](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::reply(s, 200, QJsonDocument(m_containers).toJson(QJsonDocument::Compact));
    });
    m_fake->on("/events", [this](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::startChunked(s);
        m_events = s; // kept open: the test pushes events through it
    });
    // Streams: stats sends one sample then stays open; logs one line.
    m_fake->on("/containers/c-alpha/stats", [](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::startChunked(s);
        const QByteArray sample = R"({"read":"2024-05-01T10:00:01Z",
            "cpu_stats":{"cpu_usage":{"total_usage":2000000000},"system_cpu_usage":20000000000,"online_cpus":2},
            "precpu_stats":{"cpu_usage":{"total_usage":1000000000},"system_cpu_usage":10000000000},
            "memory_stats":{"usage":134217728,"limit":268435456,"stats":{"inactive_file":0}},
            "networks":{"eth0":{"rx_bytes":10,"tx_bytes":20}}})";
        FakeEngine::chunk(s, QJsonDocument::fromJson(sample).toJson(QJsonDocument::Compact) + '\n');
    });
    m_fake->on("/containers/c-alpha/logs", [](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::startChunked(s, 200, "application/vnd.docker.raw-stream");
        const QByteArray line = "2024-05-01T10:00:00.000000000Z hello from alpha\n";
        QByteArray frame("\x01\x00\x00\x00", 4);
        const quint32 n = quint32(line.size());
        frame += char(n >> 24) + QByteArray() + char(n >> 16) + char(n >> 8) + char(n);
        FakeEngine::chunk(s, frame + line);
    });
    m_fake->on("/containers/c-alpha/json", [](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::reply(s, 200, R"({"NetworkSettings":{"Ports":{"80/tcp":[{"HostPort":"40001"}]}}})");
    });
}

void TestDeploymentModel::cleanup()
{
    m_fake.reset();
}

void TestDeploymentModel::adoptsAndFollowsEvents()
{
    docker::DockerClient client(docker::Endpoint::unixSocket(m_fake->socketPath()));
    core::Settings settings(m_dir.filePath(u"p.ini"_s));
    ProviderEngine engine(client, settings);
    DeploymentModel model(engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QSignalSpy reconciled(&engine, &ProviderEngine::reconciled);
    engine.start();
    QVERIFY(reconciled.wait(5000));
    QCOMPARE(reconciled.first().first().toInt(), 2);
    QVERIFY(engine.isReady());
    QCOMPARE(engine.health().status(), EngineHealth::Status::Healthy);
    QCOMPARE(engine.isolation().level, Isolation::Level::Hardened);

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(DeploymentModel::ColumnCount));
    QCOMPARE(model.idAt(0), u"alpha"_s);
    const QModelIndex alphaState = model.index(0, DeploymentModel::State);
    QCOMPARE(alphaState.data(DeploymentModel::StateRole).toInt(), int(Deployment::State::Running));
    QCOMPARE(model.index(1, 0).data(DeploymentModel::StateRole).toInt(), int(Deployment::State::Exited));
    QVERIFY(model.index(0, 0).data(DeploymentModel::AdoptedRole).toBool());
    QCOMPARE(model.index(0, DeploymentModel::Port).data().toString(), u"40000"_s);
    QCOMPARE(model.index(0, DeploymentModel::Name).data().toString(), u"ALPHA"_s);
    QCOMPARE(engine.committed().deployments, 2);
    QVERIFY(QTest::qWaitFor([&] { return m_events; }, 5000));

    // die → Exited with the code, without any polling
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    pushEvent(u"oom"_s, u"alpha"_s, u"c-alpha"_s);
    pushEvent(u"die"_s, u"alpha"_s, u"c-alpha"_s, { { u"exitCode"_s, u"137"_s } });
    QTRY_COMPARE_WITH_TIMEOUT(
        alphaState.data(DeploymentModel::StateRole).toInt(), int(Deployment::State::Exited), 5000);
    QVERIFY(alphaState.data().toString().contains(u"137"));
    QVERIFY(engine.deployment(u"alpha"_s)->oomKilled);
    QVERIFY(!changed.isEmpty());

    // start → Running again, the port re-read; health_status → Health column
    pushEvent(u"start"_s, u"alpha"_s, u"c-alpha"_s);
    pushEvent(u"health_status: healthy"_s, u"alpha"_s, u"c-alpha"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, DeploymentModel::Health).data().toString(), u"healthy"_s, 5000);
    QCOMPARE(alphaState.data(DeploymentModel::StateRole).toInt(), int(Deployment::State::Running));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, DeploymentModel::Port).data().toString(), u"40001"_s, 5000);

    // an event for a container we do not know is not ours to show
    pushEvent(u"die"_s, u"alpha"_s, u"someone-elses"_s);
    // destroy from outside → the row goes away
    pushEvent(u"destroy"_s, u"beta"_s, u"c-beta"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
    QCOMPARE(model.idAt(0), u"alpha"_s);
    QCOMPARE(alphaState.data(DeploymentModel::StateRole).toInt(), int(Deployment::State::Running));

    // A second model built on a populated engine starts with its rows.
    DeploymentModel late(engine);
    QAbstractItemModelTester lateTester(&late, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(late.rowCount(), 1);
}

void TestDeploymentModel::statsReachUsageColumns()
{
    docker::DockerClient client(docker::Endpoint::unixSocket(m_fake->socketPath()));
    core::Settings settings(m_dir.filePath(u"p.ini"_s));
    ProviderEngine engine(client, settings);
    DeploymentModel model(engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy samples(&engine, &ProviderEngine::usageSampled);
    QSignalSpy logs(&engine, &ProviderEngine::logsAppended);
    engine.start();
    QVERIFY(samples.wait(5000));
    QCOMPARE(samples.first().first().toString(), u"alpha"_s);
    const double cpu = model.index(0, DeploymentModel::Cpu).data(DeploymentModel::CpuPercentRole).toDouble();
    QCOMPARE(cpu, 20.0); // (1e9 / 1e10) * 2 CPUs * 100
    QCOMPARE(model.index(0, DeploymentModel::Memory).data(DeploymentModel::MemoryMbRole).toDouble(), 128.0);
    QCOMPARE(engine.usage(u"alpha"_s).size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!engine.logs(u"alpha"_s).isEmpty(), 5000);
    QCOMPARE(engine.logs(u"alpha"_s).first().text, u"hello from alpha"_s);
    // the exited one has no streams
    QVERIFY(engine.usage(u"beta"_s).isEmpty());
}

void TestDeploymentModel::healthWhenNothingListens()
{
    docker::DockerClient client(docker::Endpoint::unixSocket(m_dir.filePath(u"no-such.sock"_s)));
    core::Settings settings(m_dir.filePath(u"p.ini"_s));
    ProviderEngine engine(client, settings);
    QSignalSpy health(&engine, &ProviderEngine::healthChanged);
    engine.start();
    QVERIFY(health.wait(5000));
    const auto status = engine.health().status();
    QVERIFY(status == EngineHealth::Status::NotRunning || status == EngineHealth::Status::NotInstalled);
    QVERIFY(!engine.health().fixText().isEmpty());
    QVERIFY(!engine.isReady());

    JobRequest r;
    r.deploymentId = u"x"_s;
    r.image = u"img"_s;
    const JobFit fit = engine.run(r);
    QVERIFY(!fit);
    QVERIFY(fit.codes.contains(JobFit::Reason::EngineDown));
    QCOMPARE(engine.deploymentIds().size(), 0);
}

QTEST_GUILESS_MAIN(TestDeploymentModel)
#include "tst_deploymentmodel.moc"
