#pragma once
// PriceQuote: a provider's price, as the relay publishes it (docs/protocol.md:
// price:{cpuHour, gbHour} in micro-units per core-hour and per GiB-hour).

#include "resourcerequest.h"

#include <QtGlobal>

namespace ttalkak::deployer {

struct PriceQuote
{
    qint64 cpuHourMicro = 0; // per core-hour
    qint64 gbHourMicro = 0; // per GiB-hour of memory

    // The relay's metering formula, for one hour of the given reservation.
    qint64 microPerHour(const ResourceRequest &request) const;
    // Credits (micro / 1e6) per 30-day month.
    double creditsPerMonth(const ResourceRequest &request) const;

    friend bool operator==(const PriceQuote &, const PriceQuote &) = default;
};

} // namespace ttalkak::deployer
