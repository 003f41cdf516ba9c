// ttalkak-relay: reads the configuration and builds the object graph; the work is done by the
// classes in ttalkak_relay_lib.
#include "accesslogstore.h"
#include "accountstore.h"
#include "blobstore.h"
#include "containerlogstore.h"
#include "customdomainstore.h"
#include "databaseaccessstore.h"
#include "databaseingress.h"
#include "controlserver.h"
#include "database.h"
#include "httpserver.h"
#include "ingresswiring.h"
#include "ledger.h"
#include "llmclient.h"
#include "logformat.h"
#include "logging.h"
#include "metricsregistry.h"
#include "relayconfig.h"
#include "resourcestore.h"
#include "restapi.h"
#include "scheduler.h"
#include "signalwatcher.h"
#include "summaryservice.h"

#include <tunnel/allocator.h>
#include <tunnel/epolldispatcher.h>

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTextStream>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace ttalkak::relay;

int main(int argc, char *argv[])
{
    ttalkak::tunnel::tuneAllocator(); // the ingress pumps bulk data (libs/tunnel/allocator.h)
    ttalkak::tunnel::installEpollDispatcher(); // many sockets, few ready per pass (epolldispatcher.h)
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ttalkak-relay"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);

    auto config = RelayConfig::fromArguments(QCoreApplication::arguments());
    if (!config) {
        if (config.error().code() == ttalkak::core::ErrorCode::Cancelled) { // --help / --version
            QTextStream(stdout) << config.error().message() << '\n';
            return 0;
        }
        QTextStream(stderr) << "ttalkak-relay: " << config.error().toString() << '\n';
        return 2;
    }
    installLogFormat(config->logJson);

    auto db = Database::open(config->resolvedDatabaseUrl());
    if (!db) {
        qCCritical(lcRelay).noquote() << "cannot open the store:" << db.error().toString();
        return 1;
    }
    if (auto m = (*db)->migrate(); !m) {
        qCCritical(lcRelay).noquote() << "migration failed:" << m.error().toString();
        return 1;
    }

    AccountStore accounts(**db);
    ResourceStore resources(**db);
    Ledger ledger(**db, config->feeBasisPoints);
    MetricsRegistry metrics;
    Scheduler scheduler(**db, accounts, resources,
                        {config->offerTimeoutMs, config->heartbeatTimeoutMs, 200});
    const LogRetention retention{config->logRetentionMs, config->logMaxBytes};
    AccessLogStore accessLogs(**db, retention); // fed by the HTTP ingress
    ttalkak::core::LogTemplateMiner::Params minerParams;
    minerParams.maxTemplates = 2000; // per deployment; the least recently matched go first
    ContainerLogStore containerLogs(**db, retention, minerParams);
    ControlServer control(accounts, resources, scheduler, ledger, containerLogs,
                          {config->maxFrameBytes, config->heartbeatIntervalMs, config->shutdownGraceMs});
    LlmClient llm({QUrl(config->llmUrl), config->llmModel, config->llmApiKey, config->llmTimeoutMs});
    SummaryService summaries(accessLogs, containerLogs, &llm, {config->llmMaxTokens, config->llmTokenBudget, config->llmRefreshMs});
    BlobStore blobs(**db, config->dataDir, config->maxBlobBytes);
    DatabaseAccessStore databaseAccess(**db);
    CustomDomainStore domains(**db);
    RestApi rest(*config, accounts, resources, scheduler, ledger, metrics, accessLogs, containerLogs, summaries, blobs,
                 databaseAccess, domains);
    HttpServer http({16 * 1024, config->maxBodyBytes, 60000});
    http.setHandler([&rest](const HttpRequest &request) { return rest.handle(request); });
    http.setSinkProvider([&rest](const HttpRequest &head) { return rest.bodySinkFor(head); });
    http.setUpgradeHandler([&control](const HttpRequest &request, QTcpSocket *socket, HttpResponse *rejection) {
        return control.acceptUpgrade(request, socket, rejection);
    });

    Database &store = **db;
    auto countQuery = [&store](const QString &sql) -> qint64 {
        auto q = store.exec(sql);
        return q && q->next() ? q->value(0).toLongLong() : -1;
    };
    metrics.addGauge("ttalkak_relay_control_sessions", "open control WebSocket sessions", [&control] { return control.sessionCount(); });
    metrics.addGauge("ttalkak_relay_providers_connected", "providers with a live session", [&control] { return control.providerCount(); });
    metrics.addGauge("ttalkak_relay_http_connections", "open HTTP connections", [&http] { return http.connectionCount(); });
    metrics.addGauge("ttalkak_relay_deployments_queued", "deployments waiting for a provider",
                     [countQuery] { return countQuery(u"SELECT COUNT(*) FROM deployments WHERE state = 'queued'"_s); });
    metrics.addGauge("ttalkak_relay_deployments_placed", "deployments placed on a provider",
                     [countQuery] { return countQuery(u"SELECT COUNT(*) FROM deployments WHERE provider_id IS NOT NULL AND state NOT IN ('queued','deleted')"_s); });
    metrics.addGauge("ttalkak_relay_ledger_entries", "ledger entries", [countQuery] { return countQuery(u"SELECT COUNT(*) FROM ledger_entries"_s); });

    // Public ingress: providers' tunnel agents and the HTTP entrance for <name>.<domain>.
    std::unique_ptr<IngressWiring> ingress;
    std::unique_ptr<DatabaseIngress> databaseIngress; // declared after the hub's owner: destroyed first
    if (config->tunnelEnabled) {
        IngressWiring::Options options;
        options.tunnelAddress = config->tunnelAddress;
        options.tunnelPort = config->tunnelPort;
        options.ingressEnabled = config->ingressEnabled;
        options.ingressAddress = config->ingressAddress;
        options.ingressPort = config->ingressPort;
        options.ingressTlsEnabled = config->ingressTlsEnabled;
        options.ingressTlsAddress = config->ingressTlsAddress;
        options.ingressTlsPort = config->ingressTlsPort;
        options.domain = config->domain;
        options.tlsCertificate = config->tlsCertificate;
        options.tlsKey = config->tlsKey;
        options.maxConnections = config->ingressMaxConnections;
        options.bandwidthBytesPerSecond = config->ingressBandwidthBps;
        ingress = std::make_unique<IngressWiring>(accounts, resources, accessLogs, domains, options);
        if (auto s = ingress->start(); !s) {
            qCCritical(lcRelay).noquote() << "cannot start the ingress:" << s.error().toString();
            return 1;
        }
        // Port 0 meant "any free port": from here on the config (which RestApi reads for /v1/info,
        // apps' urls and domain checks) holds the ports actually bound.
        config->tunnelPort = ingress->tunnelPort();
        config->ingressPort = ingress->ingressPort();
        config->ingressTlsPort = ingress->ingressTlsPort();
        qCInfo(lcRelay).noquote() << "tunnel listening" << (u"address="_s + config->tunnelAddress.toString())
                                  << (u"port="_s + QString::number(ingress->tunnelPort()))
                                  << (u"tls="_s + (config->tlsEnabled() ? u"1"_s : u"0"_s));
        if (config->ingressEnabled)
            qCInfo(lcRelay).noquote() << "ingress listening" << (u"address="_s + config->ingressAddress.toString())
                                      << (u"port="_s + QString::number(ingress->ingressPort()))
                                      << (u"domain="_s + config->domain);
        if (config->ingressTlsEnabled)
            qCInfo(lcRelay).noquote() << "https ingress listening" << (u"address="_s + config->ingressTlsAddress.toString())
                                      << (u"port="_s + QString::number(ingress->ingressTlsPort()))
                                      << (u"domain="_s + config->domain);
        // Databases: one TCP port each, on the ingress address, restored from the store now.
        databaseIngress = std::make_unique<DatabaseIngress>(ingress->hub(), databaseAccess,
                                                            DatabaseIngress::Options{config->ingressAddress, 2000});
        DatabaseIngress *dbi = databaseIngress.get();
        QObject::connect(&scheduler, &Scheduler::deploymentEvent, dbi, &DatabaseIngress::sync, Qt::QueuedConnection);
        rest.setDatabaseAccessChanged([dbi] { dbi->sync(); });
        dbi->start();
        IngressWiring *w = ingress.get();
        metrics.addGauge("ttalkak_relay_tunnel_machines", "provider machines with a live tunnel", [w] { return w->connectedMachines(); });
        metrics.addGauge("ttalkak_relay_ingress_sessions", "open public ingress connections", [w] { return w->ingressSessions(); });
    }

    if (auto l = http.listen(config->listenAddress, config->listenPort, config->tlsCertificate, config->tlsKey); !l) {
        qCCritical(lcRelay).noquote() << "cannot listen:" << l.error().toString();
        return 1;
    }
    qCInfo(lcRelay).noquote() << "listening" << (u"address="_s + config->listenAddress.toString())
                              << (u"port="_s + QString::number(http.port())) << (u"tls="_s + (http.isTls() ? u"1"_s : u"0"_s))
                              << (u"store="_s + store.describe()) << (u"domain="_s + config->domain);
    if (llm.isConfigured()) // the key is never logged
        qCInfo(lcRelay).noquote() << "llm summaries" << (u"url="_s + llm.options().url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery))
                                  << (u"model="_s + llm.options().model);
    scheduler.start();

    // Settlement and credit enforcement, at least once per settlement interval.
    QTimer settlement;
    settlement.setInterval(config->settlementIntervalMs);
    QObject::connect(&settlement, &QTimer::timeout, &app, [&] {
        if (auto s = ledger.settle(); !s)
            qCWarning(lcLedger).noquote() << "settlement failed:" << s.error().toString();
        auto overdrawn = ledger.overdrawnUsers(config->creditGraceMs);
        if (!overdrawn) {
            qCWarning(lcLedger).noquote() << "credit check failed:" << overdrawn.error().toString();
            return;
        }
        for (const QString &user : std::as_const(*overdrawn))
            (void)scheduler.stopAllFor(user, u"out of credit"_s);
    });
    settlement.start();

    // Log age limits for deployments that stopped sending (appends enforce both limits).
    QTimer logSweep;
    logSweep.setInterval(int(std::clamp<qint64>(config->logRetentionMs / 10, 1000, 3600000)));
    QObject::connect(&logSweep, &QTimer::timeout, &app, [&] {
        const qint64 now = Database::nowMs();
        if (auto r = accessLogs.sweep(now); !r)
            qCWarning(lcStore).noquote() << "access log sweep failed:" << r.error().toString();
        if (auto r = containerLogs.sweep(now); !r)
            qCWarning(lcStore).noquote() << "container log sweep failed:" << r.error().toString();
    });
    logSweep.start();

    // Graceful shutdown: stop accepting, tell clients, let them read it, then leave. Every
    // state change is already committed, so there is nothing else to persist.
    SignalWatcher signalWatcher({SIGTERM, SIGINT});
    QTimer drain;
    drain.setInterval(20);
    qint64 drainDeadline = 0;
    QObject::connect(&drain, &QTimer::timeout, &app, [&] {
        if ((control.sessionCount() == 0 && http.connectionCount() == 0) || Database::nowMs() >= drainDeadline)
            QCoreApplication::quit();
    });
    QObject::connect(&signalWatcher, &SignalWatcher::received, &app, [&](int number) {
        if (drain.isActive())
            return;
        qCInfo(lcRelay).noquote() << "shutting down" << (u"signal="_s + QString::number(number));
        settlement.stop();
        logSweep.stop();
        scheduler.stop();
        http.stop();
        if (databaseIngress)
            databaseIngress->stop();
        if (ingress)
            ingress->stop();
        control.shutdown();
        drainDeadline = Database::nowMs() + config->shutdownGraceMs;
        drain.start();
    });

    const int rc = QCoreApplication::exec();
    qCInfo(lcRelay) << "stopped";
    return rc;
}
