#include "blobdownload.h"
#include "logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ttalkak::provider {

using core::Error;
using core::ErrorCode;

BlobDownload::BlobDownload(
    QNetworkAccessManager &network, const BlobRequest &request, const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_request(request)
    , m_file(filePath)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finish(Error(ErrorCode::Timeout, u"the source download took longer than %1 s"_s.arg(m_request.timeoutSeconds)));
    });
}

BlobDownload::~BlobDownload()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void BlobDownload::start()
{
    // Errors are reported from the event loop, never from inside start().
    QTimer::singleShot(0, this, [this] {
        static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
        if (!hex.match(m_request.sha256).hasMatch())
            return finish(Error(ErrorCode::InvalidInput, u"not a SHA-256: %1"_s.arg(m_request.sha256)));
        const QString scheme = m_request.relayUrl.scheme();
        if (scheme != u"http" && scheme != u"https")
            return finish(Error(ErrorCode::InvalidInput, u"the relay URL must be http(s)"_s));
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return finish(Error(ErrorCode::Io, m_file.errorString(), m_file.fileName()));

        QUrl url = m_request.relayUrl;
        QString path = url.path();
        if (!path.endsWith(u'/'))
            path += u'/';
        url.setPath(path + u"v1/blobs/"_s + m_request.sha256);
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + m_request.providerKey.toUtf8());
        req.setTransferTimeout(60000); // silence; the whole download is bounded by m_deadline
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        m_reply = m_network.get(req);
        connect(m_reply, &QNetworkReply::readyRead, this, &BlobDownload::onReadyRead);
        connect(m_reply, &QNetworkReply::finished, this, &BlobDownload::onFinished);
        if (m_request.timeoutSeconds > 0)
            m_deadline.start(m_request.timeoutSeconds * 1000);
    });
}

void BlobDownload::kill()
{
    finish(Error(ErrorCode::Cancelled, u"the source download was cancelled"_s));
}

void BlobDownload::onReadyRead()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the error body is not the blob; onFinished reports the status
    const qint64 announced = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (m_request.maxBytes > 0 && announced > m_request.maxBytes)
        return finish(Error(ErrorCode::TooLarge, u"the source blob is larger than %1 bytes"_s.arg(m_request.maxBytes)));
    const QByteArray chunk = m_reply->readAll();
    m_bytes += chunk.size();
    if (m_request.maxBytes > 0 && m_bytes > m_request.maxBytes)
        return finish(Error(ErrorCode::TooLarge, u"the source blob is larger than %1 bytes"_s.arg(m_request.maxBytes)));
    m_hash.addData(chunk);
    if (m_file.write(chunk) != chunk.size())
        return finish(Error(ErrorCode::Io, m_file.errorString(), m_file.fileName()));
}

void BlobDownload::onFinished()
{
    if (m_finished)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200)
        onReadyRead();
    if (m_finished)
        return;
    if (m_reply->error() != QNetworkReply::NoError && status == 0)
        return finish(Error(ErrorCode::Unavailable, u"cannot download the source: %1"_s.arg(m_reply->errorString())));
    if (status == 404)
        return finish(Error(ErrorCode::NotFound, u"the relay does not have blob %1"_s.arg(m_request.sha256)));
    if (status == 401 || status == 403)
        return finish(
            Error(ErrorCode::PermissionDenied, u"the relay refused the blob download (HTTP %1)"_s.arg(status)));
    if (status != 200)
        return finish(Error(ErrorCode::Remote, u"the relay answered HTTP %1 for the blob"_s.arg(status)));
    if (m_reply->error() != QNetworkReply::NoError)
        return finish(Error(ErrorCode::Unavailable, u"cannot download the source: %1"_s.arg(m_reply->errorString())));
    if (QString::fromLatin1(m_hash.result().toHex()) != m_request.sha256)
        return finish(Error(ErrorCode::InvalidInput, u"the downloaded blob does not match its SHA-256"_s));
    if (!m_file.flush())
        return finish(Error(ErrorCode::Io, m_file.errorString(), m_file.fileName()));
    finish();
}

void BlobDownload::finish(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    m_file.close();
    if (!error.message().isEmpty()) {
        m_failed = true;
        m_error = error;
        m_file.remove(); // never leave an unverified blob behind
        qCWarning(lcEngine).noquote() << "blob" << m_request.sha256.left(12) << "download failed:" << error.message();
    }
    Q_EMIT result(this);
    deleteLater();
}

} // namespace ttalkak::provider
