#include "logging.h"

namespace ttalkak::tunnel {
Q_LOGGING_CATEGORY(lcProtocol, "ttalkak.tunnel.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAgent, "ttalkak.tunnel.agent", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHub, "ttalkak.tunnel.hub", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIngress, "ttalkak.tunnel.ingress", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTcpIngress, "ttalkak.tunnel.tcpingress", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMetrics, "ttalkak.tunnel.metrics", QtInfoMsg)
} // namespace ttalkak::tunnel
