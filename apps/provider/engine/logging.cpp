#include "logging.h"

namespace ttalkak::provider {
Q_LOGGING_CATEGORY(lcEngine, "ttalkak.provider.engine", QtInfoMsg)
} // namespace ttalkak::provider
