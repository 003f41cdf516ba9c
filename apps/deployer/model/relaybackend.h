#pragma once
// RelayBackend: DeployerBackend on a real relay — client::RelayClient for REST,
// client::RelaySubscription for the live socket, client::FolderPacker for uploads.
// Without a session it answers like OfflineBackend (ErrorCode::Unavailable), so it
// can stand in from the start and take over when the user signs in.
//
//   RelayBackend backend;
//   backend.setSession(QUrl(u"https://relay.example"_s), token);   // REST + socket
//   backend.uploadBlob(folder, extraFiles, this, done);            // pack (worker) + PUT
//
// Packing runs on a QtConcurrent worker; everything else, and every answer, on the
// GUI thread. Subscriptions are remembered across setSession() and reconnects.

#include "deployerbackend.h"

#include <QNetworkAccessManager>
#include <QSet>

#include <memory>

namespace ttalkak::client {
class RelayClient;
class RelayJob;
class RelaySubscription;
} // namespace ttalkak::client

namespace ttalkak::deployer {

class RelayBackend : public DeployerBackend
{
    Q_OBJECT
public:
    explicit RelayBackend(QObject *parent = nullptr);
    ~RelayBackend() override;

    void signIn(const QUrl &relay, const QString &email, const QString &password, bool createAccount,
        QObject *context, Reply done) override;
    void setSession(const QUrl &relay, const QString &token) override;
    void clearSession() override;
    bool hasSession() const override { return m_client != nullptr; }

    void createProject(const QJsonObject &body, QObject *context, Reply done) override;
    void listProjects(const QString &search, QObject *context, Reply done) override;
    void createDeployment(const QJsonObject &body, QObject *context, Reply done) override;
    void relayInfo(QObject *context, Reply done) override;
    void uploadBlob(const QString &folder, const QMap<QString, QByteArray> &extraFiles, QObject *context,
        Reply done) override;
    void listDeployments(QObject *context, Reply done) override;
    void deployment(const QString &id, QObject *context, Reply done) override;
    void command(const QString &id, const QString &command, const QJsonObject &extra, QObject *context,
        Reply done) override;
    void deleteDeployment(const QString &id, QObject *context, Reply done) override;
    void listDatabases(QObject *context, Reply done) override;
    void createDatabase(const QJsonObject &body, QObject *context, Reply done) override;
    void database(const QString &id, QObject *context, Reply done) override;
    void deleteDatabase(const QString &id, QObject *context, Reply done) override;
    void logs(const QString &id, const QUrlQuery &query, QObject *context, Reply done) override;
    void metrics(const QString &id, qint64 fromMs, qint64 toMs, QObject *context, Reply done) override;
    void summary(const QString &id, const QString &window, const QString &language, QObject *context,
        Reply done) override;
    void earnings(QObject *context, Reply done) override;
    void subscribe(const QString &deploymentId) override;
    void unsubscribe(const QString &deploymentId) override;

    // The socket, for tests (null without a session).
    client::RelaySubscription *subscription() const { return m_live.get(); }

private:
    // Runs `done` with the job's result unless `context` is gone; Unavailable without a session.
    void forward(client::RelayJob *job, QObject *context, Reply done);
    void unavailable(QObject *context, Reply done);
    // Requests RelayClient has no call for (GET /v1/info, commands with a body).
    client::RelayJob *raw(const QByteArray &verb, const QString &path, const QJsonObject *body = nullptr);

    std::unique_ptr<client::RelayClient> m_client;
    std::unique_ptr<client::RelaySubscription> m_live;
    QNetworkAccessManager m_network;
    QSet<QString> m_subscriptions;
};

} // namespace ttalkak::deployer
