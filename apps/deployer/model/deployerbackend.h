#pragma once
// DeployerBackend: everything the deployer asks of a relay, as one small async
// interface, so models and widgets are testable against a scripted fake.
// RelayBackend implements it on ttalkak::client; OfflineBackend answers every
// call with ErrorCode::Unavailable (not signed in).
//
//   backend->listDeployments(this, [this](core::Result<QJsonObject> r) { if (r) model.setItems(*r); });
//   backend->subscribe(id);   // then statusReceived / buildLogReceived / ...
//
// Every call answers once, later (never inside the call), on the GUI thread, unless
// `context` is destroyed first. Answers are the relay's JSON bodies exactly as
// docs/protocol.md documents them. Thread: GUI thread.

#include <core/result.h>

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace ttalkak::deployer {

class DeployerBackend : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(core::Result<QJsonObject>)>;

    using QObject::QObject;
    ~DeployerBackend() override;

    // Auth: POST /v1/auth/signin or /signup → {user, token, ...}. Does not change the session.
    virtual void signIn(const QUrl &relay, const QString &email, const QString &password, bool createAccount,
        QObject *context, Reply done)
        = 0;
    // Subsequent calls (and the subscription socket) use this relay and token.
    virtual void setSession(const QUrl &relay, const QString &token) = 0;
    virtual void clearSession() = 0;
    virtual bool hasSession() const = 0;

    virtual void createProject(const QJsonObject &body, QObject *context, Reply done) = 0;
    // GET /v1/projects?q=… → {items:[…]}; backends without projects answer Unsupported.
    virtual void listProjects(const QString &search, QObject *context, Reply done);
    virtual void createDeployment(const QJsonObject &body, QObject *context, Reply done) = 0;
    // GET /v1/info → {domain, ingress:{http:{port}, https:{port}?}, tunnel:{port}, protocol, version}.
    virtual void relayInfo(QObject *context, Reply done) = 0;
    // Packs `folder` (honouring .gitignore/.dockerignore) plus `extraFiles` (folder-relative
    // path → content, e.g. generated helper files) and PUTs it → {blob, size}; uploadProgress
    // reports the PUT.
    virtual void uploadBlob(const QString &folder, const QMap<QString, QByteArray> &extraFiles, QObject *context,
        Reply done)
        = 0;
    virtual void listDeployments(QObject *context, Reply done) = 0;
    virtual void deployment(const QString &id, QObject *context, Reply done) = 0;
    // start | stop | restart | redeploy; `extra` joins the body (e.g. sourceToken).
    virtual void command(const QString &id, const QString &command, const QJsonObject &extra, QObject *context,
        Reply done)
        = 0;
    virtual void deleteDeployment(const QString &id, QObject *context, Reply done) = 0;

    virtual void listDatabases(QObject *context, Reply done) = 0;
    virtual void createDatabase(const QJsonObject &body, QObject *context, Reply done) = 0;
    virtual void database(const QString &id, QObject *context, Reply done) = 0;
    virtual void deleteDatabase(const QString &id, QObject *context, Reply done) = 0;

    // GET /v1/deployments/{id}/logs with `query` (kind, from, to, q, limit, before).
    virtual void logs(const QString &id, const QUrlQuery &query, QObject *context, Reply done) = 0;
    virtual void metrics(const QString &id, qint64 fromMs, qint64 toMs, QObject *context, Reply done) = 0;
    virtual void summary(const QString &id, const QString &window, const QString &language, QObject *context,
        Reply done)
        = 0;
    virtual void earnings(QObject *context, Reply done) = 0;

    // Live updates for one deployment over the control WebSocket.
    virtual void subscribe(const QString &deploymentId) = 0;
    virtual void unsubscribe(const QString &deploymentId) = 0;

Q_SIGNALS:
    // The relay's messages, unchanged (docs/protocol.md "Deployer ↔ relay").
    void statusReceived(const QJsonObject &status);
    void buildLogReceived(const QString &deploymentId, const QString &line);
    void logReceived(const QJsonObject &message);
    void metricsReceived(const QJsonObject &message);
    void uploadProgress(qint64 sent, qint64 total);
    // The subscription socket went away (it reconnects by itself when it can).
    void subscriptionLost(const QString &reason);
};

} // namespace ttalkak::deployer
