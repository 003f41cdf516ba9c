#pragma once
// SourceArchive: unpacks a GitHub tarball (GET /repos/{o}/{r}/tarball/{sha}, a .tar.gz whose
// entries sit under one "<owner>-<repo>-<sha>/" folder) into a folder, so detection runs on
// the repository's real files. libarchive does the reading; only regular files and
// directories are written, the top folder is stripped, and absolute paths, "..", links and
// devices are skipped — the archive comes from the network.
// Synchronous and thread-safe: callers run it on a worker (QtConcurrent).

#include <core/result.h>

#include <QByteArray>
#include <QString>

namespace ttalkak::deployer {

struct SourceArchiveLimits
{
    qint64 maxBytes = 512LL * 1024 * 1024; // unpacked file contents
    int maxFiles = 200000;
};

class SourceArchive
{
public:
    // The number of files written, or Io / TooLarge / InvalidInput (not a tar.gz).
    static core::Result<int> extract(const QByteArray &tarGz, const QString &targetDir,
        const SourceArchiveLimits &limits = {});
};

} // namespace ttalkak::deployer
