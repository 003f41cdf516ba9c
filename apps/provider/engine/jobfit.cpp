#include "jobfit.h"

namespace ttalkak::provider {

JobFit JobFit::evaluate(const JobRequest &r, const Caps &caps, const Committed &c, const FitContext &ctx)
{
    JobFit fit;
    auto add = [&fit](Reason code, const QString &text) {
        fit.codes.append(code);
        fit.reasons.append(text);
    };
    if (!ctx.engineHealthy)
        add(Reason::EngineDown, tr("The Docker engine is not available."));
    if (!ctx.accepting)
        add(Reason::NotAccepting, tr("Sharing is paused on this machine."));
    if (ctx.duplicate)
        add(Reason::Duplicate, tr("Deployment %1 already runs here.").arg(r.deploymentId));

    QStringList invalid;
    if (!JobRequest::isValidId(r.deploymentId))
        invalid << tr("the deployment id must be 1-48 characters of a-z, 0-9 and '-'");
    if (r.image.isEmpty() && !r.build) // with a build spec the engine makes the image
        invalid << tr("no image");
    if (!(r.cpuCores > 0) || r.memoryMb < Caps::kMinMemoryMb / 4 || r.diskGb < 0)
        invalid << tr("limits must be positive");
    if (r.kind == DeploymentKind::Database && !r.dataPath.startsWith(u'/'))
        invalid << tr("a database needs an absolute data path");
    if (!invalid.isEmpty())
        add(Reason::InvalidRequest, tr("Invalid job: %1.").arg(invalid.join(u"; ")));

    // Compare in millicores so 0.1 + 0.2 does not overshoot 0.3.
    auto millis = [](double cores) { return qRound64(cores * 1000); };
    const qint64 freeCpu = millis(caps.cpuCores) - millis(c.cpuCores);
    if (millis(r.cpuCores) > freeCpu)
        add(Reason::Cpu,
            tr("Needs %1 CPU cores; %2 of the %3 shared are free.")
                .arg(r.cpuCores)
                .arg(qMax<qint64>(0, freeCpu) / 1000.0)
                .arg(caps.cpuCores));
    const qint64 freeMem = caps.memoryMb - c.memoryMb;
    if (r.memoryMb > freeMem)
        add(Reason::Memory,
            tr("Needs %1 MB of memory; %2 of the %3 MB shared are free.")
                .arg(r.memoryMb)
                .arg(qMax<qint64>(0, freeMem))
                .arg(caps.memoryMb));
    const qint64 freeDisk = caps.diskGb - c.diskGb;
    if (r.diskGb > freeDisk)
        add(Reason::Disk,
            tr("Needs %1 GB of disk; %2 of the %3 GB shared are free.")
                .arg(r.diskGb)
                .arg(qMax<qint64>(0, freeDisk))
                .arg(caps.diskGb));
    if (c.deployments >= caps.maxDeployments)
        add(Reason::Count, tr("Already running %n deployment(s), the most allowed.", nullptr, c.deployments));
    return fit;
}

} // namespace ttalkak::provider
