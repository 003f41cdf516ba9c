#pragma once
// FolderPacker: packs a dropped project folder into the .tar.gz a blob source needs
// (docs/protocol.md "Blobs"): the folder's files at the archive root, regular files and
// directories only.
//
//   auto packed = FolderPacker::pack(u"/home/me/web"_s, {});
//   if (packed) relay.uploadBlob(packed->path, packed->sha256);
//
// What goes in: everything except .git (at any depth), what the folder's .gitignore rules
// exclude (libgit2: nested files, negation, and the enclosing repository's rules when the
// folder is inside one) and what its root .dockerignore excludes (Docker's rules). Symlinks
// are never followed nor stored: they, and sockets/devices/FIFOs, are listed in `skipped`.
// The same folder content gives the same bytes and SHA-256: entries sorted by UTF-8 path,
// fixed mtime/owner, mode 0644 or 0755 (owner-executable files and directories), no gzip
// timestamp. Synchronous and thread-safe: a GUI calls it from a worker thread.

#include <core/result.h>

#include <QMap>
#include <QString>
#include <QStringList>

namespace ttalkak::client {

struct PackOptions
{
    QString outputPath;                      // "" = a new file in the temporary folder
    qint64 maxBytes = 200LL * 1024 * 1024;   // file contents, before compression (the relay's default cap)
    int maxFiles = 100000;
    bool useGitIgnore = true;
    bool useDockerIgnore = true;
    // Files to add (folder-relative path -> content), e.g. DeploySpecBuilder::contextFiles();
    // they replace a file of the folder at the same path and are never filtered out.
    QMap<QString, QByteArray> extraFiles;
};

struct PackedFolder
{
    QString path;        // the .tar.gz
    QString sha256;      // lower-case hex of the .tar.gz: the blob's name
    qint64 size = 0;     // bytes of the .tar.gz
    int fileCount = 0;   // regular files stored
    qint64 contentBytes = 0;
    QStringList skipped; // "path: why" for symlinks and special files
};

class FolderPacker
{
public:
    // TooLarge past the caps, NotFound for a missing folder, Io for unreadable files.
    static core::Result<PackedFolder> pack(const QString &folder, const PackOptions &options = {});
};

} // namespace ttalkak::client
