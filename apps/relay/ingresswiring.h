#pragma once
// IngressWiring: joins libs/tunnel to the relay's stores. Owns the TunnelHub (providers' agents
// authenticate with their provider id + registration key, checked against AccountStore like any
// bearer token: by hash) and the HttpIngress (Host `<name>.<domain>` → the running deployment's
// provider and the container port it reported in `status`, see ResourceStore::ingressTarget).
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

namespace ttalkak::tunnel {
class HttpIngress;
class TunnelHub;
struct AccessLogEntry;
} // namespace ttalkak::tunnel

namespace ttalkak::relay {

class AccessLogStore;
class AccountStore;
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
        QString domain;
        QString tlsCertificate; // PEM; the hub speaks TLS when both are set
        QString tlsKey;
        int flushIntervalMs = 200;
        int maxBatch = 500;
    };

    IngressWiring(AccountStore &accounts, ResourceStore &resources, AccessLogStore &accessLogs, Options options,
                  QObject *parent = nullptr);
    ~IngressWiring() override;

    core::Result<void> start();
    // Stops both listeners, drops agent connections and writes the pending access-log rows.
    void stop();
    void flush();

    tunnel::TunnelHub *hub() const { return m_hub.get(); } // for DatabaseIngress
    quint16 tunnelPort() const;
    quint16 ingressPort() const;
    int connectedMachines() const;
    int ingressSessions() const;

private:
    void onRequestLogged(const tunnel::AccessLogEntry &entry);

    AccountStore &m_accounts;
    ResourceStore &m_resources;
    AccessLogStore &m_accessLogs;
    Options m_options;
    std::unique_ptr<tunnel::TunnelHub> m_hub;
    std::unique_ptr<tunnel::HttpIngress> m_ingress;
    QList<AccessLogRow> m_pending;
    QTimer m_flushTimer;
};

} // namespace ttalkak::relay
