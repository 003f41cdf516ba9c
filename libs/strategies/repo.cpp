#include "repo.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

namespace {
// Folders that are never part of what gets built: walking them would make
// detection slow on a developer's working copy without changing the answer.
bool isSkippedDir(const QString &name)
{
    return name == u".git" || name == u"node_modules" || name == u".next" || name == u".gradle"
        || name == u"target" || name == u".venv";
}

bool isInside(const QString &root, const QString &canonical)
{
    return canonical == root || canonical.startsWith(root + u'/');
}

int lineOfOffset(const QByteArray &data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    return int(std::count(data.begin(), data.begin() + offset, '\n')) + 1;
}
} // namespace

Result<Repo> Repo::open(const QString &root, const RepoLimits &limits)
{
    const QFileInfo rootInfo(root);
    if (!rootInfo.exists())
        return Error(ErrorCode::NotFound, QObject::tr("No such folder: %1").arg(root));
    if (!rootInfo.isDir())
        return Error(ErrorCode::InvalidInput, QObject::tr("Not a folder: %1").arg(root));

    Repo repo;
    repo.m_root = rootInfo.canonicalFilePath();
    repo.m_limits = limits;

    // Manual stack walk so skipped folders are never entered and symlinks are
    // inspected rather than followed.
    QStringList pending{repo.m_root};
    while (!pending.isEmpty()) {
        const QString dir = pending.takeLast();
        QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            it.next();
            const QFileInfo fi = it.fileInfo();
            const QString rel = QDir(repo.m_root).relativeFilePath(fi.filePath());
            if (fi.isSymLink()) {
                const QString target = fi.canonicalFilePath();
                // A dangling link is harmless to detection; one that leaves the repo is not.
                if (!target.isEmpty() && !isInside(repo.m_root, target))
                    return Error(ErrorCode::Unsafe,
                                 QObject::tr("symbolic link points outside the repository (to %1)").arg(fi.symLinkTarget()),
                                 rel);
                if (target.isEmpty() && !fi.symLinkTarget().isEmpty()
                    && !isInside(repo.m_root, QFileInfo(fi.symLinkTarget()).absoluteFilePath()))
                    return Error(ErrorCode::Unsafe,
                                 QObject::tr("symbolic link points outside the repository (to %1)").arg(fi.symLinkTarget()),
                                 rel);
                continue;
            }
            if (fi.isDir()) {
                if (!isSkippedDir(fi.fileName()))
                    pending.append(fi.filePath());
                continue;
            }
            ++repo.m_fileCount;
            repo.m_totalBytes += fi.size();
            if (repo.m_fileCount > limits.maxFiles)
                return Error(ErrorCode::TooLarge,
                             QObject::tr("repository has more than %1 files; Ttalkak deploys up to that many")
                                 .arg(limits.maxFiles));
            if (repo.m_totalBytes > limits.maxBytes)
                return Error(ErrorCode::TooLarge,
                             QObject::tr("repository is larger than %1 MB; Ttalkak deploys up to that size")
                                 .arg(limits.maxBytes / (1024 * 1024)));
        }
    }
    return repo;
}

QString Repo::join(const QString &dir, const QString &name)
{
    if (dir.isEmpty() || dir == u".")
        return name;
    if (name.isEmpty())
        return dir;
    return dir.endsWith(u'/') ? QString(dir + name) : QString(dir + u'/' + name);
}

Result<QString> Repo::resolve(const QString &path) const
{
    const QString clean = QDir::cleanPath(path);
    if (QDir::isAbsolutePath(path) || clean == u".." || clean.startsWith(u"../"))
        return Error(ErrorCode::Unsafe, QObject::tr("path leaves the repository"), path);
    const QString abs = clean.isEmpty() || clean == u"." ? m_root : QString(m_root + u'/' + clean);
    const QFileInfo fi(abs);
    if (fi.exists()) {
        const QString canonical = fi.canonicalFilePath();
        if (!isInside(m_root, canonical))
            return Error(ErrorCode::Unsafe, QObject::tr("path resolves outside the repository"), path);
    }
    return abs;
}

bool Repo::isFile(const QString &path) const
{
    const auto abs = resolve(path);
    return abs && QFileInfo(*abs).isFile();
}

bool Repo::isDir(const QString &path) const
{
    const auto abs = resolve(path);
    return abs && QFileInfo(*abs).isDir();
}

QStringList Repo::entries(const QString &dir) const
{
    const auto abs = resolve(dir);
    if (!abs)
        return {};
    QStringList out;
    const auto infos = QDir(*abs).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &fi : infos)
        out.append(fi.isDir() ? fi.fileName() + u'/' : fi.fileName());
    return out;
}

Result<QByteArray> Repo::read(const QString &path) const
{
    const auto abs = resolve(path);
    if (!abs)
        return abs.error();
    QFile f(*abs);
    if (!f.exists())
        return Error(ErrorCode::NotFound, QObject::tr("file not found"), path);
    if (f.size() > m_limits.maxManifestBytes)
        return Error(ErrorCode::TooLarge, QObject::tr("file is larger than %1 KB").arg(m_limits.maxManifestBytes / 1024), path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, f.errorString(), path);
    return f.readAll();
}

Result<QJsonObject> Repo::readJsonObject(const QString &path) const
{
    auto data = read(path);
    if (!data)
        return data.error();
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(*data, &err);
    if (err.error != QJsonParseError::NoError)
        return Error(ErrorCode::InvalidInput, QObject::tr("malformed JSON: %1").arg(err.errorString()), path,
                     lineOfOffset(*data, err.offset));
    if (!doc.isObject())
        return Error(ErrorCode::InvalidInput, QObject::tr("expected a JSON object at the top level"), path, 1);
    return doc.object();
}

} // namespace ttalkak::strategies
