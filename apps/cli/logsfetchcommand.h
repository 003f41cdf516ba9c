#pragma once
// `ttalkak logs ID [-f] [--access] [--limit N] [--search TEXT] [--json]`: a deployment's
// container log (or with --access its access log) from the relay, oldest line first;
// -f keeps polling for new lines until interrupted.

#include <QStringList>

namespace ttalkak::cli {

int runLogsFetch(const QStringList &arguments);

} // namespace ttalkak::cli
