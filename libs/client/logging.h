#pragma once
// Logging categories of libs/client. Enable with QT_LOGGING_RULES="ttalkak.client.*.debug=true".

#include <QLoggingCategory>

namespace ttalkak::client {
Q_DECLARE_LOGGING_CATEGORY(lcRelay)
Q_DECLARE_LOGGING_CATEGORY(lcSubscription)
Q_DECLARE_LOGGING_CATEGORY(lcPacker)
} // namespace ttalkak::client
