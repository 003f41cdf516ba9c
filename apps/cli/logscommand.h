#pragma once
// `ttalkak logs parse FILE [--json] [--depth N] [--similarity X] [--max-templates N] [--typed]`:
// mines log templates from FILE ("-" for stdin) and prints, per input line and in input order,
// "<template id>\t<template>" (the template as it stands after the whole file, so lines of one
// group print the same text), or with --json one JSON object per line. Exit codes: 0 ok,
// 1 usage, 2 unreadable input. `ttalkak logs ID ...` (anything but "parse") is logsfetchcommand.h.

#include <QStringList>

namespace ttalkak::cli {

int runLogs(const QStringList &arguments);

} // namespace ttalkak::cli
