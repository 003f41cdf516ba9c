#pragma once
// JobFit: whether a job may run here now, and if not, every reason why (shown to the owner and
// sent to the relay with `reject`). Pure: evaluate() looks only at its arguments.
//
//   const JobFit fit = JobFit::evaluate(request, caps, committed, {.engineHealthy = true});
//   if (!fit) relay.reject(offer, fit.reasons.join(u"; "));

#include "caps.h"
#include "jobrequest.h"

#include <QCoreApplication>
#include <QStringList>

namespace ttalkak::provider {

// What the deployments already placed here reserve.
struct Committed
{
    double cpuCores = 0;
    qint64 memoryMb = 0;
    qint64 diskGb = 0;
    int deployments = 0;
};

struct FitContext
{
    bool engineHealthy = true;
    bool accepting = true; // false while sharing is paused or draining
    bool duplicate = false; // a deployment with this id already runs here
};

struct JobFit
{
    Q_DECLARE_TR_FUNCTIONS(JobFit)
public:
    enum class Reason { EngineDown, NotAccepting, Duplicate, InvalidRequest, Cpu, Memory, Disk, Count };

    QList<Reason> codes;
    QStringList reasons; // translated, one per code

    bool fits() const { return codes.isEmpty(); }
    explicit operator bool() const { return fits(); }

    static JobFit evaluate(
        const JobRequest &request, const Caps &caps, const Committed &committed, const FitContext &context);
};

} // namespace ttalkak::provider
