#pragma once
// UsageMeter: the per-second stats samples of running containers (ProviderEngine::usageSampled)
// → the relay's one-minute usage intervals (docs/protocol.md, "Metering"): `seconds` is how many
// distinct seconds of that minute had a sample, cpu and memory are the minute's averages. A
// minute closes when a sample of a later minute arrives or, once the container is quiet (it
// stopped), at the first tick after the minute ended plus a grace period.
//
//   UsageMeter meter;
//   connect(&engine, &ProviderEngine::usageSampled, &meter, &UsageMeter::record);
//   connect(&meter, &UsageMeter::minuteClosed, &link, &WsRelayLink::addUsage);
//
// Thread: the owner's. Memory: one open minute per deployment.

#include "relaylink.h"
#include "usagehistory.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace ttalkak::provider {

class UsageMeter : public QObject
{
    Q_OBJECT
public:
    explicit UsageMeter(QObject *parent = nullptr);

    void record(const QString &deploymentId, const ttalkak::provider::UsagePoint &point);
    // The deployment is gone (or not ours any more): its open minute is dropped unreported.
    void forget(const QString &deploymentId);
    // Closes every open minute that ended at least `graceMs` before `now`; the timer calls it.
    void closeBefore(const QDateTime &now, int graceMs = kGraceMs);

    static constexpr int kGraceMs = 5000;

Q_SIGNALS:
    void minuteClosed(const ttalkak::provider::UsageReport &report);

private:
    struct Minute
    {
        qint64 start = 0; // epoch seconds, multiple of 60
        quint64 seconds = 0; // bit n: a sample arrived in second n of the minute
        double cpuSum = 0;
        double memorySum = 0;
        int samples = 0;
    };
    void close(const QString &deploymentId, const Minute &minute);

    QHash<QString, Minute> m_open;
    QTimer m_tick;
};

} // namespace ttalkak::provider
