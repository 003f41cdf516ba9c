#pragma once
// NodeProject: what every JavaScript strategy needs to know about an app folder
// before it looks at its framework: its package.json, the workspace around it,
// the package manager, the Node.js version and the files the dependency install
// needs. Strategies ask frameworkOf() first (cheap) and load() only when the
// app is theirs.
//
// Rules, in the order they are applied (each leaves a Reason in the plan):
//   package manager: "packageManager" (Corepack) > lock file > engines.<pm> > npm.
//   Node.js:         .nvmrc > .node-version (app folder, then workspace root) >
//                    engines.node (app, then root) > the current LTS.
//   A hint that cannot be used (".nvmrc: banana", engines ">=99") falls back to
//   the default with a reason saying so: npm itself only warns on engines, and
//   a deploy should not fail on a hint file. An unknown package manager in
//   "packageManager" is an error: Corepack would refuse it too.

#include "packagejson.h"
#include "workspaces.h"

#include "../plan.h"
#include "../repo.h"

#include <core/result.h>

#include <optional>

namespace ttalkak::strategies {

class NodeProject
{
public:
    enum class Framework { None, Next, CreateReactApp, Vite, Bundler };

    // nullopt when appDir has no package.json.
    static core::Result<std::optional<NodeProject>> load(const Repo &repo, const QString &appDir);
    // Which frontend the package is, from its dependencies and build script.
    static Framework frameworkOf(const Repo &repo, const QString &dir, const PackageJson &package);
    static QString frameworkName(Framework framework);

    const PackageJson &package() const { return m_package; }
    QString appDir() const { return m_appDir; }
    // The build context: the workspace root in a monorepo, else the app folder.
    QString contextDir() const { return m_contextDir; }
    // appDir relative to contextDir ("" when they are the same).
    QString appPath() const { return m_appPath; }
    bool inWorkspace() const { return m_workspace.has_value(); }
    QStringList appCandidates() const { return m_candidates; }
    QString packageManager() const { return m_manager; }

    // Fills runtime, package manager, install command, contextDir, candidates and
    // the generation details, appending the reasons to plan.why.
    void fill(Plan &plan) const;
    // The command that runs a package.json script, e.g. "pnpm run build".
    QStringList runScript(const QString &script) const;

private:
    core::Result<void> detectPackageManager(const Repo &repo);
    void detectNodeVersion(const Repo &repo);
    void collectManifests(const Repo &repo);
    void because(const QString &decision, const QString &file = {}, int line = 0, const QString &value = {});

    PackageJson m_package;
    std::optional<PackageJson> m_rootPackage; // the workspace root's, in a monorepo
    std::optional<Workspaces> m_workspace;
    QString m_appDir;
    QString m_contextDir;
    QString m_appPath;
    QStringList m_candidates;

    QString m_manager;
    QString m_managerVersion;
    QString m_corepackInstall; // "pnpm@9" when Corepack must be told the version
    QString m_lockFile; // context-relative, "" when none usable
    int m_nodeMajor = 0;
    QStringList m_manifests; // context-relative files/folders copied before the install
    QString m_userDockerignore;
    QStringList m_envFiles; // .env files that are kept out of the build
    QList<Reason> m_why;
};

} // namespace ttalkak::strategies
