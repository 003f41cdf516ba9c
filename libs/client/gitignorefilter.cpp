#include "gitignorefilter_p.h"

#include <QCoreApplication>
#include <QDir>

#include <git2.h>
#include <git2/sys/repository.h>

namespace ttalkak::client::Internal {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

namespace {
QString lastGitError()
{
    const git_error *e = git_error_last();
    return e && e->message ? QString::fromUtf8(e->message) : QString();
}
} // namespace

core::Result<GitIgnoreFilter> GitIgnoreFilter::open(const QString &folder)
{
    git_libgit2_init(); // reference-counted; the destructor balances it
    GitIgnoreFilter filter;
    const QString root = QDir(folder).canonicalPath();
    if (root.isEmpty())
        return Error(ErrorCode::NotFound, QCoreApplication::translate("FolderPacker", "no such folder: %1").arg(folder));

    git_repository *repo = nullptr;
    if (git_repository_open_ext(&repo, QFile::encodeName(root).constData(), 0, nullptr) == 0 && !git_repository_is_bare(repo)) {
        const QString workdir = QDir(QString::fromUtf8(git_repository_workdir(repo))).canonicalPath();
        const QString relative = QDir(workdir).relativeFilePath(root);
        if (!relative.startsWith(u".."_s)) {
            filter.m_repo = repo;
            if (relative != u"."_s)
                filter.m_prefix = relative.toUtf8() + '/';
            return filter;
        }
    }
    git_repository_free(repo);
    repo = nullptr;

    if (git_repository_new(&repo) != 0
        || git_repository_set_workdir(repo, QFile::encodeName(root).constData(), 0) != 0) {
        git_repository_free(repo);
        return Error(ErrorCode::Io, QCoreApplication::translate("FolderPacker", "cannot read .gitignore rules: %1").arg(lastGitError()));
    }
    filter.m_repo = repo;
    return filter;
}

GitIgnoreFilter::GitIgnoreFilter(GitIgnoreFilter &&other) noexcept
    : m_repo(std::exchange(other.m_repo, nullptr))
    , m_prefix(std::move(other.m_prefix))
{
    git_libgit2_init(); // the moved-from object still shuts down once
}

GitIgnoreFilter &GitIgnoreFilter::operator=(GitIgnoreFilter &&other) noexcept
{
    std::swap(m_repo, other.m_repo);
    std::swap(m_prefix, other.m_prefix);
    return *this;
}

GitIgnoreFilter::~GitIgnoreFilter()
{
    git_repository_free(m_repo);
    git_libgit2_shutdown();
}

bool GitIgnoreFilter::isIgnored(const QString &relativePath, bool isDirectory) const
{
    if (!m_repo)
        return false;
    QByteArray path = m_prefix + relativePath.toUtf8();
    if (isDirectory)
        path += '/'; // libgit2 treats a trailing slash as "this is a directory" (for "dir/" patterns)
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, m_repo, path.constData()) != 0)
        return false;
    return ignored != 0;
}

} // namespace ttalkak::client::Internal
