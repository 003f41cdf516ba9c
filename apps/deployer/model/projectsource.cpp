#include "projectsource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QRegularExpression>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

namespace {
bool isName(const QString &s)
{
    static const QRegularExpression re(u"^[A-Za-z0-9._-]{1,100}$"_s);
    return re.match(s).hasMatch() && s != u"."_s && s != u".."_s;
}
} // namespace

QString ProjectSource::displayName() const
{
    switch (m_kind) {
    case Kind::LocalFolder:
        return QFileInfo(m_localPath).fileName().isEmpty() ? m_localPath : QFileInfo(m_localPath).fileName();
    case Kind::GitHub:
        return m_owner + u'/' + m_repo;
    case Kind::None:
        break;
    }
    return {};
}

Result<ProjectSource> ProjectSource::fromLocalFolder(const QString &path)
{
    if (path.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, tr("no folder given"));
    const QFileInfo info(path);
    if (!info.exists())
        return Error(ErrorCode::NotFound, tr("folder does not exist"), path);
    if (!info.isDir())
        return Error(ErrorCode::InvalidInput, tr("not a folder"), path);
    if (!info.isReadable())
        return Error(ErrorCode::PermissionDenied, tr("folder is not readable"), path);
    ProjectSource s;
    s.m_kind = Kind::LocalFolder;
    s.m_localPath = QDir::cleanPath(info.absoluteFilePath());
    return s;
}

Result<ProjectSource> ProjectSource::fromGitHubUrl(const QString &input)
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return Error(ErrorCode::InvalidInput, tr("enter a repository URL such as https://github.com/owner/repo"));

    QString host;
    QStringList parts;
    static const QRegularExpression scpLike(u"^[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):(.+)$"_s);
    if (const auto m = scpLike.match(text); m.hasMatch()) {
        host = m.captured(1);
        parts = m.captured(2).split(u'/', Qt::SkipEmptyParts);
    } else {
        if (!text.contains(u"://"_s))
            text.prepend(u"https://"_s);
        const QUrl url(text, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty()
            || (scheme != u"https"_s && scheme != u"http"_s && scheme != u"ssh"_s && scheme != u"git"_s))
            return Error(ErrorCode::InvalidInput, tr("not a repository URL: %1").arg(input.left(200)));
        host = url.host();
        parts = url.path().split(u'/', Qt::SkipEmptyParts);
    }
    if (parts.size() < 2)
        return Error(ErrorCode::InvalidInput,
            tr("the URL must name an owner and a repository, like https://github.com/owner/repo"));

    QString repo = parts.at(1);
    if (repo.endsWith(u".git"_s))
        repo.chop(4);
    if (!isName(parts.at(0)) || !isName(repo))
        return Error(ErrorCode::InvalidInput, tr("invalid owner or repository name in %1").arg(input.left(200)));

    ProjectSource s;
    s.m_kind = Kind::GitHub;
    s.m_owner = parts.at(0);
    s.m_repo = repo;
    if (parts.size() >= 4 && (parts.at(2) == u"tree"_s || parts.at(2) == u"commit"_s))
        s.m_ref = parts.mid(3).join(u'/');
    s.m_url.setScheme(u"https"_s);
    s.m_url.setHost(host.toLower());
    s.m_url.setPath(u'/' + s.m_owner + u'/' + s.m_repo);
    return s;
}

Result<ProjectSource> ProjectSource::fromMimeData(const QMimeData &mime)
{
    if (mime.hasUrls()) {
        const QList<QUrl> urls = mime.urls();
        for (const QUrl &url : urls) {
            if (!url.isLocalFile())
                continue;
            const QFileInfo info(url.toLocalFile());
            return fromLocalFolder(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
        }
        for (const QUrl &url : urls) {
            if (auto gh = fromGitHubUrl(url.toString()); gh)
                return gh;
        }
    }
    if (mime.hasText()) {
        const QString text = mime.text().trimmed();
        const QUrl asUrl(text);
        if (asUrl.isLocalFile())
            return fromLocalFolder(asUrl.toLocalFile());
        return fromGitHubUrl(text);
    }
    return Error(ErrorCode::InvalidInput, tr("drop a repository folder or a GitHub URL"));
}

bool ProjectSource::canAccept(const QMimeData &mime)
{
    return mime.hasUrls() || mime.hasText();
}

} // namespace ttalkak::deployer
