#pragma once
// BlobDownload: GET {relay}/v1/blobs/{sha256} with the provider key as Bearer, streamed into a
// file while hashing; the file is kept only when its size is within the cap and its SHA-256 is
// the one asked for. Shaped like a KJob: start() returns at once, `result` fires once, then the
// job deletes itself. Thread: the owner thread (the QNetworkAccessManager's).

#include <core/error.h>

#include <QCryptographicHash>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace ttalkak::provider {

struct BlobRequest
{
    QUrl relayUrl; // http(s)://relay[:port]
    QString providerKey; // sent as "Authorization: Bearer …", never logged
    QString sha256; // 64 lowercase hex
    qint64 maxBytes = 0; // 0 = unlimited
    int timeoutSeconds = 0; // whole download; 0 = unlimited (stalls still end after 60 s silence)
};

class BlobDownload : public QObject
{
    Q_OBJECT
public:
    BlobDownload(
        QNetworkAccessManager &network, const BlobRequest &request, const QString &filePath, QObject *parent = nullptr);
    ~BlobDownload() override;

    void start();
    void kill();

    bool failed() const { return m_failed; }
    const core::Error &error() const { return m_error; }
    qint64 bytes() const { return m_bytes; }

Q_SIGNALS:
    void result(ttalkak::provider::BlobDownload *job);

private:
    void onReadyRead();
    void onFinished();
    void finish(const core::Error &error = {});

    QNetworkAccessManager &m_network;
    BlobRequest m_request;
    QFile m_file;
    QCryptographicHash m_hash { QCryptographicHash::Sha256 };
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    qint64 m_bytes = 0;
    core::Error m_error;
    bool m_failed = false;
    bool m_finished = false;
};

} // namespace ttalkak::provider
