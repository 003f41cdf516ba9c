#pragma once
// `ttalkak detect PATH [--app DIR] [--json] [--write]`: prints the plan, the why
// list and the generated Dockerfile. Exit codes: 0 ok, 1 usage, 2 detection failed.

#include <QStringList>

namespace ttalkak::cli {

int runDetect(const QStringList &arguments);

} // namespace ttalkak::cli
