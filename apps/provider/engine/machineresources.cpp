#include "machineresources.h"

#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QThread>

namespace ttalkak::provider {

void MachineResources::parseMeminfo(QByteArrayView text, qint64 *totalMb, qint64 *availableMb)
{
    *totalMb = 0;
    *availableMb = 0;
    const QList<QByteArray> lines = text.toByteArray().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        qint64 *target = key == "MemTotal" ? totalMb : key == "MemAvailable" ? availableMb : nullptr;
        if (!target)
            continue;
        // "MemTotal:       24684084 kB"
        const QList<QByteArray> parts = line.mid(colon + 1).simplified().split(' ');
        bool ok = false;
        const qint64 kb = parts.value(0).toLongLong(&ok);
        if (ok)
            *target = kb / 1024;
    }
}

MachineResources MachineResources::probe(const QString &dataRoot)
{
    MachineResources m;
    m.cpuCores = QThread::idealThreadCount();
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (meminfo.open(QIODevice::ReadOnly))
        parseMeminfo(meminfo.readAll(), &m.memoryTotalMb, &m.memoryAvailableMb);
    m.diskPath = !dataRoot.isEmpty() && QFileInfo(dataRoot).isReadable() ? dataRoot : QStringLiteral("/");
    const QStorageInfo storage(m.diskPath);
    if (storage.isValid()) {
        m.diskFreeGb = storage.bytesAvailable() / (1024LL * 1024 * 1024);
        m.diskTotalGb = storage.bytesTotal() / (1024LL * 1024 * 1024);
    }
    return m;
}

} // namespace ttalkak::provider
