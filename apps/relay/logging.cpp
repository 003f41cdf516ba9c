#include "logging.h"

namespace ttalkak::relay {
Q_LOGGING_CATEGORY(lcRelay, "ttalkak.relay", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "ttalkak.relay.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "ttalkak.relay.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRest, "ttalkak.relay.rest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "ttalkak.relay.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcControl, "ttalkak.relay.control", QtInfoMsg)
Q_LOGGING_CATEGORY(lcScheduler, "ttalkak.relay.scheduler", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLedger, "ttalkak.relay.ledger", QtInfoMsg)
} // namespace ttalkak::relay
