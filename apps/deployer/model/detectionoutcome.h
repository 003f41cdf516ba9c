#pragma once
// DetectionOutcome: everything one detection run produced, as a value that
// crosses from the worker thread to the GUI thread.

#include <core/error.h>
#include <strategies/plan.h>
#include <strategies/strategy.h>

#include <QStringList>

#include <optional>

namespace ttalkak::deployer {

struct DetectionOutcome
{
    quint64 id = 0; // DetectionService::start()'s return value
    QString root; // the repository folder
    QString appDir; // the requested app folder ("" = root)
    std::optional<strategies::Plan> plan;
    strategies::Generated files; // valid when ok()
    std::optional<core::Error> error;
    // App folders the user may pick: the plan's candidates, or — when detection
    // failed at a monorepo root — the folders that detect on their own.
    QStringList appCandidates;
    qint64 elapsedMs = 0;

    bool ok() const { return !error.has_value() && plan.has_value(); }
};

} // namespace ttalkak::deployer
