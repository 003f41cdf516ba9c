#pragma once
// RelayLink: the engine's only view of the relay (docs/protocol.md, control WebSocket). The
// engine talks to this interface; WsRelayLink speaks the protocol, OfflineRelayLink stands in
// when no relay is configured. Deployment ids here are the engine's (see OfferParser::localId).
//
// Provider → relay: the calls below, fire-and-forget (the link queues or drops while offline and
// re-sends a fresh `hello` on reconnect; the relay reconciles from it).
// Relay → provider: the signals. A hand-back completes when handBackDone fires: the relay has
// taken the deployment back for rescheduling and the engine may stop and remove it.
// Thread: the engine's thread. Ownership: the caller of ProviderEngine::setRelayLink keeps it.

#include "caps.h"
#include "deployment.h"
#include "jobfit.h"
#include "jobrequest.h"
#include "logbuffer.h"

#include <QJsonObject>
#include <QObject>

namespace ttalkak::provider {

struct RunningDeployment
{
    QString deploymentId;
    int generation = 0;
    Deployment::State state = Deployment::State::Running;
};

struct UsageReport // one minute of one deployment, as the relay meters it
{
    QString deploymentId;
    qint64 intervalStart = 0; // epoch seconds, multiple of 60
    int seconds = 0; // 1..60 seconds the container ran in that minute
    double cpuPercent = 0;
    double memoryMb = 0;
};

enum class RelayCommand { Start, Stop, Restart, Redeploy, Delete, Remove };

class RelayLink : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~RelayLink() override;

    virtual bool isConnected() const = 0;

    // `hello`: what this machine offers and what already runs here (after re-adoption).
    virtual void hello(const Caps &caps, const MachineResources &machine, const QList<RunningDeployment> &running) = 0;
    // `heartbeat`: liveness plus metered usage.
    virtual void heartbeat(const QList<RunningDeployment> &running, const QList<UsageReport> &usage) = 0;
    // `accept` / `reject` of an offer; reasons come from JobFit.
    virtual void answerOffer(const QString &offer, const JobFit &fit) = 0;
    // `status`: building | running | stopped | failed, from the deployment's state.
    virtual void reportStatus(const Deployment &deployment) = 0;
    // `status removed`: the deployment and its container, network and volume are gone.
    virtual void reportRemoved(const QString &deploymentId, int generation) = 0;
    // Drain: give the deployment back for rescheduling elsewhere (`status removed` without a
    // delete request). Answered by handBackDone.
    virtual void handBack(const QString &deploymentId, int generation, const QString &reason) = 0;
    // `build-progress`: one line of a build's output (image builds only).
    virtual void buildProgress(const QString &deploymentId, const QString &line);
    // `logs`: container output as it arrives; the link batches and may drop while offline.
    virtual void logs(const QString &deploymentId, const QList<LogEntry> &entries);

Q_SIGNALS:
    void connectedChanged(bool connected);
    // `offer`: the engine checks JobFit, answers with answerOffer, and runs it when accepted.
    void offered(const QString &offer, const ttalkak::provider::JobRequest &request);
    // `command`
    void commanded(ttalkak::provider::RelayCommand command, const QString &deploymentId, int generation);
    // `command redeploy` with its new spec, parsed like an offer; emitted before
    // commanded(Redeploy) when the link can build the request (it knows the deployment's offer).
    void redeployRequested(const ttalkak::provider::JobRequest &request);
    void handBackDone(const QString &deploymentId);
    // This machine's earnings from the relay's ledger (docs/protocol.md, heartbeat ack), in
    // micro-credits: today, month, allTime, pending, settled, days[{day, amount}].
    void earningsChanged(const QJsonObject &earnings);
};

} // namespace ttalkak::provider
