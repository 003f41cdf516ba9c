#include "llmclient.h"

#include "logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {

LlmClient::LlmClient(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_nam(new QNetworkAccessManager(this))
{
}

void LlmClient::complete(
    const QJsonArray &messages, int maxTokens, QObject *context, std::function<void(Result<QString>)> done)
{
    QNetworkRequest request(m_options.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (!m_options.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_options.apiKey.toUtf8());
    request.setTransferTimeout(m_options.timeoutMs);
    const QJsonObject body { { u"model"_s, m_options.model }, { u"messages"_s, messages },
        { u"max_tokens"_s, maxTokens }, { u"temperature"_s, 0.2 } };
    QNetworkReply *reply = m_nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
            return done(Error(ErrorCode::Timeout,
                QCoreApplication::translate("LlmClient", "the language model did not answer in time")));
        if (status == 0)
            return done(Error(ErrorCode::Unavailable,
                QCoreApplication::translate("LlmClient", "cannot reach the language model: %1")
                    .arg(reply->errorString())));
        if (status < 200 || status > 299)
            return done(Error(ErrorCode::Remote,
                QCoreApplication::translate("LlmClient", "the language model answered HTTP %1").arg(status)));
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &err);
        const QString content = doc.object()
                                    .value(u"choices"_s)
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(u"message"_s)
                                    .toObject()
                                    .value(u"content"_s)
                                    .toString()
                                    .trimmed();
        if (err.error != QJsonParseError::NoError || content.isEmpty())
            return done(Error(ErrorCode::Remote,
                QCoreApplication::translate("LlmClient", "the language model's answer is malformed")));
        done(content);
    });
}

} // namespace ttalkak::relay
