#pragma once
// Logging category of the provider's window and tray.

#include <QLoggingCategory>

namespace ttalkak::provider::ui {
Q_DECLARE_LOGGING_CATEGORY(lcUi)
} // namespace ttalkak::provider::ui
