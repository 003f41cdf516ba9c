#include "statssample.h"

#include <QJsonArray>

namespace ttalkak::docker {

namespace {
quint64 u64(const QJsonValue &v)
{
    // JSON numbers are doubles: exact below 2^53, which byte and nanosecond counters stay under.
    const double d = v.toDouble();
    return d > 0 ? quint64(d) : 0;
}
} // namespace

StatsSample StatsSample::fromJson(const QJsonObject &v)
{
    StatsSample s;
    s.containerId = v.value(u"id").toString();
    s.name = v.value(u"name").toString();
    if (s.name.startsWith(u'/'))
        s.name.remove(0, 1);
    s.read = QDateTime::fromString(v.value(u"read").toString(), Qt::ISODateWithMs);

    // CPU: calculateCPUPercentUnix
    const QJsonObject cpu = v.value(u"cpu_stats").toObject();
    const QJsonObject pre = v.value(u"precpu_stats").toObject();
    const double cpuDelta = double(u64(cpu.value(u"cpu_usage").toObject().value(u"total_usage")))
        - double(u64(pre.value(u"cpu_usage").toObject().value(u"total_usage")));
    const double systemDelta
        = double(u64(cpu.value(u"system_cpu_usage"))) - double(u64(pre.value(u"system_cpu_usage")));
    double online = double(u64(cpu.value(u"online_cpus")));
    if (online == 0)
        online = double(cpu.value(u"cpu_usage").toObject().value(u"percpu_usage").toArray().size());
    s.onlineCpus = int(online);
    if (systemDelta > 0 && cpuDelta > 0)
        s.cpuPercent = (cpuDelta / systemDelta) * online * 100.0;

    // Memory: calculateMemUsageUnixNoCache / calculateMemPercentUnixNoCache
    const QJsonObject mem = v.value(u"memory_stats").toObject();
    const QJsonObject memStats = mem.value(u"stats").toObject();
    const quint64 usage = u64(mem.value(u"usage"));
    if (const auto v1 = memStats.find(u"total_inactive_file"); v1 != memStats.constEnd() && u64(*v1) < usage)
        s.memoryBytes = double(usage - u64(*v1));
    else if (const quint64 v2 = u64(memStats.value(u"inactive_file")); v2 < usage)
        s.memoryBytes = double(usage - v2);
    else
        s.memoryBytes = double(usage);
    s.memoryLimit = double(u64(mem.value(u"limit")));
    if (s.memoryLimit != 0)
        s.memoryPercent = s.memoryBytes / s.memoryLimit * 100.0;

    // Network: calculateNetwork
    const QJsonObject nets = v.value(u"networks").toObject();
    for (auto it = nets.constBegin(); it != nets.constEnd(); ++it) {
        const QJsonObject n = it.value().toObject();
        s.networkRx += double(u64(n.value(u"rx_bytes")));
        s.networkTx += double(u64(n.value(u"tx_bytes")));
    }

    // Block I/O: calculateBlockIO
    const QJsonArray bio = v.value(u"blkio_stats").toObject().value(u"io_service_bytes_recursive").toArray();
    for (const QJsonValue &e : bio) {
        const QJsonObject o = e.toObject();
        const QString op = o.value(u"op").toString();
        if (op.isEmpty())
            continue;
        const QChar c = op.at(0);
        if (c == u'r' || c == u'R')
            s.blockRead += u64(o.value(u"value"));
        else if (c == u'w' || c == u'W')
            s.blockWrite += u64(o.value(u"value"));
    }

    s.pids = u64(v.value(u"pids_stats").toObject().value(u"current"));
    return s;
}

} // namespace ttalkak::docker
