// Egress filtering against the real Docker engine and the host's packet filter (ctest label
// "docker"; needs root, as CI runs): a deployment's container cannot open a connection to this
// machine, while the same probe from an unfiltered container can (so the test can tell);
// removing the deployment removes its rules. (That the host still reaches filtered containers
// through their published ports, the tunnel's path, is what every tests/e2e scenario does.)
#include "../docker/enginefixture.h"

#include <engine/deploymentspec.h>
#include <engine/egressguard.h>
#include <engine/providerengine.h>

#include <core/settings.h>

#include <QJsonArray>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

#include <unistd.h>

using namespace ttalkak::provider;
using namespace ttalkak;
using namespace Qt::StringLiterals;

namespace {
// Three connection attempts to $HOST:$PORT, two seconds each, one line per attempt.
const QString kProbe = u"for i in 1 2 3; do if timeout 2 bash -c 'exec 3<>/dev/tcp/'$HOST/$PORT 2>/dev/null;"
                       " then echo OPEN; else echo BLOCKED; fi; done"_s;

QString iptablesRules()
{
    QProcess p;
    p.start(u"iptables"_s, { u"-w"_s, u"5"_s, u"-S"_s });
    p.waitForFinished(10000);
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}
} // namespace

class TestEgress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_ENGINE(m_client, m_base);
        EgressGuard guard;
        if (!guard.isAvailable()) {
            const QString why = u"egress filtering unavailable: "_s + guard.unavailableReason();
            if (qEnvironmentVariable("TTALKAK_REQUIRE_DOCKER") == u"1" && ::geteuid() == 0)
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        QVERIFY(m_server.listen(QHostAddress::AnyIPv4));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++m_connections;
                s->deleteLater();
            }
        });
        // This machine as containers see it: the default bridge's gateway.
        auto bridge = runJob(m_client.inspectNetwork(u"bridge"_s));
        JOB_OK(bridge);
        m_host = bridge->json()[u"IPAM"][u"Config"].toArray().first()[u"Gateway"].toString();
        QVERIFY(!m_host.isEmpty());
    }

    void cleanupTestCase() { enginefixture::cleanupAll(m_client); }

    void unfilteredContainerReachesTheHost()
    {
        docker::ContainerSpec s;
        s.image = m_base;
        s.cmd = { u"bash"_s, u"-c"_s, kProbe };
        s.env = { { u"HOST"_s, m_host }, { u"PORT"_s, QString::number(m_server.serverPort()) } };
        s.labels.insert(u"ttalkak.test"_s, enginefixture::runLabel());
        const int before = m_connections;
        const auto run = enginefixture::runToCompletion(m_client, s);
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QVERIFY2(run.out.contains("OPEN"), run.out.constData());
        QTRY_VERIFY(m_connections > before);
    }

    void deploymentCannotReachTheHost()
    {
        QTemporaryDir dir;
        core::Settings settings(dir.filePath(u"provider.ini"_s));
        ProviderEngine engine(m_client, settings);
        engine.setScopeLabel(u"ttalkak.test"_s, enginefixture::runLabel());
        QVERIFY(engine.isolation().egressFiltered);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(engine.isReady(), 20000);

        JobRequest r;
        r.deploymentId = u"egress-"_s + QString::number(QCoreApplication::applicationPid());
        r.name = u"egress"_s;
        r.image = m_base;
        r.cmd = { u"bash"_s, u"-c"_s, kProbe + u"; echo DONE; exec sleep 300"_s };
        r.env = { { u"HOST"_s, m_host }, { u"PORT"_s, QString::number(m_server.serverPort()) } };
        r.containerPort = 8080;
        r.cpuCores = 0.25;
        r.memoryMb = 96;
        r.diskGb = 0;
        const int before = m_connections;
        QVERIFY(engine.run(r));
        auto logText = [&] {
            QString text;
            for (const LogEntry &e : engine.logs(r.deploymentId))
                text += e.text + u'\n';
            return text;
        };
        QTRY_VERIFY_WITH_TIMEOUT(logText().contains(u"DONE"_s), 30000);
        QVERIFY2(!logText().contains(u"OPEN"_s), qPrintable(logText()));
        QCOMPARE(logText().count(u"BLOCKED"_s), 3);
        QCOMPARE(m_connections, before);

        // Its rules exist while it runs, tagged with its subnet; they go with the deployment.
        const Deployment *d = engine.deployment(r.deploymentId);
        QVERIFY(d);
        auto net = runJob(m_client.inspectNetwork(d->network));
        JOB_OK(net);
        const QString subnet = net->json()[u"IPAM"][u"Config"].toArray().first()[u"Subnet"].toString();
        QVERIFY(iptablesRules().contains(u"ttalkak:"_s + subnet));
        engine.removeDeployment(r.deploymentId);
        QTRY_VERIFY_WITH_TIMEOUT(!engine.deployment(r.deploymentId), 20000);
        QVERIFY2(!iptablesRules().contains(u"ttalkak:"_s + subnet), qPrintable(iptablesRules()));
    }

    void rulesAreExactAndStaleOnesAreSwept()
    {
        // Two subnets no network has: rules for them match nothing.
        const QString kept = u"10.251.0.0/16"_s;
        const QString stale = u"10.252.0.0/16"_s;
        const auto count = [](const QString &subnet) {
            return iptablesRules().count(u"ttalkak:"_s + subnet + u'"')
                + iptablesRules().count(u"ttalkak:"_s + subnet + u' ');
        };
        const int perSubnet = int(EgressGuard::blockedRanges().size()) + 3;
        EgressGuard guard;
        QVERIFY(guard.protect(kept));
        QVERIFY(guard.protect(kept)); // again, as after a restart: replaced, not doubled
        QVERIFY(guard.protect(stale));
        QCOMPARE(count(kept), perSubnet);
        QCOMPARE(count(stale), perSubnet);

        // What a provider does at start: keep the subnets of every managed network on the engine.
        auto networks = runJob(m_client.listNetworks({ DeploymentSpec::managedFilter() }));
        JOB_OK(networks);
        QStringList keep { kept };
        for (const QJsonValue &n : networks->json().array())
            keep += EgressGuard::ipv4Subnets(n.toObject());
        auto released = guard.releaseAllExcept(keep);
        QVERIFY2(released, qPrintable(released ? QString() : released.error().message()));
        QVERIFY(released->contains(stale));
        QVERIFY(!released->contains(kept));
        QCOMPARE(count(stale), 0);
        QCOMPARE(count(kept), perSubnet);
        QVERIFY(guard.release(kept));
        QCOMPARE(count(kept), 0);
    }

private:
    docker::DockerClient m_client { *docker::Endpoint::fromEnvironment() };
    QString m_base;
    QTcpServer m_server;
    QString m_host;
    int m_connections = 0;
};

QTEST_GUILESS_MAIN(TestEgress)
#include "tst_egress.moc"
