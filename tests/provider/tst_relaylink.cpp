// The provider's relay client against real components (ctest labels "docker" and "relay"): the
// ttalkak-relay binary (SQLite store, tunnel hub on), a user and a provider registered over REST,
// and a ProviderEngine on the real Docker engine wired through RelayConnection (WsRelayLink +
// UsageMeter + TunnelService). A Redis database created over REST is offered, accepted, run from
// the local base image with the relay's spec, and reported running with its port; the tunnel
// agent routes it. Then the relay restarts: the link reconnects and says hello again, and the
// deployment keeps running (same container, nothing rebuilt). Finally a delete over REST removes
// it on the provider. Never pulls; everything carries ttalkak.test=<run>.
#include "../docker/enginefixture.h"

#include <engine/providerengine.h>
#include <engine/relayconnection.h>

#include <core/settings.h>
#include <strategies/baseimages.h>

#include <httpclient.h>
#include <relayprocess.h>

#include <QFileInfo>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace ttalkak;
using namespace ttalkak::provider;
using namespace Qt::StringLiterals;

namespace {

quint16 freePort()
{
    QTcpServer s;
    return s.listen(QHostAddress::LocalHost, 0) ? s.serverPort() : 0;
}

} // namespace

class TestRelayLink : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void databaseThroughRelay();

private:
    std::unique_ptr<RelayProcess> startRelay();
    QString state(const QString &id);

    docker::DockerClient m_client { *docker::Endpoint::fromEnvironment() };
    QTemporaryDir m_dir;
    strategies::BaseImages m_images = strategies::BaseImages::defaults();
    quint16 m_port = 0;
    quint16 m_tunnelPort = 0;
    HttpClient m_http;
    QString m_token;
};

void TestRelayLink::initTestCase()
{
    QString base;
    REQUIRE_ENGINE(m_client, base);
    QString override = qEnvironmentVariable("TTALKAK_BASE_IMAGES_OVERRIDE");
    if (override.isEmpty() && QFileInfo::exists(u"/var/tmp/ttalkak/base-images.local.yaml"_s))
        override = u"/var/tmp/ttalkak/base-images.local.yaml"_s;
    if (override.isEmpty())
        QSKIP("no base image override (scripts/base-images.sh): the Redis image would have to be pulled");
    auto applied = m_images.applyOverrideFile(override);
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toString()));
    auto inspect = runJob(m_client.inspectImage(m_images.image(u"redis"_s, u"7"_s)));
    if (inspect->failed())
        QSKIP("the local Redis base image is missing (scripts/base-images.sh)");
    if (qEnvironmentVariable("TTALKAK_RELAY_BIN").isEmpty())
        QSKIP("TTALKAK_RELAY_BIN is not set");
    m_port = freePort();
    m_tunnelPort = freePort();
    QVERIFY(m_port && m_tunnelPort);
}

void TestRelayLink::cleanupTestCase()
{
    enginefixture::cleanupAll(m_client);
}

std::unique_ptr<RelayProcess> TestRelayLink::startRelay()
{
    // Fixed ports (the later --listen wins over RelayProcess's own), so a restart is the same relay.
    auto relay = std::make_unique<RelayProcess>(u"sqlite:"_s + m_dir.filePath(u"relay.db"_s), m_dir.filePath(u"data"_s),
        QStringList { u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port), u"--tunnel-listen"_s,
            u"127.0.0.1:%1"_s.arg(m_tunnelPort), u"--heartbeat-interval-ms"_s, u"1000"_s, u"--heartbeat-timeout-ms"_s,
            u"20000"_s });
    return relay->start() ? std::move(relay) : nullptr;
}

QString TestRelayLink::state(const QString &id)
{
    return m_http.get(QUrl(u"http://127.0.0.1:%1/v1/databases/%2"_s.arg(m_port).arg(id)), m_token)
        .json.value(u"state"_s)
        .toString();
}

void TestRelayLink::databaseThroughRelay()
{
    auto relay = startRelay();
    QVERIFY(relay);
    auto url = [this](const QString &path) { return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)); };

    const HttpResult signup = m_http.post(url(u"/v1/auth/signup"_s), {},
        { { u"email"_s, u"owner@example.com"_s }, { u"password"_s, u"correct horse battery"_s } });
    QCOMPARE(signup.status, 201);
    m_token = signup.json.value(u"token"_s).toString();
    const HttpResult provider = m_http.post(url(u"/v1/providers"_s), m_token, { { u"name"_s, u"box"_s } });
    QCOMPARE(provider.status, 201);
    const QString key = provider.json.value(u"registrationKey"_s).toString();
    QVERIFY(key.startsWith(u"ttk_p_"));

    core::Settings settings(m_dir.filePath(u"provider.ini"_s));
    Caps caps;
    caps.cpuCores = 1;
    caps.memoryMb = 1024;
    caps.diskGb = 2;
    caps.maxDeployments = 2;
    caps.save(settings);
    ProviderEngine engine(m_client, settings);
    engine.setScopeLabel(u"ttalkak.test"_s, enginefixture::runLabel());
    RelayConnectionOptions options;
    options.relayUrl = QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(m_port));
    options.key = key;
    options.tunnelHost = u"127.0.0.1"_s;
    options.tunnelPort = m_tunnelPort;
    options.parser = OfferParser(m_images);
    RelayConnection connection(engine, options);
    WsRelayLink &link = connection.link();
    QSignalSpy registered(&link, &WsRelayLink::registered);
    QSignalSpy beats(&link, &WsRelayLink::heartbeatAcknowledged);
    QSignalSpy errors(&link, &WsRelayLink::relayError);
    engine.start();
    connection.start();
    QTRY_VERIFY_WITH_TIMEOUT(engine.isReady(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!registered.isEmpty(), 10000);
    const QString providerId = provider.json.value(u"id"_s).toString();
    QCOMPARE(link.providerId(), providerId);
    QVERIFY(connection.tunnel());
    QCOMPARE(connection.tunnel()->machineId(), providerId);
    QTRY_VERIFY_WITH_TIMEOUT(connection.tunnel()->agent()->establishedConnections() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!beats.isEmpty(), 5000);

    // A database: offered to the only provider, accepted, run with the relay's spec.
    const HttpResult created = m_http.post(url(u"/v1/databases"_s), m_token,
        { { u"name"_s, u"cache"_s }, { u"engine"_s, u"redis"_s },
            { u"resources"_s,
                QJsonObject { { u"cpuMillis"_s, 250 }, { u"memoryMb"_s, 128 }, { u"diskMb"_s, 100 } } } });
    QCOMPARE(created.status, 202);
    const QString relayId = created.json.value(u"id"_s).toString();
    const QString localId = OfferParser::localId(relayId);
    QVERIFY2(!localId.isEmpty(), qPrintable(relayId));
    QTRY_VERIFY_WITH_TIMEOUT(engine.deployment(localId), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(engine.deployment(localId)->state, Deployment::State::Running, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(engine.deployment(localId)->hostPort != 0, 10000);
    const quint16 hostPort = engine.deployment(localId)->hostPort;
    const QString container = engine.deployment(localId)->containerId;
    QTRY_COMPARE_WITH_TIMEOUT(state(relayId), u"running"_s, 15000);
    // The agent serves exactly that deployment on exactly that loopback port.
    QTRY_COMPARE_WITH_TIMEOUT(connection.tunnel()->agent()->routes().value(relayId).port, hostPort, 5000);
    QCOMPARE(connection.tunnel()->agent()->routes().size(), 1);

    // Relay restart: shutdown honoured, reconnect, hello again; the container is untouched.
    QVERIFY(relay->terminate());
    QTRY_VERIFY_WITH_TIMEOUT(!link.isConnected(), 5000);
    relay = startRelay();
    QVERIFY(relay);
    QTRY_VERIFY_WITH_TIMEOUT(registered.size() >= 2, 20000);
    QCOMPARE(engine.deployment(localId)->containerId, container);
    QCOMPARE(engine.deployment(localId)->state, Deployment::State::Running);
    QCOMPARE(state(relayId), u"running"_s);
    QTRY_VERIFY_WITH_TIMEOUT(connection.tunnel()->agent()->establishedConnections() > 0, 20000);

    // Delete over REST: the relay commands it, the engine removes it, the relay learns it.
    QCOMPARE(m_http.request("DELETE", url(u"/v1/databases/"_s + relayId), m_token).status, 202);
    QTRY_VERIFY_WITH_TIMEOUT(!engine.deployment(localId), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(connection.tunnel()->agent()->routes().isEmpty(), 5000);
    // A finished delete: the relay forgets it (404) or shows it deleted.
    QTRY_VERIFY_WITH_TIMEOUT(state(relayId).isEmpty() || state(relayId) == u"deleted", 10000);
    for (const QList<QVariant> &e : std::as_const(errors))
        qInfo() << "relay error:" << e;
    engine.shutdown();
}

QTEST_GUILESS_MAIN(TestRelayLink)
#include "tst_relaylink.moc"
