#pragma once
// BlobUpload: one `PUT /v1/blobs/{sha256}` body on its way to disk: written to a temporary file
// beside <data>/blobs/<sha256> (QSaveFile) while its SHA-256 is computed; BlobStore::finish()
// renames it into place only when the digest matches. Dropped without commit(), nothing stays.

#include "httpbodysink.h"

#include <QCryptographicHash>
#include <QSaveFile>

namespace ttalkak::relay {

class BlobUpload : public HttpBodySink
{
public:
    BlobUpload(const QString &targetPath, QString sha256, qint64 maxBytes);

    qint64 maxBytes() const override { return m_maxBytes; }
    void write(const char *data, qsizetype size) override;

    const QString &sha256() const { return m_sha256; }
    qint64 size() const { return m_size; }
    QString errorString() const { return m_error; } // empty: the bytes are safely in the temp file
    QByteArray digestHex() { return m_hash.result().toHex(); }
    // Renames the temp file to the target (only after the digest matched).
    bool commit();

private:
    QSaveFile m_file;
    QCryptographicHash m_hash { QCryptographicHash::Sha256 };
    QString m_sha256;
    QString m_error;
    qint64 m_maxBytes;
    qint64 m_size = 0;
};

} // namespace ttalkak::relay
