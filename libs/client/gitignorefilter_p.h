#pragma once
// Internal: .gitignore rules for a folder through libgit2 (root and nested .gitignore files,
// negation, .git/info/exclude and the user's core.excludesFile, exactly as git applies them).
// When the folder lies inside a git work tree, that repository's rules apply (a parent's
// .gitignore too); otherwise an in-memory repository with the folder as its work tree reads
// the folder's own .gitignore files and writes nothing to disk.

#include <core/result.h>

#include <QByteArray>
#include <QString>

#include <memory>

struct git_repository;

namespace ttalkak::client::Internal {

class GitIgnoreFilter
{
public:
    static core::Result<GitIgnoreFilter> open(const QString &folder);

    GitIgnoreFilter(GitIgnoreFilter &&) noexcept;
    GitIgnoreFilter &operator=(GitIgnoreFilter &&) noexcept;
    ~GitIgnoreFilter();

    // `relativePath` is '/'-separated and relative to the folder given to open().
    bool isIgnored(const QString &relativePath, bool isDirectory) const;

private:
    GitIgnoreFilter() = default;

    git_repository *m_repo = nullptr;
    QByteArray m_prefix; // the folder relative to the work tree, "" or ending in '/'
};

} // namespace ttalkak::client::Internal
