#pragma once
// OfflineBackend: the stand-in while no relay is configured (no URL or no token). Every call
// answers ErrorCode::Unavailable, asynchronously like a real backend.

#include "deployerbackend.h"

namespace ttalkak::deployer {

class OfflineBackend : public DeployerBackend
{
    Q_OBJECT
public:
    using DeployerBackend::DeployerBackend;

    void signIn(const QUrl &, const QString &, const QString &, bool, QObject *context, Reply done) override;
    void setSession(const QUrl &, const QString &) override { }
    void clearSession() override { }
    bool hasSession() const override { return false; }
    void createProject(const QJsonObject &, QObject *context, Reply done) override { fail(context, done); }
    void createDeployment(const QJsonObject &, QObject *context, Reply done) override { fail(context, done); }
    void relayInfo(QObject *context, Reply done) override { fail(context, done); }
    void uploadBlob(const QString &, const QMap<QString, QByteArray> &, QObject *context, Reply done) override
    {
        fail(context, done);
    }
    void listDeployments(QObject *context, Reply done) override { fail(context, done); }
    void deployment(const QString &, QObject *context, Reply done) override { fail(context, done); }
    void command(const QString &, const QString &, const QJsonObject &, QObject *context, Reply done) override
    {
        fail(context, done);
    }
    void deleteDeployment(const QString &, QObject *context, Reply done) override { fail(context, done); }
    void listDatabases(QObject *context, Reply done) override { fail(context, done); }
    void createDatabase(const QJsonObject &, QObject *context, Reply done) override { fail(context, done); }
    void database(const QString &, QObject *context, Reply done) override { fail(context, done); }
    void deleteDatabase(const QString &, QObject *context, Reply done) override { fail(context, done); }
    void logs(const QString &, const QUrlQuery &, QObject *context, Reply done) override { fail(context, done); }
    void metrics(const QString &, qint64, qint64, QObject *context, Reply done) override { fail(context, done); }
    void summary(const QString &, const QString &, const QString &, QObject *context, Reply done) override
    {
        fail(context, done);
    }
    void earnings(QObject *context, Reply done) override { fail(context, done); }
    void subscribe(const QString &) override { }
    void unsubscribe(const QString &) override { }

private:
    void fail(QObject *context, Reply done);
};

} // namespace ttalkak::deployer
