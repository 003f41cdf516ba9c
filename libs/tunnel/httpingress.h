#pragma once
// HttpIngress: the relay's public HTTP/1.1 entrance. Routes each client connection by its Host —
// `<name>.<domain>` or a verified custom domain, through the resolver the relay supplies — to the
// deployment's tunnel, one tunnel stream per client connection (kept alive across requests).
// Requests are parsed with Debian's http-parser and re-headed with X-Forwarded-For/Proto/Host;
// bodies stream in both directions under the tunnel's flow control (chunked, large uploads and
// downloads, WebSocket upgrades passed through). When the deployment cannot answer, the client
// gets a clean page: 404 unknown host, 502 provider gone (no tunnel, refused, dropped), 503 busy
// (per-deployment connection limit), 504 slow (no response head within responseTimeoutMs).
// A per-deployment byte rate (Route::bandwidthBytesPerSecond) throttles both directions.
//
//   HttpIngress ingress(&hub, {.domain = u"ttalkak.app"_s});
//   ingress.setResolver([&](const HostQuery &q) { return store.routeFor(q); });
//   connect(&ingress, &HttpIngress::requestLogged, &store, &Store::appendAccessLog);
//   ingress.listen(QHostAddress::Any, 80);
//
// Ownership: a QObject; owns listener and sessions; does not own the hub. Thread: the hub's thread.
// Signal: requestLogged once per request (also for error pages and 499 client-gone rows).

#include "accesslogentry.h"
#include "route.h"

#include <core/result.h>

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <optional>

namespace ttalkak::tunnel {

namespace Internal {
class IngressSession;
class Listener;
} // namespace Internal
class TokenBucket;
class TunnelHub;

struct HttpIngressConfig
{
    QString domain; // "<name>.<domain>" hosts go to resolver with name set
    QByteArray forwardedProto; // X-Forwarded-Proto; empty: "https" with TLS, else "http"
    int responseTimeoutMs = 60000; // 504 when the response head is slower
    int idleTimeoutMs = 60000; // keep-alive / slow request-head limit
};

class HttpIngress : public QObject
{
    Q_OBJECT
public:
    using Resolver = std::function<std::optional<Route>(const HostQuery &query)>;
    // Consulted only when the resolver has no route for a connection's first request: a body to
    // answer with itself (200 text/plain, Connection: close), or nullopt for the 404 page. The
    // relay answers custom-domain ownership challenges (/.well-known/ttalkak/<token>) this way.
    using LocalResponder = std::function<std::optional<QByteArray>(const HostQuery &query, const QString &path)>;

    HttpIngress(TunnelHub *hub, HttpIngressConfig config, QObject *parent = nullptr);
    ~HttpIngress() override;

    void setResolver(Resolver resolver) { m_resolver = std::move(resolver); }
    void setLocalResponder(LocalResponder responder) { m_localResponder = std::move(responder); }
    void setTls(const std::optional<QSslConfiguration> &config);
    core::Result<void> listen(const QHostAddress &address, quint16 port = 0);
    quint16 serverPort() const;
    void close();

    int sessionCount() const { return m_sessions; }
    int activeConnections(const QString &deployment) const;

    static HostQuery hostQuery(const QByteArray &hostHeader, const QString &domain);

Q_SIGNALS:
    void requestLogged(const ttalkak::tunnel::AccessLogEntry &entry);

private:
    friend class Internal::IngressSession;
    struct DeploymentState
    {
        int connections = 0;
        std::shared_ptr<TokenBucket> bucket;
        qint64 rate = 0;
    };
    std::optional<Route> resolve(const QByteArray &hostHeader) const;
    std::optional<QByteArray> answerLocally(const QByteArray &hostHeader, const QString &path) const;
    DeploymentState &state(const Route &route);
    void release(const QString &deployment);

    TunnelHub *m_hub;
    HttpIngressConfig m_config;
    Resolver m_resolver;
    LocalResponder m_localResponder;
    Internal::Listener *m_listener;
    QHash<QString, DeploymentState> m_deployments;
    int m_sessions = 0;
};

} // namespace ttalkak::tunnel
