#pragma once
// RelayConnection: everything between one ProviderEngine and one relay, built and wired in one
// place so main() and the tests assemble the same graph: the control link (WsRelayLink), the
// usage meter feeding it, container logs forwarded to it, and — when a tunnel address is
// given — the tunnel agent (TunnelService) started with the provider id the relay confirms.
//
//   RelayConnection relay(engine, {.relayUrl = url, .key = key, .tunnelHost = h, .tunnelPort = 7000});
//   relay.start();      // engine.setRelayLink(&relay.link()), then connect
//
// Destroying it gives the engine back its offline link. Thread: the engine's.

#include "tunnelservice.h"
#include "usagemeter.h"
#include "wsrelaylink.h"

#include <QObject>

#include <memory>

namespace ttalkak::provider {

class ProviderEngine;

struct RelayConnectionOptions
{
    QUrl relayUrl;
    QString key;
    QString tunnelHost; // "" = no tunnel agent
    quint16 tunnelPort = 0;
    std::optional<QSslConfiguration> tls; // for both wss:// and the tunnel
    OfferParser parser;
};

class RelayConnection : public QObject
{
    Q_OBJECT
public:
    RelayConnection(ProviderEngine &engine, RelayConnectionOptions options, QObject *parent = nullptr);
    ~RelayConnection() override;

    void start();
    void stop();

    WsRelayLink &link() { return *m_link; }
    UsageMeter &meter() { return m_meter; }
    TunnelService *tunnel() const { return m_tunnel.get(); }

private:
    ProviderEngine &m_engine;
    std::unique_ptr<WsRelayLink> m_link;
    UsageMeter m_meter;
    std::unique_ptr<TunnelService> m_tunnel;
};

} // namespace ttalkak::provider
