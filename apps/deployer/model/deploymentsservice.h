#pragma once
// DeploymentsService: the deployments and databases pages' actions — list,
// start/stop/restart/redeploy, delete, create a database, fetch details — with
// the results kept in DeploymentsModel/DatabasesModel and live status from the
// subscription (every listed deployment is subscribed). Thread: GUI thread.

#include "databaseform.h"
#include "databasesmodel.h"
#include "deploymentsmodel.h"

#include <QObject>
#include <QSet>

namespace ttalkak::deployer {

class DeployerBackend;
class RelayLink;

class DeploymentsService : public QObject
{
    Q_OBJECT
public:
    DeploymentsService(DeployerBackend *backend, RelayLink *relay, QObject *parent = nullptr);

    DeploymentsModel *deployments() { return &m_deployments; }
    DatabasesModel *databases() { return &m_databases; }

    void refresh();
    void command(const QString &id, const QString &command);
    void remove(const QString &id);
    void createDatabase(const DatabaseForm &form);
    void loadDatabaseDetails(const QString &id);
    void removeDatabase(const QString &id);
    // A deployment created elsewhere (the Deploy flow).
    void track(const QJsonObject &deployment);

Q_SIGNALS:
    void error(const QString &message);
    void message(const QString &message);
    void databaseDetailsLoaded(const QString &id);
    void databaseCreated(const QString &id);

private:
    void subscribeAll();
    void onStatus(const QJsonObject &status);

    DeployerBackend *m_backend;
    RelayLink *m_relay;
    DeploymentsModel m_deployments;
    DatabasesModel m_databases;
    QSet<QString> m_subscribed;
};

} // namespace ttalkak::deployer
