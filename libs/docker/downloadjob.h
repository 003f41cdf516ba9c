#pragma once
// DownloadJob: a Docker API call whose reply is raw bytes, written to a QIODevice as they arrive
// and never held whole in memory (GET /images/{name}/get: an image tarball for loadImage()).
//
//   QSaveFile out(path);
//   out.open(QIODevice::WriteOnly);
//   auto *job = client.saveImage(u"app:1"_s, &out);
//   connect(job, &DockerJob::result, this, [&out](DockerJob *j) {
//       if (!j->failed()) out.commit();
//   });
//   job->start();
//
// The device must be open for writing when the job is created (else the job fails with
// InvalidInput when started) and belongs to the caller: the job only writes, it neither flushes
// nor closes it. Writes are synchronous, so use a device that takes them at once (QFile,
// QSaveFile, QBuffer). A short write, or the device being destroyed while the job runs, ends the
// job with ErrorCode::Io. After a failure the device holds whatever arrived before it.

#include "dockerjob.h"

#include <QPointer>

class QIODevice;

namespace ttalkak::docker {

class DownloadJob : public DockerJob
{
    Q_OBJECT
public:
    DownloadJob(std::shared_ptr<Internal::ClientContext> context, QByteArray path, QIODevice *device,
        QObject *parent = nullptr);
    ~DownloadJob() override;

    qint64 bytesReceived() const { return m_bytes; }

Q_SIGNALS:
    // Total bytes written so far, after each piece.
    void progress(qint64 bytes);

protected:
    Internal::HttpRequest makeRequest() override;
    void handleData(const QByteArray &data) override;
    void handleFinished() override;

private:
    QByteArray m_path;
    QPointer<QIODevice> m_device;
    qint64 m_bytes = 0;
};

} // namespace ttalkak::docker
