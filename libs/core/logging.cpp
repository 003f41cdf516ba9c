#include "logging.h"

namespace ttalkak::core {
Q_LOGGING_CATEGORY(lcCore, "ttalkak.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSettings, "ttalkak.core.settings", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "ttalkak.core.secrets", QtInfoMsg)
} // namespace ttalkak::core
