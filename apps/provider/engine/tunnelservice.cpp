#include "tunnelservice.h"
#include "offerparser.h"
#include "providerengine.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace ttalkak::provider {

namespace {
Q_LOGGING_CATEGORY(lcTunnel, "ttalkak.provider.tunnel", QtInfoMsg)
}

TunnelService::TunnelService(ProviderEngine &engine, TunnelServiceConfig config, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_config(std::move(config))
{
    connect(&m_engine, &ProviderEngine::deploymentAdded, this, &TunnelService::sync);
    connect(&m_engine, &ProviderEngine::deploymentChanged, this, &TunnelService::sync);
    connect(&m_engine, &ProviderEngine::deploymentRemoved, this, &TunnelService::sync);
    for (const QString &id : m_engine.deploymentIds())
        sync(id);
}

TunnelService::~TunnelService() = default;

void TunnelService::setMachineId(const QString &machineId)
{
    if (machineId.isEmpty() || machineId == m_machineId)
        return;
    m_machineId = machineId;
    tunnel::AgentConfig c;
    c.host = m_config.host;
    c.port = m_config.port;
    c.machineId = machineId;
    c.key = m_config.key.toUtf8();
    c.connections = std::max(1, m_config.connections);
    c.tls = m_config.tls;
    m_agent = std::make_unique<tunnel::Agent>(c);
    connect(m_agent.get(), &tunnel::Agent::authenticationFailed, this,
        [](const QString &reason) { qCWarning(lcTunnel).noquote() << "tunnel refused the provider key:" << reason; });
    for (auto it = m_routes.cbegin(); it != m_routes.cend(); ++it)
        m_agent->setRoute(it.key(), it.value());
    qCInfo(lcTunnel).noquote() << "tunnel agent for" << machineId << "to" << m_config.host << m_config.port << "with"
                               << m_routes.size() << "route(s)";
    m_agent->start();
}

void TunnelService::sync(const QString &localId)
{
    const QString relayId = OfferParser::relayId(localId);
    if (OfferParser::localId(relayId) != localId)
        return; // not a relay deployment: nothing can reach it through the tunnel
    const Deployment *d = m_engine.deployment(localId);
    const bool serving = d && d->state == Deployment::State::Running && d->hostPort != 0;
    apply(relayId, serving ? d->hostPort : 0);
}

void TunnelService::apply(const QString &relayId, quint16 port)
{
    if (m_routes.value(relayId) == port)
        return;
    if (port) {
        m_routes.insert(relayId, port);
        if (m_agent)
            m_agent->setRoute(relayId, port);
        qCInfo(lcTunnel).noquote() << "route" << relayId << u"-> 127.0.0.1:%1"_s.arg(port);
    } else {
        m_routes.remove(relayId);
        if (m_agent)
            m_agent->removeRoute(relayId);
        qCInfo(lcTunnel).noquote() << "route" << relayId << "removed";
    }
    Q_EMIT routesChanged();
}

} // namespace ttalkak::provider
