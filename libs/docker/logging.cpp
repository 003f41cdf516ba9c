#include "logging.h"

namespace ttalkak::docker {
Q_LOGGING_CATEGORY(lcDocker, "ttalkak.docker.client", QtInfoMsg)
} // namespace ttalkak::docker
