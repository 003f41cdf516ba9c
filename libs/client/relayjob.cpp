#include "relayjob.h"

#include "logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkReply>

namespace ttalkak::client {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

RelayJob::RelayJob(QNetworkReply *reply, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
{
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, &RelayJob::onFinished);
    connect(reply, &QNetworkReply::uploadProgress, this, &RelayJob::uploadProgress);
}

RelayJob::RelayJob(const Error &error, QObject *parent)
    : QObject(parent)
{
    QMetaObject::invokeMethod(this, [this, error] {
        Q_EMIT result(error);
        deleteLater();
    }, Qt::QueuedConnection);
}

RelayJob::~RelayJob() = default;

void RelayJob::then(QObject *context, Callback callback)
{
    connect(this, &RelayJob::result, context, [cb = std::move(callback)](const core::Result<QJsonObject> &r) { cb(r); });
}

void RelayJob::abort()
{
    if (!m_reply)
        return; // a failed-to-start job already has its result queued
    m_aborted = true;
    if (m_reply)
        m_reply->abort(); // finished() follows
}

Error RelayJob::errorFor(int httpStatus, const QString &relayCode, const QString &message)
{
    ErrorCode code = ErrorCode::Remote;
    switch (httpStatus) {
    case 400: code = ErrorCode::InvalidInput; break;
    case 401:
    case 403: code = ErrorCode::PermissionDenied; break;
    case 404: code = ErrorCode::NotFound; break;
    case 405: code = ErrorCode::Unsupported; break;
    case 413:
    case 431: code = ErrorCode::TooLarge; break;
    case 429: code = ErrorCode::Unavailable; break;
    default: break;
    }
    QString text = message;
    if (text.isEmpty())
        text = relayCode.isEmpty() ? QCoreApplication::translate("RelayJob", "the relay answered HTTP %1").arg(httpStatus)
                                   : relayCode;
    return Error(code, text);
}

void RelayJob::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const auto networkError = reply->error();
    reply->deleteLater();

    auto finish = [this](const core::Result<QJsonObject> &r) {
        Q_EMIT result(r);
        deleteLater();
    };

    if (m_status == 0) {
        ErrorCode code = ErrorCode::Unavailable;
        if (m_aborted || networkError == QNetworkReply::OperationCanceledError)
            code = m_aborted ? ErrorCode::Cancelled : ErrorCode::Timeout; // Qt reports a transfer timeout as canceled
        else if (networkError == QNetworkReply::TimeoutError)
            code = ErrorCode::Timeout;
        qCDebug(lcRelay) << "request failed" << reply->url().path() << reply->errorString();
        return finish(Error(code, QCoreApplication::translate("RelayJob", "cannot reach the relay: %1").arg(reply->errorString())));
    }

    QJsonParseError parseError{};
    const QJsonDocument doc = body.isEmpty() ? QJsonDocument(QJsonObject()) : QJsonDocument::fromJson(body, &parseError);
    if (m_status >= 200 && m_status < 300) {
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return finish(Error(ErrorCode::Remote, QCoreApplication::translate("RelayJob", "the relay's answer is not a JSON object")));
        return finish(doc.object());
    }
    const QJsonObject error = doc.object().value(u"error"_s).toObject();
    m_relayCode = error.value(u"code"_s).toString();
    qCDebug(lcRelay) << "relay error" << m_status << m_relayCode << reply->url().path();
    finish(errorFor(m_status, m_relayCode, error.value(u"message"_s).toString()));
}

} // namespace ttalkak::client
