#include "caps.h"

#include <core/settings.h>

namespace ttalkak::provider {

using core::Settings;
using Field = CapIssue::Field;
using Severity = CapIssue::Severity;

Caps Caps::load(const Settings &settings)
{
    Caps c;
    c.cpuCores = settings.value(Settings::Key::ProviderCpuCores).toDouble();
    c.memoryMb = settings.value(Settings::Key::ProviderMemoryMb).toLongLong();
    c.diskGb = settings.value(Settings::Key::ProviderDiskGb).toLongLong();
    c.maxDeployments = settings.value(Settings::Key::ProviderMaxDeployments).toInt();
    c.pricePerCpuHour = settings.value(Settings::Key::ProviderPricePerCpuHour).toDouble();
    c.pricePerGbHour = settings.value(Settings::Key::ProviderPricePerGbHour).toDouble();
    return c;
}

void Caps::save(Settings &settings) const
{
    settings.setValue(Settings::Key::ProviderCpuCores, cpuCores);
    settings.setValue(Settings::Key::ProviderMemoryMb, memoryMb);
    settings.setValue(Settings::Key::ProviderDiskGb, diskGb);
    settings.setValue(Settings::Key::ProviderMaxDeployments, maxDeployments);
    settings.setValue(Settings::Key::ProviderPricePerCpuHour, pricePerCpuHour);
    settings.setValue(Settings::Key::ProviderPricePerGbHour, pricePerGbHour);
}

QList<CapIssue> Caps::validate(const MachineResources &machine) const
{
    QList<CapIssue> issues;
    auto add = [&issues](Field f, Severity s, const QString &m) { issues.append({ f, s, m }); };

    if (!(cpuCores > 0))
        add(Field::CpuCores, Severity::Error, tr("Share at least a fraction of a CPU core."));
    else if (machine.cpuCores > 0 && cpuCores > machine.cpuCores)
        add(Field::CpuCores, Severity::Error,
            tr("This machine has %n CPU core(s); you cannot share more.", nullptr, machine.cpuCores));
    else if (machine.cpuCores > 1 && cpuCores >= machine.cpuCores)
        add(Field::CpuCores, Severity::Warning, tr("Sharing every core leaves nothing for your own work."));

    if (memoryMb < kMinMemoryMb)
        add(Field::MemoryMb, Severity::Error, tr("Share at least %1 MB of memory.").arg(kMinMemoryMb));
    else if (machine.memoryTotalMb > 0 && memoryMb > machine.memoryTotalMb - kHostReserveMb)
        add(Field::MemoryMb, Severity::Error,
            tr("This machine has %1 MB of memory and keeps %2 MB for itself; share at most %3 MB.")
                .arg(machine.memoryTotalMb)
                .arg(kHostReserveMb)
                .arg(qMax<qint64>(0, machine.memoryTotalMb - kHostReserveMb)));
    else if (machine.memoryAvailableMb > 0 && memoryMb > machine.memoryAvailableMb)
        add(Field::MemoryMb, Severity::Warning,
            tr("Only %1 MB of memory is free right now.").arg(machine.memoryAvailableMb));

    if (diskGb < 1)
        add(Field::DiskGb, Severity::Error, tr("Share at least 1 GB of disk."));
    else if (machine.diskTotalGb > 0 && diskGb > machine.diskFreeGb)
        add(Field::DiskGb, Severity::Error,
            tr("Only %1 GB of disk is free on %2.").arg(machine.diskFreeGb).arg(machine.diskPath));

    if (maxDeployments < 1 || maxDeployments > kMaxDeploymentsLimit)
        add(Field::MaxDeployments, Severity::Error,
            tr("Allow between 1 and %1 deployments.").arg(kMaxDeploymentsLimit));

    if (pricePerCpuHour < 0 || pricePerGbHour < 0)
        add(Field::Price, Severity::Error, tr("The price cannot be negative."));
    return issues;
}

bool Caps::hasErrors(const QList<CapIssue> &issues)
{
    return std::any_of(
        issues.cbegin(), issues.cend(), [](const CapIssue &i) { return i.severity == CapIssue::Severity::Error; });
}

} // namespace ttalkak::provider
