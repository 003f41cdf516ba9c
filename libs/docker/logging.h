#pragma once
// Logging category of the Docker client. Enable with QT_LOGGING_RULES="ttalkak.docker.*.debug=true".

#include <QLoggingCategory>

namespace ttalkak::docker {
Q_DECLARE_LOGGING_CATEGORY(lcDocker)
} // namespace ttalkak::docker
