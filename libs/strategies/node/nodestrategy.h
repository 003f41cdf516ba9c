#pragma once
// NodeStrategy: the shared skeleton of the JavaScript frontend strategies.
// doDetect() claims an app folder only when NodeProject::frameworkOf() names
// this strategy's framework, so Vite, CRA, Next.js and the bundler fallback
// never compete for the same app; the subclass then adds what is specific.

#include "nodeproject.h"

#include "../strategy.h"

namespace ttalkak::strategies {

class NodeStrategy : public Strategy
{
protected:
    NodeStrategy(QString id, int priority, NodeProject::Framework framework)
        : Strategy(std::move(id), priority)
        , m_framework(framework)
    {
    }

    core::Result<std::optional<Plan>> doDetect(const Repo &repo, const QString &appDir) const final;
    // Called with plan already holding the framework reason and NodeProject's facts.
    virtual core::Result<void> detectFramework(const Repo &repo, const NodeProject &project, Plan &plan) const = 0;

    // Build stage + nginx runtime for a plan with staticSite set.
    static core::Result<Generated> generateStaticSite(const Plan &plan, const GenerateOptions &options);
    // Context-relative path of an app-relative one.
    static QString inContext(const Plan &plan, const QString &appRelative);

private:
    NodeProject::Framework m_framework;
};

} // namespace ttalkak::strategies
