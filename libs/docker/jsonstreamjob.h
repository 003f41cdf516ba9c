#pragma once
// JsonStreamJob: a Docker API call that answers with a stream of JSON objects, one per line
// (pull, load, events, stats, build). `message` fires for each object as it arrives.
// An object carrying "error"/"errorDetail" — Docker reports failures that way inside an HTTP 200
// stream — ends the job with ErrorCode::Remote and the engine's message. A line that is not a
// JSON object ends it with ErrorCode::Remote ("malformed JSON..."). A stream that ends without
// an error succeeds.

#include "dockerjob.h"
#include "requestbody.h"

#include <QJsonObject>

namespace ttalkak::docker {

class JsonStreamJob : public DockerJob
{
    Q_OBJECT
public:
    JsonStreamJob(std::shared_ptr<Internal::ClientContext> context, QByteArray method, QByteArray path,
        std::unique_ptr<RequestBody> body = nullptr, QObject *parent = nullptr);
    ~JsonStreamJob() override;

    void addHeader(const QByteArray &name, const QByteArray &value);
    int messageCount() const { return m_count; }

Q_SIGNALS:
    void message(const QJsonObject &object);

protected:
    Internal::HttpRequest makeRequest() override;
    void handleData(const QByteArray &data) override;
    void handleFinished() override;
    bool isStream() const override { return true; }
    // Called for each object; the default emits message(). Subclasses may call finish().
    virtual void handleMessage(const QJsonObject &object);
    // Called when the engine reported an error in the stream; default finishes with it.
    virtual void handleStreamError(const QString &message);
    // The stream ended cleanly; return an error to fail the job anyway. Default: success.
    virtual core::Error endOfStream() { return {}; }

    QByteArray m_method;
    QByteArray m_path;
    std::unique_ptr<RequestBody> m_requestBody;
    QList<std::pair<QByteArray, QByteArray>> m_headers;

private:
    void processLine(QByteArrayView line);

    QByteArray m_pending;
    int m_count = 0;
};

} // namespace ttalkak::docker
