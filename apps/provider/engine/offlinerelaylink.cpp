#include "offlinerelaylink.h"

#include <QTimer>

namespace ttalkak::provider {

void OfflineRelayLink::hello(const Caps &, const MachineResources &, const QList<RunningDeployment> &running)
{
    m_lastHello = running;
}

void OfflineRelayLink::reportStatus(const Deployment &)
{
    ++m_statusReports;
}

void OfflineRelayLink::handBack(const QString &deploymentId, int, const QString &)
{
    m_handedBack.append(deploymentId);
    // Asynchronous like the real link: the engine must not see the answer inside its own call.
    QTimer::singleShot(0, this, [this, deploymentId] { Q_EMIT handBackDone(deploymentId); });
}

} // namespace ttalkak::provider
