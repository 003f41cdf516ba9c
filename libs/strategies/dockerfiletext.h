#pragma once
// Safe pieces of Dockerfile text. Anything that came from a repository or a
// user (paths, versions, env names/values, commands) passes through here before
// it is written into a Dockerfile, so a newline or quote can never add a line.

#include <core/result.h>

#include <QString>
#include <QStringList>

namespace ttalkak::strategies {

// POSIX-style environment variable name: [A-Za-z_][A-Za-z0-9_]*.
core::Result<void> validateEnvName(const QString &name);
// A value for a container's environment: any text without NUL or newlines.
core::Result<void> validateEnvValue(const QString &name, const QString &value);
// A single token that goes into the Dockerfile verbatim (a version, a relative
// path, an image name): printable, no whitespace, no quotes, no backslash, no "..".
core::Result<void> validateToken(const QString &what, const QString &token);

// ["npm","run","build"] -> JSON array text for exec-form RUN/CMD/ENTRYPOINT.
QString execForm(const QStringList &argv);
// A double-quoted Dockerfile string (ENV/LABEL values), with \ and " escaped.
QString quoted(const QString &value);

} // namespace ttalkak::strategies
