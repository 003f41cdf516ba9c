#pragma once
// extractSourceArchive: unpacks a blob source (a .tar.gz of a dropped folder, docs/protocol.md
// "Blobs") into a directory with libarchive. Only regular files and directories are accepted:
// symlinks, hard links, devices, FIFOs, absolute paths and `..` are refused (Unsafe) — checked
// per entry here and again by libarchive's ARCHIVE_EXTRACT_SECURE_* flags. Permissions are
// reduced to 0644/0755; owners are not restored. Blocking; call it off the GUI thread.

#include <core/result.h>

#include <QString>

namespace ttalkak::provider {

struct ExtractLimits
{
    qint64 maxBytes = 0; // uncompressed content; 0 = unlimited
    qint64 maxEntries = 0; // 0 = unlimited
};

// Returns the number of bytes written. On failure the directory may hold a partial tree.
core::Result<qint64> extractSourceArchive(
    const QString &archivePath, const QString &directory, ExtractLimits limits = {});

} // namespace ttalkak::provider
