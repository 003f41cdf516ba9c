#include "buildcontext.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ttalkak::docker {

using core::Error;
using core::ErrorCode;

namespace {
constexpr qint64 kFileSlice = 128 * 1024;

QString sysError(int err)
{
    return QString::fromLocal8Bit(strerror(err));
}
} // namespace

BuildContext::~BuildContext()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_archive)
        archive_write_free(m_archive);
}

core::Result<std::unique_ptr<BuildContext>> BuildContext::open(
    const QString &directory, const BuildContextOptions &options)
{
    const QFileInfo info(directory);
    if (!info.isDir())
        return Error(ErrorCode::NotFound, QStringLiteral("build context is not a directory"), directory);

    std::unique_ptr<BuildContext> ctx(new BuildContext);
    ctx->m_options = options;
    ctx->m_root = QFile::encodeName(info.absoluteFilePath());
    while (ctx->m_root.size() > 1 && ctx->m_root.endsWith('/'))
        ctx->m_root.chop(1);

    const QString dockerfile = QDir::cleanPath(options.dockerfile);
    if (dockerfile.isEmpty() || QDir::isAbsolutePath(dockerfile) || dockerfile == u".."
        || dockerfile.startsWith(u"../"))
        return Error(
            ErrorCode::Unsafe, QStringLiteral("the Dockerfile must be inside the build context"), options.dockerfile);
    ctx->m_options.dockerfile = dockerfile;
    if (!options.extraFiles.contains(dockerfile)) {
        const QFileInfo df(QDir(directory).filePath(dockerfile));
        if (!df.isFile())
            return Error(ErrorCode::NotFound, QStringLiteral("Dockerfile not found in the build context"), dockerfile);
    }

    QFile ignoreFile(QDir(directory).filePath(QStringLiteral(".dockerignore")));
    if (ignoreFile.exists()) {
        if (!ignoreFile.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Io, ignoreFile.errorString(), QStringLiteral(".dockerignore"));
        auto parsed = DockerIgnore::parse(ignoreFile.readAll());
        if (!parsed)
            return parsed.error();
        ctx->m_ignore = std::move(*parsed);
        // As the CLI: the daemon needs these two even when the user ignores them.
        ctx->m_ignore.keep(QStringLiteral(".dockerignore"));
        ctx->m_ignore.keep(dockerfile);
    }

    if (auto r = ctx->pushDirectory({}); !r)
        return r.error();
    ctx->m_extra = ctx->m_options.extraFiles.constBegin();

    ctx->m_archive = archive_write_new();
    archive_write_set_format_pax_restricted(ctx->m_archive);
    archive_write_set_bytes_per_block(ctx->m_archive, 0); // unbuffered: bytes go straight to read()'s buffer
    if (archive_write_open(ctx->m_archive, ctx.get(), nullptr, &BuildContext::writeCallback, nullptr) != ARCHIVE_OK)
        return ctx->archiveError("open").error();
    return ctx;
}

core::Result<QStringList> BuildContext::list(const QString &directory, const BuildContextOptions &options)
{
    auto ctx = open(directory, options);
    if (!ctx)
        return ctx.error();
    (*ctx)->m_listing = true;
    while ((*ctx)->m_state == State::Walking || (*ctx)->m_state == State::Extras) {
        if (auto r = (*ctx)->step(); !r)
            return r.error();
    }
    return std::move((*ctx)->m_listed);
}

ssize_t BuildContext::writeCallback(struct archive *, void *self, const void *buffer, size_t length)
{
    auto *ctx = static_cast<BuildContext *>(self);
    if (ctx->m_out)
        ctx->m_out->append(static_cast<const char *>(buffer), qsizetype(length));
    ctx->m_produced += qint64(length);
    return ssize_t(length);
}

core::Result<void> BuildContext::archiveError(const char *what)
{
    const char *msg = m_archive ? archive_error_string(m_archive) : nullptr;
    return Error(ErrorCode::Io,
        QStringLiteral("tar %1: %2")
            .arg(QLatin1StringView(what), msg ? QString::fromLocal8Bit(msg) : QStringLiteral("failed")),
        QFile::decodeName(m_fileRel));
}

core::Result<void> BuildContext::pushDirectory(const QByteArray &relDir)
{
    const QByteArray abs = relDir.isEmpty() ? m_root : m_root + '/' + relDir;
    DIR *d = ::opendir(abs.constData());
    if (!d)
        return Error(ErrorCode::Io, QStringLiteral("cannot read directory: %1").arg(sysError(errno)),
            relDir.isEmpty() ? QStringLiteral(".") : QFile::decodeName(relDir));
    Frame f;
    f.relDir = relDir;
    while (const dirent *e = ::readdir(d)) {
        const char *n = e->d_name;
        if ((n[0] == '.' && n[1] == 0) || (n[0] == '.' && n[1] == '.' && n[2] == 0))
            continue;
        f.names.append(QByteArray(n));
    }
    ::closedir(d);
    std::sort(f.names.begin(), f.names.end()); // Go's filepath.Walk order: bytewise by name
    m_stack.append(std::move(f));
    return core::ok();
}

core::Result<void> BuildContext::read(QByteArray &out, qint64 maxBytes)
{
    const qsizetype start = out.size();
    m_out = &out;
    core::Result<void> r;
    while (m_state != State::Done && out.size() - start < maxBytes) {
        r = step();
        if (!r)
            break;
    }
    m_out = nullptr;
    return r;
}

core::Result<void> BuildContext::step()
{
    if (m_fd >= 0) {
        char buf[kFileSlice];
        const qint64 want = std::min(m_fileLeft, kFileSlice);
        const ssize_t got = ::read(m_fd, buf, size_t(want));
        if (got < 0)
            return Error(
                ErrorCode::Io, QStringLiteral("cannot read: %1").arg(sysError(errno)), QFile::decodeName(m_fileRel));
        if (got == 0) {
            m_fileLeft = 0; // the file shrank while packing; libarchive pads the entry with zeros
        } else {
            if (archive_write_data(m_archive, buf, size_t(got)) < 0)
                return archiveError("write");
            m_fileLeft -= got;
        }
        if (m_fileLeft <= 0) {
            ::close(m_fd);
            m_fd = -1;
        }
        return core::ok();
    }

    switch (m_state) {
    case State::Walking: {
        if (m_stack.isEmpty()) {
            m_state = State::Extras;
            return core::ok();
        }
        Frame &top = m_stack.last();
        if (top.next >= top.names.size()) {
            m_stack.removeLast();
            return core::ok();
        }
        const QByteArray &name = top.names.at(top.next++);
        const QByteArray rel = top.relDir.isEmpty() ? name : top.relDir + '/' + name;
        return addEntry(rel);
    }
    case State::Extras: {
        if (m_extra == m_options.extraFiles.constEnd()) {
            m_state = m_listing ? State::Done : State::Closing;
            return core::ok();
        }
        const QString name = m_extra.key();
        const QByteArray content = m_extra.value();
        ++m_extra;
        if (m_listing) {
            m_listed.append(name);
            return core::ok();
        }
        m_fileRel = QFile::encodeName(name);
        archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, m_fileRel.constData());
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, content.size());
        archive_entry_set_mtime(e, 0, 0);
        auto r = writeHeader(e);
        archive_entry_free(e);
        if (!r)
            return r;
        if (!content.isEmpty() && archive_write_data(m_archive, content.constData(), size_t(content.size())) < 0)
            return archiveError("write");
        return core::ok();
    }
    case State::Closing:
        if (archive_write_close(m_archive) != ARCHIVE_OK)
            return archiveError("close");
        archive_write_free(m_archive);
        m_archive = nullptr;
        m_state = State::Done;
        qCDebug(lcDocker) << "context packed:" << m_entries << "entries," << m_produced << "bytes";
        return core::ok();
    case State::Done:
        return core::ok();
    }
    return core::ok();
}

core::Result<void> BuildContext::addEntry(const QByteArray &rel)
{
    const QByteArray abs = m_root + '/' + rel;
    struct stat st;
    if (::lstat(abs.constData(), &st) != 0)
        return Error(ErrorCode::Io, QStringLiteral("cannot stat: %1").arg(sysError(errno)), QFile::decodeName(rel));

    const QString relName = QFile::decodeName(rel);
    const bool excluded = m_ignore.matches(relName);
    const bool isDir = S_ISDIR(st.st_mode);
    if (isDir) {
        if (excluded) {
            if (m_ignore.canSkipDirectory(relName))
                return core::ok();
            return pushDirectory(rel); // an exception may re-include something inside
        }
    } else if (excluded) {
        return core::ok();
    }
    if (!isDir && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
        qCDebug(lcDocker) << "context: skipping special file" << relName;
        return core::ok();
    }

    ++m_entries;
    if (m_options.maxFiles > 0 && m_entries > m_options.maxFiles)
        return Error(
            ErrorCode::TooLarge, QStringLiteral("the build context has more than %1 files").arg(m_options.maxFiles));
    if (S_ISREG(st.st_mode)) {
        m_contentBytes += st.st_size;
        if (m_options.maxBytes > 0 && m_contentBytes > m_options.maxBytes)
            return Error(ErrorCode::TooLarge,
                QStringLiteral("the build context is larger than %1 bytes").arg(m_options.maxBytes));
    }

    if (m_listing) {
        m_listed.append(relName);
        return isDir ? pushDirectory(rel) : core::ok();
    }

    m_fileRel = rel;
    archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, rel.constData());
    archive_entry_set_perm(e, st.st_mode & 07777);
    archive_entry_set_mtime(e, st.st_mtime, 0);
    // Owned by root, as the Docker CLI sends it (ChownOpts 0:0).
    archive_entry_set_uid(e, 0);
    archive_entry_set_gid(e, 0);
    if (isDir) {
        archive_entry_set_filetype(e, AE_IFDIR);
        archive_entry_set_size(e, 0);
    } else if (S_ISLNK(st.st_mode)) {
        QByteArray target(qsizetype(st.st_size > 0 ? st.st_size : PATH_MAX) + 1, Qt::Uninitialized);
        const ssize_t n = ::readlink(abs.constData(), target.data(), size_t(target.size()));
        if (n < 0) {
            archive_entry_free(e);
            return Error(ErrorCode::Io, QStringLiteral("cannot read link: %1").arg(sysError(errno)), relName);
        }
        target.truncate(n);
        archive_entry_set_filetype(e, AE_IFLNK);
        archive_entry_set_symlink(e, target.constData());
        archive_entry_set_size(e, 0);
    } else {
        const int fd = ::open(abs.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) {
            archive_entry_free(e);
            return Error(ErrorCode::Io, QStringLiteral("cannot open: %1").arg(sysError(errno)), relName);
        }
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_size(e, st.st_size);
        m_fd = fd;
        m_fileLeft = st.st_size;
        if (m_fileLeft == 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    auto r = writeHeader(e);
    archive_entry_free(e);
    if (!r)
        return r;
    return isDir ? pushDirectory(rel) : core::ok();
}

core::Result<void> BuildContext::writeHeader(archive_entry *entry)
{
    if (archive_write_header(m_archive, entry) < ARCHIVE_WARN)
        return archiveError("header");
    return core::ok();
}

} // namespace ttalkak::docker
