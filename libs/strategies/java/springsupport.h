#pragma once
// Detection steps shared by the Maven and Gradle Spring Boot strategies:
// Java version normalisation and fallbacks, the runtime configuration
// (server.port, context path, actuator health) and the build context's own
// .dockerignore. Internal to libs/strategies/java.

#include "../plan.h"
#include "../repo.h"

#include <core/result.h>

namespace ttalkak::strategies::Internal {

// "1.8" -> "8", "17.0.2" -> "17", "21" -> "21"; "" when it is not a version.
QString normalizeJavaVersion(const QString &raw);

// Sets plan.runtime/runtimeVersion from a found version, else system.properties
// (java.runtime.version) in one of dirs, else the default 17; each with a reason.
// springBootVersion lets it warn when Boot 3+ meets a Java older than 17.
core::Result<void> settleJavaVersion(Plan &plan, const Repo &repo, const QString &found, const QString &file,
    const QString &text, int line, const QStringList &propertyDirs, const QString &springBootVersion);

// Reads the app's Spring configuration (moduleDir/src/main/resources) and sets
// plan.port, plan.healthPath and details (healthPort, actuator).
core::Result<void> applySpringConfig(Plan &plan, const Repo &repo, const QString &moduleDir, bool actuator,
    const QString &actuatorFile, int actuatorLine);

// Keeps the user's .dockerignore (context root) in the plan so generation can
// extend it rather than replace it.
void keepDockerignore(Plan &plan, const Repo &repo);

} // namespace ttalkak::strategies::Internal
