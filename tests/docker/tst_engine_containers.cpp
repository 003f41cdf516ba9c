// Containers against the real engine: every hardening option checked through inspect and from
// inside the container; limits actually enforced; lifecycle; networks, volumes, runtimes.
#include "enginefixture.h"

#include <QJsonArray>

using namespace ttalkak::docker;
using namespace Qt::StringLiterals;
using ttalkak::core::ErrorCode;

class TestEngineContainers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void hardenedContainer();
    void pidsLimitEnforced();
    void memoryLimitEnforced();
    void lifecycle();
    void networksAndVolumes();
    void runtimes();

private:
    ContainerSpec spec(const QString &script);
    DockerClient m_client { *Endpoint::fromEnvironment() };
    QString m_base;
};

void TestEngineContainers::initTestCase()
{
    REQUIRE_ENGINE(m_client, m_base);
}

void TestEngineContainers::cleanupTestCase()
{
    enginefixture::cleanupAll(m_client);
}

ContainerSpec TestEngineContainers::spec(const QString &script)
{
    ContainerSpec s;
    s.image = m_base;
    s.cmd = { u"sh"_s, u"-c"_s, script };
    s.labels.insert(u"ttalkak.test"_s, enginefixture::runLabel());
    return s;
}

void TestEngineContainers::hardenedContainer()
{
    ContainerSpec s = spec(uR"(
grep -E '^(CapEff|CapPrm|CapBnd|NoNewPrivs)' /proc/self/status
touch /rootfs-write 2>/dev/null && echo rootfs-writable || echo rootfs-readonly
touch /tmp/x && echo tmpfs-writable
echo uid=$(id -u)
cat /sys/fs/cgroup/pids/pids.max /sys/fs/cgroup/pids.max 2>/dev/null | sed 's/^/pids=/'
cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/memory.max 2>/dev/null | sed 's/^/mem=/'
cat /sys/fs/cgroup/memory/memory.memsw.limit_in_bytes /sys/fs/cgroup/memory.swap.max 2>/dev/null | sed 's/^/memsw=/'
cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu.max 2>/dev/null | sed 's/^/cpu=/'
)"_s);
    s.nanoCpus = 500'000'000;
    s.memoryBytes = 64LL * 1024 * 1024;
    s.pidsLimit = 32;
    s.capAdd = { u"NET_BIND_SERVICE"_s };
    s.readOnlyRootfs = true;
    s.tmpfs = { { u"/tmp"_s, u"rw,noexec,nosuid,size=16m"_s } };
    s.user = u"65534:65534"_s;
    s.ports = { { 8080, 0, u"tcp"_s } };
    const auto run = enginefixture::runToCompletion(m_client, s);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);

    // From inside: no effective or permitted capabilities, the bounding set holds only the one
    // added (NET_BIND_SERVICE = bit 10), no-new-privileges on, read-only rootfs, writable tmpfs.
    QVERIFY2(out.contains(u"CapEff:\t0000000000000000"), qPrintable(out));
    QVERIFY(out.contains(u"CapPrm:\t0000000000000000"));
    QVERIFY(out.contains(u"CapBnd:\t0000000000000400"));
    QVERIFY(out.contains(u"NoNewPrivs:\t1"));
    QVERIFY(out.contains(u"rootfs-readonly"));
    QVERIFY(out.contains(u"tmpfs-writable"));
    QVERIFY(out.contains(u"uid=65534"));
    QVERIFY2(out.contains(u"pids=32"), qPrintable(out));
    QVERIFY(out.contains(u"mem=67108864"));
    QVERIFY(out.contains(u"memsw=67108864") || out.contains(u"memsw=0")); // v2 reports swap.max separately
    QVERIFY(out.contains(u"cpu=50000") || out.contains(u"cpu=50000 100000"));

    // Through inspect.
    auto inspect = runJob(m_client.inspectContainer(run.id));
    JOB_OK(inspect);
    const QJsonObject h = inspect->value(u"HostConfig").toObject();
    QCOMPARE(h[u"NanoCpus"].toInteger(), 500'000'000);
    QCOMPARE(h[u"Memory"].toInteger(), 64LL * 1024 * 1024);
    QCOMPARE(h[u"MemorySwap"].toInteger(), 64LL * 1024 * 1024);
    QCOMPARE(h[u"PidsLimit"].toInteger(), 32);
    QCOMPARE(h[u"CapDrop"].toArray(), QJsonArray { u"ALL"_s });
    QCOMPARE(h[u"CapAdd"].toArray(), QJsonArray { u"NET_BIND_SERVICE"_s });
    QCOMPARE(h[u"SecurityOpt"].toArray(), QJsonArray { u"no-new-privileges:true"_s });
    QCOMPARE(h[u"Privileged"].toBool(), false);
    QCOMPARE(h[u"ReadonlyRootfs"].toBool(), true);
    QCOMPARE(h[u"Tmpfs"][u"/tmp"].toString(), u"rw,noexec,nosuid,size=16m"_s);
    QCOMPARE(h[u"PortBindings"][u"8080/tcp"][0][u"HostIp"].toString(), u"127.0.0.1"_s);
    QVERIFY(h[u"Binds"].toArray().isEmpty());
    QVERIFY(inspect->value(u"Mounts").toArray().isEmpty());
    QCOMPARE(h[u"Init"].toBool(), true);
    QCOMPARE(inspect->json()[u"Config"][u"User"].toString(), u"65534:65534"_s);
    QCOMPARE(inspect->json()[u"Config"][u"Labels"][u"ttalkak.test"].toString(), enginefixture::runLabel());
}

void TestEngineContainers::pidsLimitEnforced()
{
    ContainerSpec s = spec(u"i=0; while [ $i -lt 40 ]; do sleep 5 & i=$((i+1)); done; echo spawned-all"_s);
    s.pidsLimit = 12;
    const auto run = enginefixture::runToCompletion(m_client, s);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QVERIFY2(!run.out.contains("spawned-all"), run.out.constData());
    QVERIFY2(run.err.contains("fork"), run.err.constData()); // "sh: 1: Cannot fork"
    QVERIFY(run.exitCode != 0);
}

void TestEngineContainers::memoryLimitEnforced()
{
    ContainerSpec s = spec(u"perl -e '$x = \"a\" x (256*1024*1024); print \"survived\\n\"'"_s);
    s.memoryBytes = 48LL * 1024 * 1024;
    const auto run = enginefixture::runToCompletion(m_client, s);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QVERIFY(!run.out.contains("survived"));
    QCOMPARE(run.exitCode, 137);
    auto inspect = runJob(m_client.inspectContainer(run.id));
    QCOMPARE(inspect->json()[u"State"][u"OOMKilled"].toBool(), true);
}

void TestEngineContainers::lifecycle()
{
    ContainerSpec s = spec(u"trap 'echo got-term; exit 0' TERM; echo up; while :; do sleep 0.1; done"_s);
    s.stopTimeoutSeconds = 5;
    const QString name = u"ttalkak-test-life-"_s + QString::number(QCoreApplication::applicationPid());
    auto create = runJob(m_client.createContainer(s, name));
    JOB_OK(create);
    const QString id = create->value(u"Id").toString();
    JOB_OK(runJob(m_client.startContainer(id)));
    // Starting a running container: 304 from the engine, success for us.
    JOB_OK(runJob(m_client.startContainer(id)));

    auto list = runJob(m_client.listContainers({ enginefixture::labelFilter() }, false));
    JOB_OK(list);
    bool found = false;
    for (const QJsonValue &c : list->json().array())
        found = found || c[u"Id"].toString() == id;
    QVERIFY(found);
    auto none = runJob(m_client.listContainers({ u"ttalkak.test=nobody-has-this"_s }));
    QCOMPARE(none->json().array().size(), 0);

    auto restart = runJob(m_client.restartContainer(id, 5));
    JOB_OK(restart);
    auto inspect = runJob(m_client.inspectContainer(name));
    QCOMPARE(inspect->json()[u"State"][u"Status"].toString(), u"running"_s);
    QCOMPARE(inspect->json()[u"RestartCount"].toInt(), 0); // a manual restart is not a policy restart

    auto *wait = m_client.waitContainer(id);
    wait->setAutoDelete(false);
    std::unique_ptr<ApiJob> waitOwned(wait);
    QSignalSpy waited(wait, &DockerJob::result);
    wait->start();
    QTest::qWait(200);
    auto stop = runJob(m_client.stopContainer(id, 5));
    JOB_OK(stop);
    QVERIFY(waited.size() == 1 || waited.wait(10000));
    JOB_OK(wait);
    QCOMPARE(wait->value(u"StatusCode").toInt(), 0); // the trap ran: graceful stop
    auto logs = runJob(m_client.logs(id));
    QByteArrayList texts;
    for (const LogLine &l : logs->collected())
        texts << l.text;
    QVERIFY(texts.contains("got-term"));

    JOB_OK(runJob(m_client.removeContainer(id)));
    auto gone = runJob(m_client.inspectContainer(id));
    QCOMPARE(gone->error().code(), ErrorCode::NotFound);
    auto again = runJob(m_client.removeContainer(id));
    QCOMPARE(again->error().code(), ErrorCode::NotFound);
}

void TestEngineContainers::networksAndVolumes()
{
    const QString suffix = QString::number(QCoreApplication::applicationPid());
    const QMap<QString, QString> labels { { u"ttalkak.test"_s, enginefixture::runLabel() } };
    auto net = runJob(m_client.createNetwork(u"ttalkak-test-net-"_s + suffix, labels));
    JOB_OK(net);
    const QString netId = net->value(u"Id").toString();
    auto vol = runJob(m_client.createVolume(u"ttalkak-test-vol-"_s + suffix, labels));
    JOB_OK(vol);
    QCOMPARE(vol->value(u"Labels")[u"ttalkak.test"].toString(), enginefixture::runLabel());

    ContainerSpec writer = spec(u"echo persisted > /data/file"_s);
    writer.network = u"ttalkak-test-net-"_s + suffix;
    writer.networkAliases = { u"db"_s };
    writer.volumes = { { u"ttalkak-test-vol-"_s + suffix, u"/data"_s, false } };
    auto w = enginefixture::runToCompletion(m_client, writer);
    QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
    QCOMPARE(w.exitCode, 0);
    auto inspect = runJob(m_client.inspectContainer(w.id));
    QVERIFY(inspect->json()[u"NetworkSettings"][u"Networks"].toObject().contains(u"ttalkak-test-net-"_s + suffix));
    QCOMPARE(inspect->value(u"Mounts")[0][u"Type"].toString(), u"volume"_s);

    ContainerSpec reader = spec(u"cat /data/file"_s);
    reader.volumes = { { u"ttalkak-test-vol-"_s + suffix, u"/data"_s, true } };
    auto r = enginefixture::runToCompletion(m_client, reader);
    QCOMPARE(r.out, QByteArray("persisted\n"));

    // A volume in use cannot be removed; the engine says why.
    auto busy = runJob(m_client.removeVolume(u"ttalkak-test-vol-"_s + suffix));
    QVERIFY(busy->failed());
    QVERIFY(busy->errorString().contains(u"in use"));
    JOB_OK(runJob(m_client.removeContainer(w.id)));
    JOB_OK(runJob(m_client.removeContainer(r.id)));
    JOB_OK(runJob(m_client.removeVolume(u"ttalkak-test-vol-"_s + suffix)));
    JOB_OK(runJob(m_client.removeNetwork(netId)));
    QCOMPARE(runJob(m_client.inspectNetwork(netId))->error().code(), ErrorCode::NotFound);
}

void TestEngineContainers::runtimes()
{
    auto info = runJob(m_client.info());
    JOB_OK(info);
    const QStringList names = DockerClient::runtimes(info->json().object());
    QVERIFY(names.contains(u"runc"_s));
    qInfo("runtimes: %s (default %s)", qPrintable(names.join(u", ")),
        qPrintable(info->value(u"DefaultRuntime").toString()));

    ContainerSpec s = spec(u"true"_s);
    s.runtime = names.contains(u"runsc"_s) ? u"runsc"_s : u"runc"_s;
    auto run = enginefixture::runToCompletion(m_client, s);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    auto inspect = runJob(m_client.inspectContainer(run.id));
    QCOMPARE(inspect->json()[u"HostConfig"][u"Runtime"].toString(), s.runtime);

    ContainerSpec bad = spec(u"true"_s);
    bad.runtime = u"no-such-runtime"_s;
    auto create = runJob(m_client.createContainer(bad));
    QVERIFY(create->failed());
    QVERIFY2(create->errorString().contains(u"no-such-runtime"), qPrintable(create->errorString()));
}

QTEST_GUILESS_MAIN(TestEngineContainers)
#include "tst_engine_containers.moc"
