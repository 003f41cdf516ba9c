#pragma once
// ProjectSource: what the user pointed the deployer at — a local repository
// folder (dropped or chosen) or a GitHub repository URL (kept for the relay,
// which clones it; the deployer never clones).
//
//   auto src = ProjectSource::fromMimeData(*event->mimeData());   // a drop
//   auto gh  = ProjectSource::fromGitHubUrl(u"https://github.com/o/r/tree/main"_s);

#include <core/result.h>

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QMimeData;

namespace ttalkak::deployer {

class ProjectSource
{
    Q_DECLARE_TR_FUNCTIONS(ProjectSource)
public:
    enum class Kind { None, LocalFolder, GitHub };

    Kind kind() const { return m_kind; }
    bool isValid() const { return m_kind != Kind::None; }
    // LocalFolder: the absolute, clean folder path.
    QString localPath() const { return m_localPath; }
    // GitHub: canonical https URL without ".git" (e.g. https://github.com/owner/repo).
    QUrl repositoryUrl() const { return m_url; }
    QString owner() const { return m_owner; }
    QString repository() const { return m_repo; }
    QString ref() const { return m_ref; } // branch/tag/commit from a /tree/REF URL, or ""
    // "owner/repo" or the folder's name.
    QString displayName() const;

    static core::Result<ProjectSource> fromLocalFolder(const QString &path);
    // https://host/owner/repo[.git][/tree/REF], host/owner/repo, git@host:owner/repo.git.
    // Any host is accepted (GitHub Enterprise); the scheme must be http(s) or ssh-like.
    static core::Result<ProjectSource> fromGitHubUrl(const QString &text);
    // A drop: the first local URL (a file stands for its folder), else a web URL
    // or text that parses as a repository URL.
    static core::Result<ProjectSource> fromMimeData(const QMimeData &mime);
    // True when the drag carries something fromMimeData() may accept (for dragEnter).
    static bool canAccept(const QMimeData &mime);

    friend bool operator==(const ProjectSource &, const ProjectSource &) = default;

private:
    Kind m_kind = Kind::None;
    QString m_localPath;
    QUrl m_url;
    QString m_owner;
    QString m_repo;
    QString m_ref;
};

} // namespace ttalkak::deployer
