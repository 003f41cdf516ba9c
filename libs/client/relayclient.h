#pragma once
// RelayClient: the relay's REST API (docs/protocol.md "REST") for the deployer GUI and the CLI.
// Every call returns a running RelayJob (see relayjob.h: one `result` signal, then it deletes
// itself); the jobs are children of the client, so destroying the client aborts them.
//
//   RelayClient relay(QUrl(u"https://relay.example"_s), token);
//   relay.listDeployments({.search = u"web"_s})->then(this, [](const core::Result<QJsonObject> &r) {
//       if (r) show(r->value(u"items"_s).toArray());
//   });
//
// Thread: the one it lives in. Every request has a transfer timeout (default 30 s, restarted
// by any progress, so a big upload that keeps moving is not cut).

#include "relayjob.h"
#include "relaytypes.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace ttalkak::client {

class RelayClient : public QObject
{
    Q_OBJECT
public:
    explicit RelayClient(QUrl baseUrl, QString token = {}, QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    const QString &token() const { return m_token; }
    void setToken(const QString &token) { m_token = token; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // ws(s)://host/v1/ws for RelaySubscription.
    QUrl webSocketUrl() const;

    // Accounts. Both answer {user, token, ...}; the client does not keep the token by itself.
    RelayJob *signUp(const QString &email, const QString &password);
    RelayJob *signIn(const QString &email, const QString &password, const QString &tokenName = {});
    RelayJob *me();

    RelayJob *createProject(const QString &name, const QJsonObject &source = {});
    RelayJob *listProjects(const PageQuery &page = {});
    RelayJob *project(const QString &id);

    RelayJob *createDeployment(const DeploymentRequest &request);
    RelayJob *deployment(const QString &id);
    RelayJob *listDeployments(const PageQuery &page = {}, const QString &projectId = {});
    RelayJob *command(const QString &deploymentId, DeploymentCommand command);
    // Redeploy with a new spec (a new commit, an edited Dockerfile); the relay bumps the
    // generation. sourceToken (private git repos) travels beside the spec, never inside it.
    RelayJob *redeploy(const QString &deploymentId, const QJsonObject &spec, const QString &sourceToken = {});
    RelayJob *deleteDeployment(const QString &id);

    RelayJob *createDatabase(const DatabaseRequest &request);
    RelayJob *database(const QString &id); // with `connection` once the relay has a port for it
    RelayJob *listDatabases(const PageQuery &page = {});
    RelayJob *deleteDatabase(const QString &id);

    RelayJob *logs(const QString &deploymentId, const LogQuery &query = {});
    // `fromMs`/`toMs` 0 = the relay's default (the last hour).
    RelayJob *metrics(const QString &deploymentId, qint64 fromMs = 0, qint64 toMs = 0);
    // `window` like "1h"; `language` "ko"/"en" or "" for the relay's choice.
    RelayJob *summary(const QString &deploymentId, const QString &window = {}, const QString &language = {});
    RelayJob *earnings();

    // PUT /v1/blobs/{sha256} with the file's bytes, streamed from disk; the job's
    // uploadProgress reports it. Answers {} on 200/201.
    RelayJob *uploadBlob(const QString &archivePath, const QString &sha256);

private:
    QNetworkRequest request(const QString &path, const QUrlQuery &query = {}) const;
    RelayJob *send(const QByteArray &verb, const QString &path, const QUrlQuery &query = {}, const QJsonObject *body = nullptr);
    RelayJob *get(const QString &path, const QUrlQuery &query = {}) { return send("GET", path, query); }
    RelayJob *post(const QString &path, const QJsonObject &body) { return send("POST", path, {}, &body); }
    RelayJob *failed(const core::Error &error);
    static QString segment(const QString &id);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 30000;
};

} // namespace ttalkak::client
