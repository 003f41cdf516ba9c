#pragma once
// Registry: the ordered set of strategies and the detect() entry point.
//
//   const Registry registry = Registry::withBuiltins();
//   auto plan = registry.detect(u"/path/to/repo"_s, {.appDir = u"apps/web"_s});
//   auto files = registry.generate(*plan, {});

#include "strategy.h"

#include <vector>

namespace ttalkak::strategies {

struct DetectOptions
{
    QString appDir;       // repo-relative app folder in a monorepo; "" = root
    RepoLimits limits;
};

class Registry
{
public:
    Registry() = default;
    Registry(Registry &&) = default;
    Registry &operator=(Registry &&) = default;

    static Registry withBuiltins();

    void add(std::unique_ptr<Strategy> strategy);
    const Strategy *find(const QString &id) const;
    const std::vector<std::unique_ptr<Strategy>> &strategies() const { return m_strategies; }

    // Opens the repo (size and symlink checks) and asks each strategy in
    // priority order; the first that recognises the app folder wins.
    core::Result<Plan> detect(const QString &repoRoot, const DetectOptions &options = {}) const;
    core::Result<Plan> detect(const Repo &repo, const QString &appDir) const;
    core::Result<Generated> generate(const Plan &plan, const GenerateOptions &options = {}) const;

private:
    std::vector<std::unique_ptr<Strategy>> m_strategies;
};

} // namespace ttalkak::strategies
