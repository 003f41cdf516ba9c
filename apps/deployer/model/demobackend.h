#pragma once
// DemoBackend: a relay that lives in memory, with sample deployments, databases,
// traffic and summaries. Started with `ttalkak-deployer --demo` to show and
// screenshot the relay pages without a relay; never used otherwise.

#include "deployerbackend.h"

#include <QHash>

namespace ttalkak::deployer {

class DemoBackend : public DeployerBackend
{
    Q_OBJECT
public:
    explicit DemoBackend(QObject *parent = nullptr);

    void signIn(const QUrl &, const QString &email, const QString &, bool, QObject *context, Reply done) override;
    void setSession(const QUrl &, const QString &) override { m_session = true; }
    void clearSession() override { m_session = false; }
    bool hasSession() const override { return m_session; }
    void createProject(const QJsonObject &body, QObject *context, Reply done) override;
    void createDeployment(const QJsonObject &body, QObject *context, Reply done) override;
    void relayInfo(QObject *context, Reply done) override;
    void uploadBlob(const QString &folder, const QMap<QString, QByteArray> &, QObject *context, Reply done) override;
    void listDeployments(QObject *context, Reply done) override;
    void deployment(const QString &id, QObject *context, Reply done) override;
    void command(const QString &id, const QString &command, const QJsonObject &, QObject *context, Reply done) override;
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
    void subscribe(const QString &) override { }
    void unsubscribe(const QString &) override { }

private:
    void answer(QObject *context, Reply done, core::Result<QJsonObject> value);
    void playBuild(const QString &id);

    bool m_session = false;
    QList<QJsonObject> m_deployments;
    QList<QJsonObject> m_databases;
    int m_next = 1;
};

} // namespace ttalkak::deployer
