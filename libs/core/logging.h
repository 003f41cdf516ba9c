#pragma once
// One logging category per component. Enable with QT_LOGGING_RULES="ttalkak.*.debug=true".

#include <QLoggingCategory>

namespace ttalkak::core {
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcSettings)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
} // namespace ttalkak::core
