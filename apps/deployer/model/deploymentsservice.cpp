#include "deploymentsservice.h"
#include "deployerbackend.h"
#include "relaylink.h"

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

DeploymentsService::DeploymentsService(DeployerBackend *backend, RelayLink *relay, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_relay(relay)
{
    m_deployments.setRelayInfo(relay->relayInfo());
    connect(m_relay, &RelayLink::relayInfoChanged, this, [this] { m_deployments.setRelayInfo(m_relay->relayInfo()); });
    connect(m_backend, &DeployerBackend::statusReceived, this, &DeploymentsService::onStatus);
    connect(m_relay, &RelayLink::connectionChanged, this, [this](bool connected) {
        m_subscribed.clear();
        if (connected) {
            refresh();
        } else {
            m_deployments.setItems({});
            m_databases.setItems({});
        }
    });
}

void DeploymentsService::refresh()
{
    if (!m_relay->isConnected())
        return;
    m_backend->listDeployments(this, [this](core::Result<QJsonObject> r) {
        if (!r) {
            Q_EMIT error(r.error().message());
            return;
        }
        m_deployments.setItems(*r);
        subscribeAll();
    });
    m_backend->listDatabases(this, [this](core::Result<QJsonObject> r) {
        if (!r) {
            Q_EMIT error(r.error().message());
            return;
        }
        m_databases.setItems(*r);
        subscribeAll();
    });
}

void DeploymentsService::subscribeAll()
{
    QStringList ids = m_deployments.ids();
    for (int i = 0; i < m_databases.rowCount(); ++i)
        ids.append(m_databases.database(i).value(u"id"_s).toString());
    for (const QString &id : std::as_const(ids)) {
        if (!m_subscribed.contains(id)) {
            m_subscribed.insert(id);
            m_backend->subscribe(id);
        }
    }
}

void DeploymentsService::track(const QJsonObject &deployment)
{
    m_deployments.upsert(deployment);
    subscribeAll();
}

void DeploymentsService::onStatus(const QJsonObject &status)
{
    if (!m_deployments.applyStatus(status))
        m_databases.applyStatus(status);
}

void DeploymentsService::command(const QString &id, const QString &command)
{
    m_backend->command(id, command, {}, this, [this, command](core::Result<QJsonObject> r) {
        if (!r) {
            Q_EMIT error(tr("%1 failed: %2").arg(command, r.error().message()));
            return;
        }
        m_deployments.upsert(*r);
    });
}

void DeploymentsService::remove(const QString &id)
{
    m_backend->deleteDeployment(id, this, [this](core::Result<QJsonObject> r) {
        if (!r) {
            Q_EMIT error(tr("Delete failed: %1").arg(r.error().message()));
            return;
        }
        m_deployments.upsert(*r); // "deleting" until the provider confirms
    });
}

void DeploymentsService::createDatabase(const DatabaseForm &form)
{
    if (!form.isValid()) {
        Q_EMIT error(form.errors().constFirst());
        return;
    }
    m_backend->createDatabase(form.body(), this, [this](core::Result<QJsonObject> r) {
        if (!r) {
            Q_EMIT error(tr("The relay refused the database: %1").arg(r.error().message()));
            return;
        }
        m_databases.upsert(*r);
        const QString id = r->value(u"id"_s).toString();
        m_subscribed.insert(id);
        m_backend->subscribe(id);
        Q_EMIT databaseCreated(id);
    });
}

void DeploymentsService::loadDatabaseDetails(const QString &id)
{
    m_backend->database(id, this, [this, id](core::Result<QJsonObject> r) {
        if (!r) {
            Q_EMIT error(r.error().message());
            return;
        }
        m_databases.upsert(*r);
        Q_EMIT databaseDetailsLoaded(id);
    });
}

void DeploymentsService::removeDatabase(const QString &id)
{
    m_backend->deleteDatabase(id, this, [this](core::Result<QJsonObject> r) {
        if (!r) {
            Q_EMIT error(tr("Delete failed: %1").arg(r.error().message()));
            return;
        }
        m_databases.upsert(*r);
    });
}

} // namespace ttalkak::deployer
