#include "uilogging.h"

namespace ttalkak::provider::ui {
Q_LOGGING_CATEGORY(lcUi, "ttalkak.provider.ui", QtInfoMsg)
} // namespace ttalkak::provider::ui
