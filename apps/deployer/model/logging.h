#pragma once
// Logging categories of the deployer. Enable with QT_LOGGING_RULES="ttalkak.deployer.*.debug=true".

#include <QLoggingCategory>

namespace ttalkak::deployer {
Q_DECLARE_LOGGING_CATEGORY(lcUi) // ttalkak.deployer.ui
Q_DECLARE_LOGGING_CATEGORY(lcDetect) // ttalkak.deployer.detect
Q_DECLARE_LOGGING_CATEGORY(lcSession) // ttalkak.deployer.session
Q_DECLARE_LOGGING_CATEGORY(lcI18n) // ttalkak.deployer.i18n
} // namespace ttalkak::deployer
