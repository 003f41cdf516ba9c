#include "blobupload.h"

namespace ttalkak::relay {

BlobUpload::BlobUpload(const QString &targetPath, QString sha256, qint64 maxBytes)
    : m_file(targetPath)
    , m_sha256(std::move(sha256))
    , m_maxBytes(maxBytes)
{
    if (!m_file.open(QIODevice::WriteOnly))
        m_error = m_file.errorString();
}

void BlobUpload::write(const char *data, qsizetype size)
{
    m_size += size;
    if (!m_error.isEmpty())
        return; // keep reading (and dropping) so the client gets our answer
    m_hash.addData(QByteArrayView(data, size));
    if (m_file.write(data, size) != size) {
        m_error = m_file.errorString();
        m_file.cancelWriting();
    }
}

bool BlobUpload::commit()
{
    if (!m_file.commit()) {
        m_error = m_file.errorString();
        return false;
    }
    return true;
}

} // namespace ttalkak::relay
