#include "relayconnection.h"
#include "providerengine.h"

namespace ttalkak::provider {

RelayConnection::RelayConnection(ProviderEngine &engine, RelayConnectionOptions options, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    WsRelayLinkConfig c;
    c.url = options.relayUrl;
    c.key = options.key;
    c.tls = options.tls;
    c.parser = std::move(options.parser);
    m_link = std::make_unique<WsRelayLink>(std::move(c));

    connect(&m_engine, &ProviderEngine::usageSampled, &m_meter, &UsageMeter::record);
    connect(&m_engine, &ProviderEngine::deploymentRemoved, &m_meter, &UsageMeter::forget);
    connect(&m_meter, &UsageMeter::minuteClosed, m_link.get(), &WsRelayLink::addUsage);
    connect(&m_engine, &ProviderEngine::logsAppended, m_link.get(), &WsRelayLink::logs);
    // Build output goes to the deployer live (`build-progress`), apart from the container log.
    connect(&m_engine, &ProviderEngine::buildProgress, m_link.get(), &WsRelayLink::buildProgress);

    if (!options.tunnelHost.isEmpty() && options.tunnelPort) {
        m_tunnel = std::make_unique<TunnelService>(
            m_engine, TunnelServiceConfig { options.tunnelHost, options.tunnelPort, options.key, options.tls });
        connect(m_link.get(), &WsRelayLink::registered, m_tunnel.get(), &TunnelService::setMachineId);
    }
}

RelayConnection::~RelayConnection()
{
    if (m_engine.relayLink() == m_link.get())
        m_engine.setRelayLink(nullptr);
}

void RelayConnection::start()
{
    m_engine.setRelayLink(m_link.get());
    m_link->start();
}

void RelayConnection::stop()
{
    m_link->stop();
}

} // namespace ttalkak::provider
