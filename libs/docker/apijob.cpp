#include "apijob.h"

#include "httpconnection_p.h"

#include <QJsonObject>

namespace ttalkak::docker {

using core::ErrorCode;

ApiJob::ApiJob(std::shared_ptr<Internal::ClientContext> context, QByteArray method, QByteArray path,
    std::unique_ptr<RequestBody> body, QObject *parent)
    : DockerJob(std::move(context), parent)
    , m_method(std::move(method))
    , m_path(std::move(path))
    , m_requestBody(std::move(body))
{
}

ApiJob::~ApiJob() = default;

void ApiJob::addHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({ name, value });
}

QJsonValue ApiJob::value(QStringView key) const
{
    return m_json.object().value(key);
}

Internal::HttpRequest ApiJob::makeRequest()
{
    Internal::HttpRequest req;
    req.method = m_method;
    req.target = versioned(m_path);
    req.headers = m_headers;
    req.body = std::move(m_requestBody);
    return req;
}

void ApiJob::handleData(const QByteArray &data)
{
    if (m_body.size() + data.size() > m_maxReply) {
        finishWithError(ErrorCode::TooLarge, tr("The Docker engine's reply exceeds %1 bytes").arg(m_maxReply));
        return;
    }
    m_body += data;
}

void ApiJob::handleFinished()
{
    // Some endpoints answer plain text (/_ping: "OK"); JSON is whatever starts like JSON.
    const QByteArray trimmed = m_body.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError err;
        m_json = QJsonDocument::fromJson(m_body, &err);
        if (err.error != QJsonParseError::NoError) {
            finishWithError(ErrorCode::Remote,
                tr("Malformed JSON from the Docker engine: %1 at offset %2").arg(err.errorString()).arg(err.offset));
            return;
        }
    }
    finish();
}

} // namespace ttalkak::docker
