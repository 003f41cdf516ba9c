#include "logging.h"

namespace ttalkak::deployer {
Q_LOGGING_CATEGORY(lcUi, "ttalkak.deployer.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDetect, "ttalkak.deployer.detect", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "ttalkak.deployer.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcI18n, "ttalkak.deployer.i18n", QtInfoMsg)
} // namespace ttalkak::deployer
