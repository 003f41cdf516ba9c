#pragma once
// Logging category of the provider engine. Enable with QT_LOGGING_RULES="ttalkak.provider.*.debug=true".

#include <QLoggingCategory>

namespace ttalkak::provider {
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
} // namespace ttalkak::provider
