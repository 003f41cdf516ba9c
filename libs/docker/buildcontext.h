#pragma once
// BuildContext: a directory packed as the tar stream `POST /build` expects, produced lazily as
// the socket drains (no temporary file, bounded memory), honouring .dockerignore exactly as the
// Docker CLI does (see DockerIgnore). Entries are owned by root:root like the CLI's; symlinks are
// stored as links, never followed; sockets, FIFOs and devices are skipped.
// Tar writing is libarchive's (pax restricted: plain ustar unless a name needs an extension).
//
//   BuildContextOptions o; o.dockerfile = u"Dockerfile"_s;
//   auto ctx = BuildContext::open(u"/src/app"_s, o);   // reads /src/app/.dockerignore
//   if (!ctx) return ctx.error();
//   client.build(std::move(*ctx), buildOptions)->start();
//
// Thread: any, but one at a time (it is a RequestBody read by the job's thread).

#include "dockerignore.h"
#include "requestbody.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>

struct archive;
struct archive_entry;

namespace ttalkak::docker {

struct BuildContextOptions
{
    // Context-relative path of the Dockerfile; it is always sent even if .dockerignore matches it.
    QString dockerfile = QStringLiteral("Dockerfile");
    // Extra files added at the end of the tar (e.g. a generated Dockerfile), name → content.
    QMap<QString, QByteArray> extraFiles;
    // Refuse contexts above these limits (TooLarge). 0 = unlimited.
    qint64 maxBytes = 0;
    qint64 maxFiles = 0;
};

class BuildContext final : public RequestBody
{
public:
    ~BuildContext() override;

    static core::Result<std::unique_ptr<BuildContext>> open(
        const QString &directory, const BuildContextOptions &options = {});

    // The files, directories and links that would be sent, in tar order (walks the tree once;
    // for tests and the deployer's preview).
    static core::Result<QStringList> list(const QString &directory, const BuildContextOptions &options = {});

    const DockerIgnore &ignore() const { return m_ignore; }
    const QString &dockerfile() const { return m_options.dockerfile; }

    core::Result<void> read(QByteArray &out, qint64 maxBytes) override;
    bool atEnd() const override { return m_state == State::Done; }
    qint64 bytesProduced() const override { return m_produced; }
    qint64 entryCount() const { return m_entries; }
    qint64 contentBytes() const { return m_contentBytes; }

private:
    struct Frame
    {
        QByteArray relDir; // "" for the root, else "a/b"
        QList<QByteArray> names; // sorted
        qsizetype next = 0;
    };
    enum class State { Walking, Extras, Closing, Done };

    BuildContext() = default;
    core::Result<void> pushDirectory(const QByteArray &relDir);
    core::Result<void> step(); // one entry, or one slice of a file's data
    core::Result<void> addEntry(const QByteArray &rel);
    core::Result<void> writeHeader(::archive_entry *entry);
    core::Result<void> archiveError(const char *what);
    static ssize_t writeCallback(struct archive *, void *self, const void *buffer, size_t length);

    QByteArray m_root; // encoded absolute directory, no trailing '/'
    BuildContextOptions m_options;
    DockerIgnore m_ignore;
    QList<Frame> m_stack;
    bool m_listing = false; // set by list(): record names instead of packing
    QStringList m_listed;
    struct archive *m_archive = nullptr;
    QByteArray *m_out = nullptr;
    int m_fd = -1; // regular file being copied
    qint64 m_fileLeft = 0;
    QByteArray m_fileRel;
    QMap<QString, QByteArray>::const_iterator m_extra;
    State m_state = State::Walking;
    qint64 m_produced = 0;
    qint64 m_entries = 0;
    qint64 m_contentBytes = 0;
};

} // namespace ttalkak::docker
