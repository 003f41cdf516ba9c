#pragma once
// `ttalkak summary DEPLOYMENT [--relay URL] [--token T] [--window 1h] [--lang ko|en] [--json]`:
// asks the relay for the deployment's log summary (GET /v1/deployments/{id}/summary) and prints
// the rendered text, or with --json the relay's whole answer. The relay and token default to
// $TTALKAK_RELAY (else http://127.0.0.1:8080) and $TTALKAK_TOKEN; the language to the system
// locale's (Korean or English). Exit codes: 0 ok, 1 usage, 2 request failed.

#include <QStringList>

namespace ttalkak::cli {

int runSummary(const QStringList &arguments);

} // namespace ttalkak::cli
