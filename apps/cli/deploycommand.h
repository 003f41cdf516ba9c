#pragma once
// `ttalkak deploy [PATH] [--repo URL [--ref REF] [--commit SHA]] [--name N] [--app DIR]
// [--cpu M] [--memory MB] [--disk MB] [--port P] [--env K=V]... [--no-wait] [--timeout S]`:
// detects the project in PATH (default: the current folder), builds the deployment spec,
// packs and uploads PATH as a blob (or, with --repo, lets the provider clone that repository;
// PATH is then only used for detection), creates the project (once) and the deployment, and
// follows it live: states on stdout ("queued → assigned → building → running"), the build log
// on stderr. Prints the public URL once running. Exit codes: 0 running (or queued with
// --no-wait), 1 usage, 2 failed (the failing step is named), 3 auth, 5 network, 6 timeout.

#include <QStringList>

namespace ttalkak::cli {

int runDeploy(const QStringList &arguments);

} // namespace ttalkak::cli
