#include "downloadjob.h"

#include "httpconnection_p.h"

#include <QIODevice>

namespace ttalkak::docker {

using core::ErrorCode;

DownloadJob::DownloadJob(
    std::shared_ptr<Internal::ClientContext> context, QByteArray path, QIODevice *device, QObject *parent)
    : DockerJob(std::move(context), parent)
    , m_path(std::move(path))
    , m_device(device)
{
}

DownloadJob::~DownloadJob() = default;

Internal::HttpRequest DownloadJob::makeRequest()
{
    Internal::HttpRequest req;
    req.method = QByteArrayLiteral("GET");
    req.target = versioned(m_path);
    return req;
}

void DownloadJob::handleData(const QByteArray &data)
{
    if (!m_device) {
        finishWithError(ErrorCode::Io, tr("The output device was destroyed during the download"));
        return;
    }
    const qint64 written = m_device->write(data);
    if (written != data.size()) {
        finishWithError(ErrorCode::Io, tr("Cannot write the download: %1").arg(m_device->errorString()));
        return;
    }
    m_bytes += written;
    Q_EMIT progress(m_bytes);
}

void DownloadJob::handleFinished()
{
    finish();
}

} // namespace ttalkak::docker
