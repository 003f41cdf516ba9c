#include "jsonstreamjob.h"

#include "httpconnection_p.h"

#include <QJsonDocument>

namespace ttalkak::docker {

using core::ErrorCode;

namespace {
constexpr qsizetype kMaxLine = 16 * 1024 * 1024; // one JSON message; guards against a runaway peer
}

JsonStreamJob::JsonStreamJob(std::shared_ptr<Internal::ClientContext> context, QByteArray method, QByteArray path,
    std::unique_ptr<RequestBody> body, QObject *parent)
    : DockerJob(std::move(context), parent)
    , m_method(std::move(method))
    , m_path(std::move(path))
    , m_requestBody(std::move(body))
{
}

JsonStreamJob::~JsonStreamJob() = default;

void JsonStreamJob::addHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({ name, value });
}

Internal::HttpRequest JsonStreamJob::makeRequest()
{
    Internal::HttpRequest req;
    req.method = m_method;
    req.target = versioned(m_path);
    req.headers = m_headers;
    req.body = std::move(m_requestBody);
    return req;
}

void JsonStreamJob::handleData(const QByteArray &data)
{
    m_pending += data;
    qsizetype start = 0;
    while (!isFinished()) {
        const qsizetype nl = m_pending.indexOf('\n', start);
        if (nl < 0)
            break;
        const QByteArrayView line = QByteArrayView(m_pending).sliced(start, nl - start);
        start = nl + 1;
        processLine(line);
    }
    if (isFinished())
        return;
    m_pending.remove(0, start);
    if (m_pending.size() > kMaxLine)
        finishWithError(ErrorCode::TooLarge, tr("A message from the Docker engine exceeds %1 bytes").arg(kMaxLine));
}

void JsonStreamJob::processLine(QByteArrayView line)
{
    line = line.trimmed();
    if (line.isEmpty())
        return;
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        finishWithError(ErrorCode::Remote,
            tr("Malformed JSON from the Docker engine: %1 in \"%2\"")
                .arg(err.error != QJsonParseError::NoError ? err.errorString() : tr("not an object"),
                    QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 200)))));
        return;
    }
    const QJsonObject obj = doc.object();
    ++m_count;
    if (obj.contains(u"errorDetail") || obj.contains(u"error")) {
        QString msg = obj.value(u"errorDetail").toObject().value(u"message").toString();
        if (msg.isEmpty())
            msg = obj.value(u"error").toString();
        if (msg.isEmpty())
            msg = tr("The Docker engine reported an error");
        handleStreamError(msg);
        return;
    }
    handleMessage(obj);
}

void JsonStreamJob::handleMessage(const QJsonObject &object)
{
    Q_EMIT message(object);
}

void JsonStreamJob::handleStreamError(const QString &message)
{
    finishWithError(ErrorCode::Remote, message);
}

void JsonStreamJob::handleFinished()
{
    if (!m_pending.trimmed().isEmpty())
        processLine(m_pending);
    m_pending.clear();
    if (!isFinished())
        finish(endOfStream());
}

} // namespace ttalkak::docker
