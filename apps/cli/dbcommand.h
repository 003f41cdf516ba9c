#pragma once
// `ttalkak db create ENGINE [--name N] [--version V] [--cpu M] [--memory MB] [--disk MB]
// [--timeout S] [--no-wait]`: creates a database (postgres, mysql, mariadb, redis, mongo) and,
// unless --no-wait, waits until the relay has a connection for it and prints its URL once.
// `ttalkak db list`, `ttalkak db delete ID`.

#include <QStringList>

namespace ttalkak::cli {

int runDb(const QStringList &arguments);

} // namespace ttalkak::cli
