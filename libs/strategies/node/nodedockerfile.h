#pragma once
// NodeDockerfile: the parts every JavaScript Dockerfile shares: the build stage
// (dependency install in its own cached layer, then the build), the node
// runtime's HEALTHCHECK and the .dockerignore.
//
// Everything taken from a Plan is validated again here (validateToken), so a
// hand-edited or deserialised plan cannot put shell syntax or a new line into
// the Dockerfile.

#include "../strategy.h"

#include <core/result.h>

#include <QString>
#include <QStringList>

namespace ttalkak::strategies {

class NodeDockerfile
{
public:
    struct BuildStage
    {
        QStringList env; // "NAME=value" pairs of Ttalkak's own (never user values)
        bool runBuild = true;
    };
    // "FROM <node> AS build" ... ending with WORKDIR /app/<appPath> after the build.
    static core::Result<QString> buildStage(const Plan &plan, const GenerateOptions &options, const BuildStage &stage);
    // The comment that opens every generated Dockerfile.
    static QString header(const Plan &plan);
    // HEALTHCHECK for a node runtime image: node itself makes the request
    // (slim images have neither curl nor wget).
    static QString nodeHealthCheck(int port, const QString &path);
    // Our .dockerignore lines after the user's own; outputs are context-relative.
    static QString dockerignore(const Plan &plan, const QStringList &outputs);
    // "/app" or "/app/<appPath>".
    static QString appRoot(const Plan &plan);
    // Validates a space-separated command from the plan and returns its argv.
    static core::Result<QStringList> commandArgv(const QString &what, const QString &command);
};

} // namespace ttalkak::strategies
