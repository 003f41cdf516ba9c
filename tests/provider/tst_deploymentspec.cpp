// JobRequest → hardened container spec and labels, and back from a listed container; the
// isolation level read from /info.
#include <engine/deploymentspec.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ttalkak::provider;
using namespace Qt::StringLiterals;

class TestDeploymentSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hardenedWebSpec();
    void databaseGetsVolume();
    void gvisorWhenInstalled();
    void roundTripThroughList();
    void foreignContainerIgnored();
    void hostPortFromInspect();
    void isolation_data();
    void isolation();
};

static JobRequest webJob()
{
    JobRequest r;
    r.deploymentId = u"shop-7"_s;
    r.generation = 3;
    r.name = u"Shop front"_s;
    r.image = u"ttalkak/shop:abc"_s;
    r.containerPort = 8080;
    r.cpuCores = 0.75;
    r.memoryMb = 384;
    r.diskGb = 2;
    r.env = { { u"GREETING"_s, u"$(rm -rf /)\nRUN evil"_s } };
    return r;
}

void TestDeploymentSpec::hardenedWebSpec()
{
    const Isolation hardened = Isolation::fromInfo(QJsonObject { { u"Runtimes"_s, QJsonObject { { u"runc"_s, 1 } } } });
    const auto spec = DeploymentSpec::containerSpec(webJob(), hardened);
    QVERIFY(spec.validate());
    QCOMPARE(spec.nanoCpus, 750'000'000);
    QCOMPARE(spec.memoryBytes, 384LL * 1024 * 1024);
    QCOMPARE(spec.network, u"ttalkak-shop-7-net"_s);
    QCOMPARE(spec.bindAddress, u"127.0.0.1"_s);
    QCOMPARE(spec.ports.size(), 1);
    QCOMPARE(spec.ports.first().containerPort, 8080);
    QCOMPARE(spec.ports.first().hostPort, 0);
    QVERIFY(spec.volumes.isEmpty());
    QVERIFY(spec.runtime.isEmpty());
    QCOMPARE(spec.env.value(u"GREETING"_s), u"$(rm -rf /)\nRUN evil"_s); // verbatim: no shell anywhere

    const QJsonObject json = spec.toJson();
    const QJsonObject host = json[u"HostConfig"].toObject();
    QCOMPARE(host[u"CapDrop"].toArray(), QJsonArray { u"ALL"_s });
    QVERIFY(!host[u"Privileged"].toBool());
    QCOMPARE(host[u"Memory"].toInteger(), host[u"MemorySwap"].toInteger());
    QVERIFY(host[u"SecurityOpt"].toArray().contains(u"no-new-privileges"_s)
        || host[u"SecurityOpt"].toArray().contains(u"no-new-privileges:true"_s));
    QVERIFY(host[u"Binds"].toArray().isEmpty());

    const auto labels = spec.labels;
    QCOMPARE(labels.value(u"ttalkak.managed-by"_s), u"ttalkak-provider"_s);
    QCOMPARE(labels.value(u"ttalkak.deployment"_s), u"shop-7"_s);
    QCOMPARE(labels.value(u"ttalkak.generation"_s), u"3"_s);
}

void TestDeploymentSpec::databaseGetsVolume()
{
    JobRequest r = webJob();
    r.kind = DeploymentKind::Database;
    r.dataPath = u"/var/lib/postgresql/data"_s;
    const auto spec = DeploymentSpec::containerSpec(r, Isolation());
    QCOMPARE(spec.volumes.size(), 1);
    QCOMPARE(spec.volumes.first().volume, u"ttalkak-shop-7-data"_s);
    QCOMPARE(spec.volumes.first().target, r.dataPath);
    QVERIFY(spec.validate());
    QCOMPARE(DeploymentSpec::fromRequest(r).volume, u"ttalkak-shop-7-data"_s);
}

void TestDeploymentSpec::gvisorWhenInstalled()
{
    const QJsonObject info { { u"Runtimes"_s, QJsonObject { { u"runc"_s, 1 }, { u"runsc"_s, 1 } } } };
    const auto spec = DeploymentSpec::containerSpec(webJob(), Isolation::fromInfo(info));
    QCOMPARE(spec.runtime, u"runsc"_s);
}

void TestDeploymentSpec::roundTripThroughList()
{
    const JobRequest r = webJob();
    QJsonObject labels;
    const auto map = DeploymentSpec::containerLabels(r);
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        labels.insert(it.key(), it.value());
    const QJsonObject listed {
        { u"Id"_s, u"abc123"_s },
        { u"Image"_s, r.image },
        { u"State"_s, u"running"_s },
        { u"Status"_s, u"Up 5 minutes (healthy)"_s },
        { u"Labels"_s, labels },
        { u"Ports"_s,
            QJsonArray {
                QJsonObject { { u"PrivatePort"_s, 8080 }, { u"PublicPort"_s, 49153 }, { u"IP"_s, u"127.0.0.1"_s } } } },
    };
    const Deployment d = DeploymentSpec::fromListEntry(listed);
    QCOMPARE(d.id, r.deploymentId);
    QCOMPARE(d.generation, 3);
    QCOMPARE(d.name, r.name);
    QCOMPARE(d.containerId, u"abc123"_s);
    QCOMPARE(d.state, Deployment::State::Running);
    QCOMPARE(d.health, u"healthy"_s);
    QCOMPARE(d.cpuCores, 0.75);
    QCOMPARE(d.memoryMb, 384);
    QCOMPARE(d.diskGb, 2);
    QCOMPARE(d.containerPort, 8080);
    QCOMPARE(d.hostPort, 49153);
    QVERIFY(d.adopted);

    QJsonObject exited = listed;
    exited[u"State"] = u"exited"_s;
    QCOMPARE(DeploymentSpec::fromListEntry(exited).state, Deployment::State::Exited);
}

void TestDeploymentSpec::foreignContainerIgnored()
{
    const QJsonObject listed { { u"Id"_s, u"x"_s },
        { u"Labels"_s, QJsonObject { { u"ttalkak.deployment"_s, u"a"_s } } } };
    QVERIFY(DeploymentSpec::fromListEntry(listed).id.isEmpty());
}

void TestDeploymentSpec::hostPortFromInspect()
{
    const QJsonObject inspect = QJsonDocument::fromJson(R"({"NetworkSettings":{"Ports":{
        "8080/tcp":[{"HostIp":"127.0.0.1","HostPort":"32768"}], "9000/tcp":null}}})")
                                    .object();
    QCOMPARE(DeploymentSpec::hostPortFromInspect(inspect, 8080), 32768);
    QCOMPARE(DeploymentSpec::hostPortFromInspect(inspect, 9000), 0);
    QCOMPARE(DeploymentSpec::hostPortFromInspect({}, 8080), 0);
}

void TestDeploymentSpec::isolation_data()
{
    QTest::addColumn<QByteArray>("info");
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<bool>("rootless");
    QTest::newRow("runc only") << QByteArray(R"({"Runtimes":{"runc":{},"io.containerd.runc.v2":{}}})")
                               << int(Isolation::Level::Hardened) << QString() << false;
    QTest::newRow("runsc") << QByteArray(R"({"Runtimes":{"runc":{},"runsc":{"path":"/usr/bin/runsc"}}})")
                           << int(Isolation::Level::GVisor) << u"runsc"_s << false;
    QTest::newRow("rootless") << QByteArray(
        R"({"Runtimes":{"runc":{}},"SecurityOptions":["name=seccomp,profile=default","name=rootless"]})")
                              << int(Isolation::Level::Hardened) << QString() << true;
}

void TestDeploymentSpec::isolation()
{
    QFETCH(QByteArray, info);
    QFETCH(int, level);
    QFETCH(QString, runtime);
    QFETCH(bool, rootless);
    const Isolation iso = Isolation::fromInfo(QJsonDocument::fromJson(info).object());
    QCOMPARE(int(iso.level), level);
    QCOMPARE(iso.runtime, runtime);
    QCOMPARE(iso.rootless, rootless);
    QVERIFY(!iso.title().isEmpty());
    QVERIFY(!iso.description().isEmpty());
}

QTEST_GUILESS_MAIN(TestDeploymentSpec)
#include "tst_deploymentspec.moc"
