#pragma once
// DockerJob: one asynchronous Docker Engine API operation, shaped like KDE's KJob.
//
//   auto *job = client.startContainer(id);
//   connect(job, &DockerJob::result, this, [](DockerJob *j) {
//       if (j->failed()) qWarning() << j->errorString();
//   });
//   job->start();
//
// Contract: start() returns at once; `result` fires exactly once, never from inside start(), also
// after kill() (error code Cancelled) and on every timeout (Timeout). The job then deletes itself
// (deleteLater) unless setAutoDelete(false) was called — in that case the caller owns it.
// Errors are values: error() is a core::Error; the engine's own message is kept verbatim.
// Thread: the thread that created the job; it must have an event loop.

#include <core/error.h>

#include <QByteArray>
#include <QObject>

#include <memory>

namespace ttalkak::docker {

class RequestBody;

namespace Internal {
struct ClientContext;
struct HttpRequest;
class HttpConnection;
} // namespace Internal

class DockerJob : public QObject
{
    Q_OBJECT
public:
    ~DockerJob() override;

    void start();
    // Cancels: closes the connection (the engine then stops a build or a stream) and emits
    // result with ErrorCode::Cancelled. Returns false when the job had already finished.
    bool kill();

    bool isFinished() const { return m_finished; }
    bool failed() const { return m_finished && m_failed; }
    const core::Error &error() const { return m_error; }
    QString errorString() const { return m_error.message(); }
    // HTTP status of the main request (0 before the response headers).
    int statusCode() const { return m_status; }

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    bool isAutoDelete() const { return m_autoDelete; }

    // Overrides the client's timeout for the time the engine may stay silent (0 = no limit).
    void setTimeout(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    void result(ttalkak::docker::DockerJob *job);

protected:
    DockerJob(std::shared_ptr<Internal::ClientContext> context, QObject *parent);

    // Subclasses describe their one request; called when the API version is known.
    virtual Internal::HttpRequest makeRequest() = 0;
    // Body bytes of a successful (2xx/304) response, as they arrive.
    virtual void handleData(const QByteArray &data) = 0;
    // The successful response is complete. Default: finish without error.
    virtual void handleFinished();
    // Whether the engine may stay silent indefinitely once the response started (streams).
    virtual bool isStream() const { return false; }

    // Ends the job (error may be a default Error for success). Safe to call from handleData.
    void finish(const core::Error &error = {});
    void finishWithError(core::ErrorCode code, const QString &message);
    // "/containers/json" → "/v1.41/containers/json"
    QByteArray versioned(QByteArrayView path) const;
    void setReadPaused(bool paused);
    const Internal::ClientContext &context() const { return *m_context; }
    // The job fails with this error when started (e.g. a spec that did not validate).
    void failOnStart(const core::Error &error)
    {
        m_presetError = error;
        m_hasPresetError = true;
    }
    friend class DockerClient;

private:
    void run();
    void sendPing();
    void sendMain();
    static core::Error errorFromResponse(int status, const QByteArray &body, const QString &what);

    std::shared_ptr<Internal::ClientContext> m_context;
    Internal::HttpConnection *m_connection = nullptr;
    QByteArray m_errorBody;
    QString m_what;
    core::Error m_error;
    core::Error m_presetError;
    bool m_hasPresetError = false;
    int m_status = 0;
    int m_timeoutMs = -1;
    bool m_started = false;
    bool m_finished = false;
    bool m_failed = false;
    bool m_autoDelete = true;
};

} // namespace ttalkak::docker
