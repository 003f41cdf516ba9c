#pragma once
// TunnelService: the provider's tunnel agent (libs/tunnel Agent) kept in step with the engine.
// Every running deployment the relay placed here is routed (relay deployment id → the
// container's published 127.0.0.1 port, the port WsRelayLink reports in `status`); the route is
// removed as soon as the deployment stops running or goes away. The agent connects only to
// routed ports (it enforces that itself).
//
//   TunnelService tunnel(engine, {.host = u"relay.example"_s, .port = 7000, .key = key});
//   connect(&link, &WsRelayLink::registered, &tunnel, &TunnelService::setMachineId);
//
// The machine id is the provider id from the relay's hello ack, so the agent starts only once it
// is known, and is rebuilt if it ever changes. Thread: the engine's. Ownership: owns the agent.

#include <tunnel/agent.h>

#include <QObject>

#include <memory>

namespace ttalkak::provider {

class ProviderEngine;

struct TunnelServiceConfig
{
    QString host;
    quint16 port = 0;
    QString key; // the provider registration key
    std::optional<QSslConfiguration> tls;
    int connections = 2;
};

class TunnelService : public QObject
{
    Q_OBJECT
public:
    TunnelService(ProviderEngine &engine, TunnelServiceConfig config, QObject *parent = nullptr);
    ~TunnelService() override;

    void setMachineId(const QString &machineId);
    QString machineId() const { return m_machineId; }
    // Relay deployment id → loopback port, as given to the agent.
    QHash<QString, quint16> routes() const { return m_routes; }
    tunnel::Agent *agent() const { return m_agent.get(); }

Q_SIGNALS:
    void routesChanged();

private:
    void sync(const QString &localId);
    void apply(const QString &relayId, quint16 port);

    ProviderEngine &m_engine;
    TunnelServiceConfig m_config;
    QString m_machineId;
    std::unique_ptr<tunnel::Agent> m_agent;
    QHash<QString, quint16> m_routes;
};

} // namespace ttalkak::provider
