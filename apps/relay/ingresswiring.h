#pragma once
// IngressWiring: joins libs/tunnel to the relay's stores. Owns the TunnelHub (providers' agents
// authenticate with their provider id + registration key, checked against AccountStore like any
// bearer token: by hash) and the HttpIngress listeners, plain and TLS, with the same routes:
// Host `<name>.<domain>` or a verified custom domain → the deployment's provider and the container
// port it reported in `status` (ResourceStore::ingressTarget), with the deployment's connection
// and bandwidth limits (spec.limits, bounded by the relay's maxima). For pending custom domains
// the ingress itself answers the ownership challenge (/.well-known/ttalkak/<token>).
// Each listener counts connections on its own: the limits hold per listener.
// Every HttpIngress::requestLogged row for a deployment goes to AccessLogStore::append, batched:
// one transaction per flush (every flushIntervalMs or maxBatch rows, and on stop()).
//
//   IngressWiring ingress(accounts, resources, accessLogs, {.domain = cfg.domain, ...});
//   if (auto s = ingress.start(); !s) { ... }
//
// Thread: the relay's (only) thread.

#include "accesslogstore.h"

#include <core/result.h>

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

#include <tunnel/route.h>

namespace ttalkak::tunnel {
class HttpIngress;
class TunnelHub;
struct AccessLogEntry;
} // namespace ttalkak::tunnel

namespace ttalkak::relay {

class AccessLogStore;
class AccountStore;
class CustomDomainStore;
class ResourceStore;

class IngressWiring : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QHostAddress tunnelAddress = QHostAddress::LocalHost;
        quint16 tunnelPort = 0;
        bool ingressEnabled = true;
        QHostAddress ingressAddress = QHostAddress::LocalHost;
        quint16 ingressPort = 0;
        bool ingressTlsEnabled = false; // the HTTPS listener (needs the certificate and key)
        QHostAddress ingressTlsAddress = QHostAddress::LocalHost;
        quint16 ingressTlsPort = 0;
        QString domain;
        QString tlsCertificate; // PEM; the hub speaks TLS when both are set
        QString tlsKey;
        int maxConnections = 0; // per deployment: default and maximum; 0 = unlimited
        qint64 bandwidthBytesPerSecond = 0; // likewise
        int flushIntervalMs = 200;
        int maxBatch = 500;
    };

    IngressWiring(AccountStore &accounts, ResourceStore &resources, AccessLogStore &accessLogs, CustomDomainStore &domains,
                  Options options, QObject *parent = nullptr);
    ~IngressWiring() override;

    core::Result<void> start();
    // Stops both listeners, drops agent connections and writes the pending access-log rows.
    void stop();
    void flush();

    tunnel::TunnelHub *hub() const { return m_hub.get(); } // for DatabaseIngress
    quint16 tunnelPort() const;
    quint16 ingressPort() const;
    quint16 ingressTlsPort() const;
    int connectedMachines() const;
    int ingressSessions() const;

private:
    std::unique_ptr<tunnel::HttpIngress> makeIngress();
    std::optional<tunnel::Route> route(const tunnel::HostQuery &query) const;
    std::optional<QByteArray> challengeAnswer(const tunnel::HostQuery &query, const QString &path) const;
    void onRequestLogged(const tunnel::AccessLogEntry &entry);

    AccountStore &m_accounts;
    ResourceStore &m_resources;
    AccessLogStore &m_accessLogs;
    CustomDomainStore &m_domains;
    Options m_options;
    std::unique_ptr<tunnel::TunnelHub> m_hub;
    std::unique_ptr<tunnel::HttpIngress> m_ingress;
    std::unique_ptr<tunnel::HttpIngress> m_tlsIngress;
    QList<AccessLogRow> m_pending;
    QTimer m_flushTimer;
};

} // namespace ttalkak::relay
