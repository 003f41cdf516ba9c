#include "folderpacker.h"

#include "gitignorefilter_p.h"
#include "logging.h"

#include <docker/dockerignore.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryFile>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <optional>

namespace ttalkak::client {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FolderPacker", text);
}

// 2000-01-01T00:00:00Z: any fixed time works; 0 makes some tools warn about "1970" dates.
constexpr time_t kFixedMtime = 946684800;

struct Sink
{
    QFile *file = nullptr;
    QCryptographicHash hash{QCryptographicHash::Sha256};
    qint64 written = 0;
};

la_ssize_t writeCallback(struct archive *, void *data, const void *buffer, size_t length)
{
    auto *sink = static_cast<Sink *>(data);
    const char *bytes = static_cast<const char *>(buffer);
    if (sink->file->write(bytes, qint64(length)) != qint64(length))
        return -1;
    sink->hash.addData(QByteArrayView(bytes, qsizetype(length)));
    sink->written += qint64(length);
    return la_ssize_t(length);
}

class Packer
{
public:
    Packer(QString root, const PackOptions &options)
        : m_root(std::move(root))
        , m_options(options)
    {
    }

    core::Result<PackedFolder> run(QFile &out)
    {
        if (m_options.useGitIgnore) {
            auto git = Internal::GitIgnoreFilter::open(m_root);
            if (!git)
                return git.error();
            m_git.emplace(std::move(*git));
        }
        if (m_options.useDockerIgnore) {
            QFile f(m_root + u"/.dockerignore"_s);
            if (f.exists()) {
                if (!f.open(QIODevice::ReadOnly))
                    return Error(ErrorCode::Io, tr("cannot read .dockerignore: %1").arg(f.errorString()), u".dockerignore"_s);
                auto ignore = docker::DockerIgnore::parse(f.readAll());
                if (!ignore)
                    return Error(ignore.error().code(), ignore.error().message(), u".dockerignore"_s, ignore.error().line());
                m_docker = std::move(*ignore);
            }
        }

        Sink sink;
        sink.file = &out;
        m_archive = archive_write_new();
        archive_write_set_format_pax_restricted(m_archive); // ustar unless a path needs pax records
        archive_write_add_filter_gzip(m_archive);
        archive_write_set_filter_option(m_archive, "gzip", "timestamp", nullptr); // no time in the gzip header
        if (archive_write_open2(m_archive, &sink, nullptr, writeCallback, nullptr, nullptr) != ARCHIVE_OK) {
            const Error e(ErrorCode::Io, QString::fromUtf8(archive_error_string(m_archive)));
            archive_write_free(m_archive);
            return e;
        }
        core::Result<void> walked = walk(QString());
        if (walked)
            walked = addExtraFiles();
        if (archive_write_close(m_archive) != ARCHIVE_OK && walked)
            walked = Error(ErrorCode::Io, tr("cannot write the archive: %1").arg(QString::fromUtf8(archive_error_string(m_archive))));
        archive_write_free(m_archive);
        if (!walked)
            return walked.error();

        m_result.sha256 = QString::fromLatin1(sink.hash.result().toHex());
        m_result.size = sink.written;
        return m_result;
    }

private:
    bool excluded(const QString &rel, bool isDir) const
    {
        if (m_git && m_git->isIgnored(rel, isDir))
            return true;
        return m_docker.matches(rel);
    }

    core::Result<void> walk(const QString &relDir)
    {
        QDir dir(relDir.isEmpty() ? m_root : m_root + u'/' + relDir);
        QStringList names = dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::NoSort);
        if (!dir.exists())
            return Error(ErrorCode::Io, tr("cannot list %1").arg(relDir), relDir);
        // Byte order of UTF-8 paths: the same on every machine and locale.
        std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
        for (const QString &name : std::as_const(names)) {
            const QString rel = relDir.isEmpty() ? name : relDir + u'/' + name;
            if (name == u".git")
                continue; // never part of a deployment's source
            const QFileInfo info(dir.filePath(name));
            if (info.isSymLink()) {
                if (!excluded(rel, false))
                    m_result.skipped.append(tr("%1: symbolic link not stored").arg(rel));
                continue;
            }
            if (info.isDir()) {
                if (excluded(rel, true)) {
                    // git never looks inside an ignored directory; .dockerignore may re-include.
                    if ((m_git && m_git->isIgnored(rel, true)) || m_docker.canSkipDirectory(rel))
                        continue;
                    if (auto r = walk(rel); !r)
                        return r;
                    continue;
                }
                if (auto r = addDirectory(rel); !r)
                    return r;
                if (auto r = walk(rel); !r)
                    return r;
            } else if (info.isFile()) {
                if (excluded(rel, false) || m_options.extraFiles.contains(rel))
                    continue;
                if (auto r = addFile(rel, info); !r)
                    return r;
            } else if (!excluded(rel, false)) {
                m_result.skipped.append(tr("%1: not a regular file, not stored").arg(rel));
            }
        }
        return core::ok();
    }

    archive_entry *newEntry(const QString &rel)
    {
        archive_entry *e = archive_entry_new();
        archive_entry_set_pathname_utf8(e, rel.toUtf8().constData());
        archive_entry_set_mtime(e, kFixedMtime, 0);
        archive_entry_set_uid(e, 0);
        archive_entry_set_gid(e, 0);
        return e;
    }

    core::Result<void> addExtraFiles()
    {
        for (auto it = m_options.extraFiles.cbegin(); it != m_options.extraFiles.cend(); ++it) {
            const QString &rel = it.key();
            if (rel.isEmpty() || rel.startsWith(u'/') || rel.split(u'/').contains(u".."_s))
                return Error(ErrorCode::Unsafe, tr("%1: an added file must stay inside the folder").arg(rel), rel);
            // Parent directories first, for extractors that want them.
            const QStringList parts = rel.split(u'/');
            QString dir;
            for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
                dir = dir.isEmpty() ? parts[i] : dir + u'/' + parts[i];
                if (!m_directories.contains(dir))
                    if (auto r = addDirectory(dir); !r)
                        return r;
            }
            if (++m_result.fileCount > m_options.maxFiles)
                return Error(ErrorCode::TooLarge, tr("the folder has more than %1 files").arg(m_options.maxFiles));
            m_result.contentBytes += it.value().size();
            archive_entry *e = newEntry(rel);
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_perm(e, 0644);
            archive_entry_set_size(e, it.value().size());
            const int rc = archive_write_header(m_archive, e);
            archive_entry_free(e);
            if (rc != ARCHIVE_OK
                || (!it.value().isEmpty() && archive_write_data(m_archive, it.value().constData(), size_t(it.value().size())) != it.value().size()))
                return Error(ErrorCode::Io, QString::fromUtf8(archive_error_string(m_archive)), rel);
        }
        return core::ok();
    }

    core::Result<void> addDirectory(const QString &rel)
    {
        m_directories.insert(rel);
        archive_entry *e = newEntry(rel);
        archive_entry_set_filetype(e, AE_IFDIR);
        archive_entry_set_perm(e, 0755);
        const int rc = archive_write_header(m_archive, e);
        archive_entry_free(e);
        if (rc != ARCHIVE_OK)
            return Error(ErrorCode::Io, QString::fromUtf8(archive_error_string(m_archive)), rel);
        return core::ok();
    }

    core::Result<void> addFile(const QString &rel, const QFileInfo &info)
    {
        const qint64 size = info.size();
        if (++m_result.fileCount > m_options.maxFiles)
            return Error(ErrorCode::TooLarge, tr("the folder has more than %1 files").arg(m_options.maxFiles));
        m_result.contentBytes += size;
        if (m_result.contentBytes > m_options.maxBytes)
            return Error(ErrorCode::TooLarge, tr("the folder holds more than %1 MiB").arg(m_options.maxBytes / (1024 * 1024)));
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Io, tr("cannot read %1: %2").arg(rel, file.errorString()), rel);

        archive_entry *e = newEntry(rel);
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, (info.permissions() & QFileDevice::ExeOwner) ? 0755 : 0644);
        archive_entry_set_size(e, size);
        const int rc = archive_write_header(m_archive, e);
        archive_entry_free(e);
        if (rc != ARCHIVE_OK)
            return Error(ErrorCode::Io, QString::fromUtf8(archive_error_string(m_archive)), rel);

        qint64 left = size;
        QByteArray buffer(64 * 1024, Qt::Uninitialized);
        while (left > 0) {
            const qint64 n = file.read(buffer.data(), std::min<qint64>(left, buffer.size()));
            if (n <= 0)
                return Error(ErrorCode::Io, tr("%1 changed while it was being packed").arg(rel), rel);
            if (archive_write_data(m_archive, buffer.constData(), size_t(n)) != n)
                return Error(ErrorCode::Io, QString::fromUtf8(archive_error_string(m_archive)), rel);
            left -= n;
        }
        return core::ok();
    }

    QString m_root;
    PackOptions m_options;
    std::optional<Internal::GitIgnoreFilter> m_git;
    docker::DockerIgnore m_docker;
    struct archive *m_archive = nullptr;
    PackedFolder m_result;
    QSet<QString> m_directories;
};

} // namespace

core::Result<PackedFolder> FolderPacker::pack(const QString &folder, const PackOptions &options)
{
    const QFileInfo info(folder);
    if (!info.isDir())
        return Error(ErrorCode::NotFound, tr("no such folder: %1").arg(folder));
    const QString root = info.canonicalFilePath();

    QString outputPath = options.outputPath;
    QFile out;
    if (outputPath.isEmpty()) {
        QTemporaryFile temp(QDir::temp().filePath(u"ttalkak-blob-XXXXXX.tar.gz"_s));
        temp.setAutoRemove(false);
        if (!temp.open())
            return Error(ErrorCode::Io, tr("cannot create a temporary file: %1").arg(temp.errorString()));
        outputPath = temp.fileName();
    }
    out.setFileName(outputPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(ErrorCode::Io, tr("cannot write %1: %2").arg(outputPath, out.errorString()));

    Packer packer(root, options);
    auto packed = packer.run(out);
    out.close();
    if (!packed) {
        QFile::remove(outputPath);
        return packed.error();
    }
    packed->path = outputPath;
    qCDebug(lcPacker) << "packed" << root << packed->fileCount << "files" << packed->size << "bytes" << packed->sha256;
    return packed;
}

} // namespace ttalkak::client
