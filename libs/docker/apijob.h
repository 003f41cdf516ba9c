#pragma once
// ApiJob: a Docker API call whose reply is read whole (inspect, list, create, start, remove...).
// After `result`: json() holds the parsed reply (null for empty bodies such as 204).
//
//   auto *job = client.inspectContainer(id);
//   connect(job, &DockerJob::result, this, [](DockerJob *j) {
//       auto *api = static_cast<ApiJob *>(j);
//       qInfo() << api->json()["State"]["Status"].toString();
//   });
//   job->start();

#include "dockerjob.h"
#include "requestbody.h"

#include <QJsonDocument>
#include <QJsonValue>

namespace ttalkak::docker {

class ApiJob : public DockerJob
{
    Q_OBJECT
public:
    ApiJob(std::shared_ptr<Internal::ClientContext> context, QByteArray method, QByteArray path,
        std::unique_ptr<RequestBody> body = nullptr, QObject *parent = nullptr);
    ~ApiJob() override;

    // Adds a request header (e.g. X-Registry-Auth).
    void addHeader(const QByteArray &name, const QByteArray &value);
    // Replies larger than this fail with TooLarge (default 64 MiB).
    void setMaxReplySize(qint64 bytes) { m_maxReply = bytes; }

    const QByteArray &body() const { return m_body; }
    const QJsonDocument &json() const { return m_json; }
    // Shorthand for json().object().value(key).
    QJsonValue value(QStringView key) const;

protected:
    Internal::HttpRequest makeRequest() override;
    void handleData(const QByteArray &data) override;
    void handleFinished() override;

private:
    QByteArray m_method;
    QByteArray m_path;
    std::unique_ptr<RequestBody> m_requestBody;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    QJsonDocument m_json;
    qint64 m_maxReply = 64 * 1024 * 1024;
};

} // namespace ttalkak::docker
