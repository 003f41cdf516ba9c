#pragma once
// Caps: how much of this machine the owner shares, and at what price. A plain value, persisted
// in core::Settings (keys Provider*). validate() checks it against what the machine has; an
// Error issue means the caps cannot be applied, a Warning only advises.
//
//   Caps caps = Caps::load(settings);
//   const auto issues = caps.validate(MachineResources::probe());
//   if (!Caps::hasErrors(issues)) caps.save(settings);

#include "machineresources.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ttalkak::core {
class Settings;
}

namespace ttalkak::provider {

struct CapIssue
{
    enum class Field { CpuCores, MemoryMb, DiskGb, MaxDeployments, Price };
    enum class Severity { Error, Warning };
    Field field;
    Severity severity;
    QString message; // translated, for the user

    friend bool operator==(const CapIssue &, const CapIssue &) = default;
};

struct Caps
{
    Q_DECLARE_TR_FUNCTIONS(Caps)
public:
    double cpuCores = 1.0;
    qint64 memoryMb = 2048;
    qint64 diskGb = 20;
    int maxDeployments = 4;
    double pricePerCpuHour = 50000; // micro-units per core-hour, as the relay meters it
    double pricePerGbHour = 20000; // micro-units per GiB of memory per hour

    // Memory the host keeps for itself: caps may not promise it away.
    static constexpr qint64 kHostReserveMb = 512;
    static constexpr qint64 kMinMemoryMb = 256;
    static constexpr int kMaxDeploymentsLimit = 100;

    static Caps load(const core::Settings &settings);
    void save(core::Settings &settings) const;

    QList<CapIssue> validate(const MachineResources &machine) const;
    static bool hasErrors(const QList<CapIssue> &issues);

    friend bool operator==(const Caps &, const Caps &) = default;
};

} // namespace ttalkak::provider
