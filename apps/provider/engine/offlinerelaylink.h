#pragma once
// OfflineRelayLink: the RelayLink used until a relay is configured. Never connected, sends
// nothing, and acknowledges a hand-back at once (there is nobody to hand it to), so draining
// works locally. Tests use it to observe what the engine would have told the relay.

#include "relaylink.h"

namespace ttalkak::provider {

class OfflineRelayLink : public RelayLink
{
    Q_OBJECT
public:
    using RelayLink::RelayLink;

    bool isConnected() const override { return false; }
    void hello(const Caps &, const MachineResources &, const QList<RunningDeployment> &running) override;
    void heartbeat(const QList<RunningDeployment> &, const QList<UsageReport> &) override { }
    void answerOffer(const QString &, const JobFit &) override { }
    void reportStatus(const Deployment &deployment) override;
    void reportRemoved(const QString &, int) override { ++m_statusReports; }
    void handBack(const QString &deploymentId, int generation, const QString &reason) override;

    // What the engine reported, newest last.
    QStringList handedBack() const { return m_handedBack; }
    QList<RunningDeployment> lastHello() const { return m_lastHello; }
    int statusReports() const { return m_statusReports; }

private:
    QStringList m_handedBack;
    QList<RunningDeployment> m_lastHello;
    int m_statusReports = 0;
};

} // namespace ttalkak::provider
