#pragma once
// RestApi: the JSON API for deployers and the CLI (docs/protocol.md, "REST"). Every route but
// sign-up, sign-in and /healthz needs "Authorization: Bearer <user token>"; provider keys are
// for the control socket only. Resources are looked up through the caller's user id, so another
// user's project, deployment, database, token or provider answers 404 exactly like a missing one.

#include "accesslogstore.h"
#include "accountstore.h"
#include "blobstore.h"
#include "databaseaccessstore.h"
#include "containerlogstore.h"
#include "customdomainstore.h"
#include "appspec.h"
#include "summaryservice.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "ledger.h"
#include "metricsregistry.h"
#include "pagecache.h"
#include "passwordhasher.h"
#include "ratelimiter.h"
#include "relayconfig.h"
#include "resourcestore.h"
#include "scheduler.h"

namespace ttalkak::relay {

class RestApi
{
public:
    RestApi(const RelayConfig &config, AccountStore &accounts, ResourceStore &resources, Scheduler &scheduler,
            Ledger &ledger, MetricsRegistry &metrics, AccessLogStore &accessLogs, ContainerLogStore &containerLogs,
            SummaryService &summaries, BlobStore &blobs, DatabaseAccessStore &databaseAccess, CustomDomainStore &domains);

    HttpResponse handle(const HttpRequest &request);
    // For HttpServer::setSinkProvider: an authenticated blob upload streams to disk.
    std::shared_ptr<HttpBodySink> bodySinkFor(const HttpRequest &head);
    // Called after a database's allow-list changed (DatabaseIngress::sync).
    void setDatabaseAccessChanged(std::function<void()> hook) { m_databaseAccessChanged = std::move(hook); }

private:
    HttpResponse route(const HttpRequest &request, const QList<QByteArray> &parts);
    HttpResponse signUp(const HttpRequest &request);
    HttpResponse signIn(const HttpRequest &request);
    HttpResponse tokens(const HttpRequest &request, const Principal &who, const QList<QByteArray> &parts);
    HttpResponse providers(const HttpRequest &request, const Principal &who, const QList<QByteArray> &parts);
    HttpResponse projects(const HttpRequest &request, const Principal &who, const QList<QByteArray> &parts);
    HttpResponse deployments(const HttpRequest &request, const Principal &who, const QList<QByteArray> &parts,
                             const QString &kind);
    HttpResponse createDeployment(const HttpRequest &request, const Principal &who, const QString &kind);
    HttpResponse deploymentCommand(const HttpRequest &request, const Principal &who, const Deployment &d);
    HttpResponse allowList(const HttpRequest &request, const Deployment &d);
    HttpResponse blobs(const HttpRequest &request, const Principal &who, const QList<QByteArray> &parts);
    // The REST form: no database secrets; a database's owner view adds `connection`.
    QJsonObject deploymentJson(const Deployment &d, bool withConnection) const;
    HttpResponse metricsEndpoint(const HttpRequest &request);
    HttpResponse logs(const HttpRequest &request, const Deployment &d);
    HttpResponse metricBuckets(const HttpRequest &request, const Deployment &d);
    HttpResponse summary(const HttpRequest &request, const Deployment &d);
    HttpResponse usage(const HttpRequest &request, const Deployment &d);
    HttpResponse info(const HttpRequest &request) const;
    // /v1/deployments/{id}/domains[/{host}[/verify]] (apps only).
    HttpResponse domains(const HttpRequest &request, const Deployment &d, const QList<QByteArray> &parts);
    HttpResponse verifyDomain(const Deployment &d, const CustomDomain &domain);
    IngressLimits ingressLimits() const { return {m_config.ingressMaxConnections, m_config.ingressBandwidthBps}; }

    const RelayConfig &m_config;
    AccountStore &m_accounts;
    ResourceStore &m_resources;
    Scheduler &m_scheduler;
    Ledger &m_ledger;
    MetricsRegistry &m_metrics;
    AccessLogStore &m_accessLogs;
    ContainerLogStore &m_containerLogs;
    SummaryService &m_summaries;
    BlobStore &m_blobs;
    DatabaseAccessStore &m_databaseAccess;
    CustomDomainStore &m_domains;
    std::function<void()> m_databaseAccessChanged;
    PasswordHasher m_hasher;
    RateLimiter m_signinLimiter;
    PageCache m_projectPages;
};

} // namespace ttalkak::relay
