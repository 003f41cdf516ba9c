#include "logging.h"

namespace ttalkak::client {
Q_LOGGING_CATEGORY(lcRelay, "ttalkak.client.relay", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSubscription, "ttalkak.client.subscription", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPacker, "ttalkak.client.packer", QtInfoMsg)
} // namespace ttalkak::client
