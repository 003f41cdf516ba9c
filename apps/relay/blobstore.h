#pragma once
// BlobStore: uploaded project archives (`PUT /v1/blobs/{sha256}`, docs/protocol.md "Blobs").
// The bytes live in <data>/blobs/<sha256>; the store records each blob's size and which users
// uploaded it (a user owns a blob once they sent its bytes). Uploads are streamed to a temporary
// file beside the target (BlobUpload, an HttpBodySink) and renamed into place only after the
// SHA-256 of what arrived matched the name.
//
//   auto upload = blobs.beginUpload(sha);            // from the HTTP layer, before the body
//   ... body arrives into *upload ...
//   auto created = blobs.finish(*upload, userId);    // true: stored now; false: already there
//
// Thread: the relay's (only) thread.

#include "blobupload.h"
#include "database.h"

#include <memory>
#include <optional>

namespace ttalkak::relay {

class BlobStore
{
public:
    BlobStore(Database &db, const QString &dataDir, qint64 maxBytes);

    // 64 lowercase hex digits.
    static bool isValidId(const QString &sha256);
    std::shared_ptr<BlobUpload> beginUpload(const QString &sha256) const;
    // Verifies and stores the upload and records the owner. InvalidInput when the digest
    // differs or the body is empty; true when the bytes were new.
    core::Result<bool> finish(BlobUpload &upload, const QString &userId);

    // The blob's size when `userId` owns it (and its file is there), nullopt otherwise.
    core::Result<std::optional<qint64>> ownedSize(const QString &userId, const QString &sha256) const;
    // True while a deployment placed on the provider uses this blob as its source.
    core::Result<bool> usedByProvider(const QString &providerId, const QString &sha256) const;
    QString path(const QString &sha256) const;

private:
    Database &m_db;
    QString m_dir;
    qint64 m_maxBytes;
};

} // namespace ttalkak::relay
