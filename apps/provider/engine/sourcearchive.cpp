#include "sourcearchive.h"

#include <QDir>
#include <QFile>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace ttalkak::provider {

using core::Error;
using core::ErrorCode;

namespace {

struct ArchiveFree
{
    void operator()(archive *a) const { archive_free(a); }
};

Error archiveError(archive *a, const QString &entry)
{
    const char *msg = archive_error_string(a);
    return Error(ErrorCode::InvalidInput,
        u"cannot unpack the source archive: %1"_s.arg(msg ? QString::fromLocal8Bit(msg) : u"corrupt data"_s), entry);
}

// "" when the name is safe, else why not. Names are relative, with no `..`, no empty parts.
QString unsafeName(const QString &name)
{
    if (name.isEmpty())
        return u"an entry has no name"_s;
    if (name.startsWith(u'/'))
        return u"absolute path"_s;
    const QStringList parts = name.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return u"an entry has no name"_s;
    for (const QString &p : parts)
        if (p == u"..")
            return u"path leaves the folder"_s;
    return {};
}

} // namespace

core::Result<qint64> extractSourceArchive(const QString &archivePath, const QString &directory, ExtractLimits limits)
{
    std::unique_ptr<archive, ArchiveFree> in(archive_read_new());
    archive_read_support_filter_gzip(in.get());
    archive_read_support_format_tar(in.get());
    const QByteArray path = QFile::encodeName(archivePath);
    if (archive_read_open_filename(in.get(), path.constData(), 64 * 1024) != ARCHIVE_OK)
        return archiveError(in.get(), {});

    std::unique_ptr<archive, ArchiveFree> out(archive_write_disk_new());
    // Entry names are checked below and then prefixed with the (absolute) destination, so
    // SECURE_NOABSOLUTEPATHS cannot apply; SECURE_SYMLINKS still refuses writing through any link
    // on the way and SECURE_NODOTDOT any `..` that slipped past the check.
    archive_write_disk_set_options(out.get(),
        ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT | ARCHIVE_EXTRACT_PERM
            | ARCHIVE_EXTRACT_NO_OVERWRITE);

    const QString root = QDir(directory).absolutePath();
    if (!QDir().mkpath(root))
        return Error(ErrorCode::Io, u"cannot create the source folder"_s, root);

    qint64 written = 0;
    qint64 entries = 0;
    archive_entry *entry = nullptr;
    for (;;) {
        const int r = archive_read_next_header(in.get(), &entry);
        if (r == ARCHIVE_EOF)
            break;
        if (r != ARCHIVE_OK)
            return archiveError(in.get(), {});
        const char *rawName = archive_entry_pathname(entry);
        const QString name = rawName ? QString::fromUtf8(rawName) : QString();
        if (const QString why = unsafeName(name); !why.isEmpty())
            return Error(ErrorCode::Unsafe, u"the source archive is refused: %1"_s.arg(why), name);
        if (archive_entry_hardlink(entry) || archive_entry_symlink(entry))
            return Error(ErrorCode::Unsafe, u"the source archive is refused: links are not allowed"_s, name);
        const mode_t type = archive_entry_filetype(entry);
        if (type != AE_IFREG && type != AE_IFDIR)
            return Error(
                ErrorCode::Unsafe, u"the source archive is refused: only files and folders are allowed"_s, name);
        if (limits.maxEntries > 0 && ++entries > limits.maxEntries)
            return Error(ErrorCode::TooLarge, u"the source archive has too many entries"_s);

        const QByteArray target = QFile::encodeName(QDir::cleanPath(root + u'/' + name));
        archive_entry_set_pathname(entry, target.constData());
        archive_entry_set_perm(entry, type == AE_IFDIR || (archive_entry_perm(entry) & 0100) ? 0755 : 0644);
        if (archive_write_header(out.get(), entry) != ARCHIVE_OK)
            return Error(ErrorCode::Unsafe,
                u"cannot unpack the source archive: %1"_s.arg(QString::fromLocal8Bit(archive_error_string(out.get()))),
                name);
        if (type != AE_IFREG)
            continue;
        const void *buffer = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        for (;;) {
            const int d = archive_read_data_block(in.get(), &buffer, &size, &offset);
            if (d == ARCHIVE_EOF)
                break;
            if (d != ARCHIVE_OK)
                return archiveError(in.get(), name);
            written += qint64(size);
            if (limits.maxBytes > 0 && written > limits.maxBytes)
                return Error(ErrorCode::TooLarge,
                    u"the source is larger than the limit of %1 MiB"_s.arg(limits.maxBytes / (1024 * 1024)));
            if (archive_write_data_block(out.get(), buffer, size, offset) != ARCHIVE_OK)
                return Error(ErrorCode::Io, QString::fromLocal8Bit(archive_error_string(out.get())), name);
        }
        if (archive_write_finish_entry(out.get()) != ARCHIVE_OK)
            return Error(ErrorCode::Io, QString::fromLocal8Bit(archive_error_string(out.get())), name);
    }
    if (archive_write_close(out.get()) != ARCHIVE_OK)
        return Error(ErrorCode::Io, QString::fromLocal8Bit(archive_error_string(out.get())));
    return written;
}

} // namespace ttalkak::provider
