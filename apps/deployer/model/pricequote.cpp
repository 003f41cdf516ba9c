#include "pricequote.h"

namespace ttalkak::deployer {

qint64 PriceQuote::microPerHour(const ResourceRequest &r) const
{
    // amount = seconds × (cpuMillis × cpuHour × 1024 + memoryMb × gbHour × 1000) / (3600 × 1000 × 1024)
    const qint64 perHourNumerator = qint64(r.cpuMillis) * cpuHourMicro * 1024 + qint64(r.memoryMb) * gbHourMicro * 1000;
    return perHourNumerator / (1000 * 1024);
}

double PriceQuote::creditsPerMonth(const ResourceRequest &r) const
{
    return double(microPerHour(r)) * 24 * 30 / 1e6;
}

} // namespace ttalkak::deployer
