#pragma once
// Logging categories of libs/tunnel. Enable with QT_LOGGING_RULES="ttalkak.tunnel.*.debug=true".

#include <QLoggingCategory>

namespace ttalkak::tunnel {
Q_DECLARE_LOGGING_CATEGORY(lcProtocol)
Q_DECLARE_LOGGING_CATEGORY(lcAgent)
Q_DECLARE_LOGGING_CATEGORY(lcHub)
Q_DECLARE_LOGGING_CATEGORY(lcIngress)
Q_DECLARE_LOGGING_CATEGORY(lcTcpIngress)
Q_DECLARE_LOGGING_CATEGORY(lcMetrics)
} // namespace ttalkak::tunnel
