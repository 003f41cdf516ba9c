#pragma once
// Strategy: one framework's detection and Dockerfile generation.
//
// Each framework is one Strategy subclass in its own file pair, registered in
// builtins.cpp; adding one never touches another. The public non-virtual entry
// points validate input and the output contract; subclasses implement the
// protected virtuals.
//
//   detect():   nullopt  = "not my kind of project";
//               Error    = "mine, but broken" (malformed manifest: file + line);
//               Plan     = what to build, with its why list.
//   generate(): the Dockerfile, .dockerignore and any helper files the
//               Dockerfile COPYs from the context (paths relative to the app dir).

#include "baseimages.h"
#include "plan.h"
#include "repo.h"

#include <core/result.h>

#include <QMap>

#include <memory>
#include <optional>

namespace ttalkak::strategies {

struct GenerateOptions
{
    BaseImages images = BaseImages::defaults();
    // Names of build-time variables (e.g. VITE_API_URL) declared as ARG so the
    // caller passes values with --build-arg; values never enter the Dockerfile.
    QStringList buildArgNames;
};

struct Generated
{
    QString dockerfile;
    QString dockerignore;   // the user's own .dockerignore lines are kept, ours appended
    // Extra files to place in the build context, context-relative path -> content
    // (e.g. .ttalkak/nginx.conf for static sites). Kept under .ttalkak/ so they
    // never overwrite a user's file.
    QMap<QString, QByteArray> files;
};

class Strategy
{
public:
    virtual ~Strategy() = default;
    Strategy(const Strategy &) = delete;
    Strategy &operator=(const Strategy &) = delete;

    QString id() const { return m_id; }
    // Higher runs first. Dockerfile 1000, specific frameworks 100, generic fallbacks 10.
    int priority() const { return m_priority; }
    // One line for "unknown project type" errors: what this strategy looks for.
    virtual QString lookingFor() const = 0;

    core::Result<std::optional<Plan>> detect(const Repo &repo, const QString &appDir) const;
    core::Result<Generated> generate(const Plan &plan, const GenerateOptions &options) const;

protected:
    Strategy(QString id, int priority) : m_id(std::move(id)), m_priority(priority) {}

    virtual core::Result<std::optional<Plan>> doDetect(const Repo &repo, const QString &appDir) const = 0;
    virtual core::Result<Generated> doGenerate(const Plan &plan, const GenerateOptions &options) const = 0;

private:
    QString m_id;
    int m_priority;
};

} // namespace ttalkak::strategies
