#pragma once
// Workspaces: a JavaScript monorepo (npm/yarn/bun "workspaces" in package.json,
// or pnpm-workspace.yaml) and the package folders it declares.
// Thread: a value; immutable after find().

#include "../repo.h"

#include <core/result.h>

#include <QString>
#include <QStringList>

#include <optional>

namespace ttalkak::strategies {

class Workspaces
{
public:
    // The workspace that holds appDir: appDir itself when it declares one, else the
    // nearest parent folder whose patterns match appDir. nullopt when there is none;
    // Error when a workspace file is malformed (file + line).
    static core::Result<std::optional<Workspaces>> find(const Repo &repo, const QString &appDir);

    QString root() const { return m_root; } // repo-relative, "" = repository root
    QString file() const { return m_file; } // the file that declares it
    int line() const { return m_line; }
    QStringList patterns() const { return m_patterns; }
    // Repo-relative folders holding a package.json that the patterns match, sorted.
    QStringList packageDirs() const { return m_packageDirs; }
    bool contains(const QString &dir) const;

    // Glob as npm and pnpm use it: "*" one path segment, "**" any depth.
    static bool globMatch(const QString &pattern, const QString &path);

private:
    QString m_root;
    QString m_file;
    int m_line = 0;
    QStringList m_patterns;
    QStringList m_packageDirs;
};

} // namespace ttalkak::strategies
