#include "sourcearchive.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SourceArchive", text);
}

// "owner-repo-sha/src/a.js" → "src/a.js"; "" for the top folder itself or an unsafe path.
QString safeRelative(const QString &entryPath)
{
    QString path = entryPath;
    const qsizetype slash = path.indexOf(u'/');
    if (slash < 0)
        return {};
    path = path.mid(slash + 1);
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.isEmpty() || path.startsWith(u'/'))
        return {};
    const QStringList parts = path.split(u'/');
    if (parts.contains(u".."_s) || parts.contains(u"."_s) || parts.contains(QString()))
        return {};
    return path;
}
} // namespace

core::Result<int> SourceArchive::extract(const QByteArray &tarGz, const QString &targetDir,
    const SourceArchiveLimits &limits)
{
    std::unique_ptr<archive, decltype(&archive_read_free)> in(archive_read_new(), &archive_read_free);
    archive_read_support_filter_gzip(in.get());
    archive_read_support_format_tar(in.get());
    if (archive_read_open_memory(in.get(), tarGz.constData(), size_t(tarGz.size())) != ARCHIVE_OK)
        return Error(ErrorCode::InvalidInput, tr("the repository archive is not a .tar.gz: %1")
                                                  .arg(QString::fromUtf8(archive_error_string(in.get()))));
    const QDir root(targetDir);
    int files = 0;
    qint64 bytes = 0;
    archive_entry *entry = nullptr;
    int rc = ARCHIVE_OK;
    while ((rc = archive_read_next_header(in.get(), &entry)) == ARCHIVE_OK) {
        const QString rel = safeRelative(QString::fromUtf8(archive_entry_pathname_utf8(entry)
                ? archive_entry_pathname_utf8(entry)
                : archive_entry_pathname(entry)));
        const auto type = archive_entry_filetype(entry);
        if (rel.isEmpty() || (type != AE_IFREG && type != AE_IFDIR))
            continue; // the top folder, pax headers, links, devices: nothing detection needs
        const QString path = root.filePath(rel);
        if (type == AE_IFDIR) {
            root.mkpath(rel);
            continue;
        }
        if (++files > limits.maxFiles)
            return Error(ErrorCode::TooLarge, tr("the repository has more than %1 files").arg(limits.maxFiles));
        bytes += archive_entry_size(entry);
        if (bytes > limits.maxBytes)
            return Error(ErrorCode::TooLarge, tr("the repository is larger than %1 MiB").arg(limits.maxBytes >> 20));
        root.mkpath(QFileInfo(rel).path());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error(ErrorCode::Io, tr("cannot write %1: %2").arg(path, out.errorString()), path);
        char buffer[64 * 1024];
        la_ssize_t n = 0;
        while ((n = archive_read_data(in.get(), buffer, sizeof buffer)) > 0) {
            if (out.write(buffer, n) != n)
                return Error(ErrorCode::Io, tr("cannot write %1: %2").arg(path, out.errorString()), path);
        }
        if (n < 0)
            return Error(ErrorCode::InvalidInput, tr("the repository archive is damaged: %1")
                                                      .arg(QString::fromUtf8(archive_error_string(in.get()))));
        if (archive_entry_perm(entry) & 0100)
            out.setPermissions(out.permissions() | QFileDevice::ExeOwner);
    }
    if (rc != ARCHIVE_EOF)
        return Error(ErrorCode::InvalidInput, tr("the repository archive is damaged: %1")
                                                  .arg(QString::fromUtf8(archive_error_string(in.get()))));
    return files;
}

} // namespace ttalkak::deployer
