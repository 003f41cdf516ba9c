#include "relaylink.h"

namespace ttalkak::provider {

RelayLink::~RelayLink() = default;

void RelayLink::buildProgress(const QString &, const QString &) { }

void RelayLink::logs(const QString &, const QList<LogEntry> &) { }

} // namespace ttalkak::provider
