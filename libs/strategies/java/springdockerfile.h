#pragma once
// The Dockerfile, .dockerignore and health probe for a Spring Boot plan made by
// the Maven or Gradle strategy. Internal to libs/strategies/java.
//
// The plan's details drive it: buildTool ("maven"/"gradle"), wrapper (bool),
// dependencyFiles (context-relative files, folders end in '/', copied before
// the sources), bootJar (context-relative jar path when known) or bootJarDir
// (folder to pick the one non-plain jar from), ignoreOutputs, dockerignore.

#include "../strategy.h"

namespace ttalkak::strategies::Internal {

core::Result<Generated> generateSpringBoot(const Plan &plan, const GenerateOptions &options);

// The probe's source, placed at .ttalkak/HealthCheck.java in the context.
QByteArray springHealthCheckSource();

} // namespace ttalkak::strategies::Internal
