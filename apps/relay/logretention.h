#pragma once
// Per-deployment retention for the log tables (access_logs, container_logs): rows older than
// maxAgeMs go, then the oldest rows go until the deployment's rows count at most maxBytes
// (each row's `size` column). Enforced on every append for the deployments it touched, and for
// all deployments by sweep() on a timer.

#include "database.h"

#include <limits>

namespace ttalkak::relay {

struct LogRetention
{
    qint64 maxAgeMs = 7LL * 24 * 3600 * 1000;
    qint64 maxBytes = 64LL * 1024 * 1024; // per deployment and per table
};

// A page of log rows: newest first within [fromMs, toMs), optionally only rows whose text contains
// `text` (case-insensitive, wildcards literal), continuing below the id `beforeId` (0 = from the top).
struct LogQuery
{
    qint64 fromMs = 0;
    qint64 toMs = std::numeric_limits<qint64>::max();
    QString text;
    int limit = 100;
    qint64 beforeId = 0;
};

// LIKE pattern for LogQuery::text, used with `LOWER(column) LIKE ? ESCAPE '\'`.
QString likePattern(const QString &text);

namespace retention {

// `table` is one of the fixed log table names, never user input. Returns rows deleted.
core::Result<int> enforce(
    Database &db, const QString &table, const QString &deploymentId, const LogRetention &policy, qint64 nowMs);
// Age limit for every deployment at once (size caps are kept by enforce() on append).
core::Result<int> sweep(Database &db, const QString &table, const LogRetention &policy, qint64 nowMs);

} // namespace retention
} // namespace ttalkak::relay
