#pragma once
// StatsSample: one reading of /containers/{id}/stats, reduced exactly as `docker stats` does
// (docker/cli cli/command/container/stats_helpers.go): CPU % from the deltas against precpu_stats
// times online CPUs; memory = usage minus inactive file cache (total_inactive_file on cgroup v1,
// inactive_file on v2); network = sum over interfaces; block I/O = sum of read/write ops.

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ttalkak::docker {

struct StatsSample
{
    QString containerId;
    QString name;
    QDateTime read;
    double cpuPercent = 0; // 100 = one full CPU
    double memoryBytes = 0; // usage without inactive file cache
    double memoryLimit = 0;
    double memoryPercent = 0;
    double networkRx = 0; // bytes, cumulative
    double networkTx = 0;
    quint64 blockRead = 0; // bytes, cumulative
    quint64 blockWrite = 0;
    quint64 pids = 0;
    int onlineCpus = 0;

    // Parses one stats object; never fails (missing fields stay 0, like the CLI).
    static StatsSample fromJson(const QJsonObject &stats);
};

} // namespace ttalkak::docker
