#pragma once
// RelayJob: one REST request to the relay (made by RelayClient, already running).
//
//   RelayJob *job = client.listProjects({});
//   connect(job, &RelayJob::result, this, [](const core::Result<QJsonObject> &r) { ... });
//
// `result` fires exactly once, later (never from inside the RelayClient call), and the job
// deletes itself after it; read httpStatus()/relayCode() inside the slot. Relay errors
// ({"error":{code,message}}) become core::Error with the relay's message:
//   400 InvalidInput · 401/403 PermissionDenied · 404 NotFound · 405 Unsupported · 409 Remote ·
//   413/431 TooLarge · 429 Unavailable · other statuses Remote; no answer at all: Unavailable,
//   or Timeout after the client's timeout. Thread: the RelayClient's.

#include <core/result.h>

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkReply;

namespace ttalkak::client {

class RelayJob : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const core::Result<QJsonObject> &)>;

    // Takes ownership of the running reply.
    RelayJob(QNetworkReply *reply, QObject *parent = nullptr);
    // A job that fails with `error` on the next event-loop turn (a request that could not start).
    RelayJob(const core::Error &error, QObject *parent = nullptr);
    ~RelayJob() override;

    // Convenience: `callback` runs once with the result unless `context` is gone by then.
    void then(QObject *context, Callback callback);
    // Stops the request; `result` still fires once, with ErrorCode::Cancelled.
    void abort();

    int httpStatus() const { return m_status; }      // 0 when the relay was not reached
    const QString &relayCode() const { return m_relayCode; } // "not-found", ... or ""

    // The mapping above, exposed for tests and for callers that read raw replies.
    static core::Error errorFor(int httpStatus, const QString &relayCode, const QString &message);

Q_SIGNALS:
    void result(const ttalkak::core::Result<QJsonObject> &reply);
    void uploadProgress(qint64 sent, qint64 total);

private:
    void onFinished();

    QPointer<QNetworkReply> m_reply;
    int m_status = 0;
    QString m_relayCode;
    bool m_aborted = false;
};

} // namespace ttalkak::client
