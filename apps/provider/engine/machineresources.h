#pragma once
// MachineResources: what this machine has, the ceiling for the owner's caps. A plain value;
// probe() reads it (logical CPUs, /proc/meminfo, free disk under the Docker data root).

#include <QByteArrayView>
#include <QString>

namespace ttalkak::provider {

struct MachineResources
{
    int cpuCores = 0;
    qint64 memoryTotalMb = 0;
    qint64 memoryAvailableMb = 0;
    qint64 diskFreeGb = 0;
    qint64 diskTotalGb = 0;
    QString diskPath; // the filesystem the disk figures are about

    // dataRoot: where images and containers live (Docker's DockerRootDir); falls back to "/"
    // when it does not exist or cannot be read (a non-root user cannot stat /var/lib/docker).
    static MachineResources probe(const QString &dataRoot = {});
    // MemTotal / MemAvailable from the text of /proc/meminfo, in MiB (0 when missing).
    static void parseMeminfo(QByteArrayView text, qint64 *totalMb, qint64 *availableMb);
};

} // namespace ttalkak::provider
