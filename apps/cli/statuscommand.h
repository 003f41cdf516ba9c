#pragma once
// `ttalkak status [ID] [--json] [--relay URL] [--search TEXT]`: without ID a table of the
// caller's deployments and databases (newest first, up to 100 each); with ID that one
// (an app deployment or a database).

#include <QStringList>

namespace ttalkak::cli {

int runStatus(const QStringList &arguments);

} // namespace ttalkak::cli
