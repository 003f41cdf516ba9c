#pragma once
// Repo: read-only, bounded, escape-proof access to a repository folder.
//
// open() walks the tree once (skipping .git and dependency/output folders) and
// refuses repositories that are too large or contain a symlink pointing outside
// the root. Every read goes through the same checks, so a strategy can never be
// tricked into reading /etc/passwd through "../" or a link.
// Thread: immutable after open(); safe to share between threads.

#include <core/result.h>

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ttalkak::strategies {

struct RepoLimits
{
    qint64 maxBytes = qint64(2) * 1024 * 1024 * 1024;
    int maxFiles = 200000;
    qint64 maxManifestBytes = 4 * 1024 * 1024;   // one manifest file (package.json, pom.xml, ...)
};

class Repo
{
public:
    static core::Result<Repo> open(const QString &root, const RepoLimits &limits = {});

    QString root() const { return m_root; }
    qint64 totalBytes() const { return m_totalBytes; }
    int fileCount() const { return m_fileCount; }

    // Paths are repo-relative with '/' separators; "" is the root.
    bool isFile(const QString &path) const;
    bool isDir(const QString &path) const;
    QStringList entries(const QString &dir) const;   // names, sorted; dirs end with '/'

    core::Result<QByteArray> read(const QString &path) const;
    // A JSON object; errors name the file and line.
    core::Result<QJsonObject> readJsonObject(const QString &path) const;

    // Joins repo-relative parts, dropping empty ones ("", "a") -> "a".
    static QString join(const QString &dir, const QString &name);

private:
    Repo() = default;
    core::Result<QString> resolve(const QString &path) const;

    QString m_root;
    RepoLimits m_limits;
    qint64 m_totalBytes = 0;
    int m_fileCount = 0;
};

} // namespace ttalkak::strategies
