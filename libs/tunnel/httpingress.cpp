#include "httpingress.h"

#include "ingresssession_p.h"
#include "listener_p.h"
#include "logging.h"
#include "tokenbucket.h"
#include "tunnelhub.h"

#include <QUrl>

namespace ttalkak::tunnel {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

HttpIngress::HttpIngress(TunnelHub *hub, HttpIngressConfig config, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_config(std::move(config))
    , m_listener(new Internal::Listener(this))
{
    qRegisterMetaType<AccessLogEntry>();
    m_config.domain = m_config.domain.toLower();
    connect(m_listener, &Internal::Listener::accepted, this, [this](QTcpSocket *socket) {
        auto *session = new Internal::IngressSession(this, socket);
        ++m_sessions;
        connect(session, &QObject::destroyed, this, [this] { --m_sessions; });
    });
}

HttpIngress::~HttpIngress()
{
    // Sessions call back into us (release()) when they go; they must go while we are whole.
    qDeleteAll(findChildren<Internal::IngressSession *>(Qt::FindDirectChildrenOnly));
}

void HttpIngress::setTls(const std::optional<QSslConfiguration> &config)
{
    m_listener->setSslConfiguration(config);
}

core::Result<void> HttpIngress::listen(const QHostAddress &address, quint16 port)
{
    if (m_config.forwardedProto.isEmpty())
        m_config.forwardedProto = m_listener->isTls() ? "https"_ba : "http"_ba;
    if (!m_listener->listen(address, port))
        return Error(ErrorCode::Io,
            tr("Cannot listen for HTTP on %1:%2: %3").arg(address.toString()).arg(port).arg(m_listener->errorString()));
    qCInfo(lcIngress) << "HTTP ingress listening on" << address << m_listener->serverPort();
    return core::ok();
}

quint16 HttpIngress::serverPort() const
{
    return m_listener->serverPort();
}

void HttpIngress::close()
{
    m_listener->close();
}

int HttpIngress::activeConnections(const QString &deployment) const
{
    return m_deployments.value(deployment).connections;
}

HostQuery HttpIngress::hostQuery(const QByteArray &hostHeader, const QString &domain)
{
    // QUrl does the IDNA and bracketed-IPv6 handling; the port is irrelevant for routing.
    QUrl url;
    url.setAuthority(QString::fromLatin1(hostHeader), QUrl::StrictMode);
    QString host = url.host(QUrl::FullyDecoded).toLower();
    if (host.endsWith(u'.'))
        host.chop(1);
    HostQuery query;
    query.host = host;
    if (!domain.isEmpty() && host.size() > domain.size() + 1 && host.endsWith(domain)
        && host.at(host.size() - domain.size() - 1) == u'.') {
        const QString name = host.left(host.size() - domain.size() - 1);
        if (!name.contains(u'.'))
            query.name = name;
    }
    return query;
}

std::optional<Route> HttpIngress::resolve(const QByteArray &hostHeader) const
{
    if (!m_resolver || hostHeader.isEmpty())
        return std::nullopt;
    const HostQuery query = hostQuery(hostHeader, m_config.domain);
    if (query.host.isEmpty())
        return std::nullopt;
    return m_resolver(query);
}

std::optional<QByteArray> HttpIngress::answerLocally(const QByteArray &hostHeader, const QString &path) const
{
    if (!m_localResponder || hostHeader.isEmpty())
        return std::nullopt;
    const HostQuery query = hostQuery(hostHeader, m_config.domain);
    if (query.host.isEmpty())
        return std::nullopt;
    return m_localResponder(query, path);
}

HttpIngress::DeploymentState &HttpIngress::state(const Route &route)
{
    DeploymentState &s = m_deployments[route.deployment];
    if (s.rate != route.bandwidthBytesPerSecond || (!s.bucket && route.bandwidthBytesPerSecond > 0)) {
        s.rate = route.bandwidthBytesPerSecond;
        s.bucket = route.bandwidthBytesPerSecond > 0 ? std::make_shared<TokenBucket>(route.bandwidthBytesPerSecond)
                                                     : nullptr;
    }
    return s;
}

void HttpIngress::release(const QString &deployment)
{
    auto it = m_deployments.find(deployment);
    if (it == m_deployments.end())
        return;
    if (--it->connections <= 0)
        m_deployments.erase(it);
}

} // namespace ttalkak::tunnel
