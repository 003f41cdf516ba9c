#include "accesslogentry.h"

namespace ttalkak::tunnel {

using namespace Qt::StringLiterals;

QString AccessLogEntry::toString() const
{
    return u"%1 %2 %3 %4 %5 %6 %7us in=%8 out=%9"_s
        .arg(time.toString(Qt::ISODateWithMs), deployment, client.toString(), method, path)
        .arg(status)
        .arg(latencyUs)
        .arg(bytesIn)
        .arg(bytesOut);
}

} // namespace ttalkak::tunnel
