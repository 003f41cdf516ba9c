#pragma once
// ResourceStore: a deployer's projects and deployments (apps and databases). Every call is
// scoped by owner: another user's id yields NotFound. Placement state (provider, offers) is the
// Scheduler's business; this class only creates, reads, lists and soft-deletes.

#include "database.h"
#include "records.h"

#include <optional>

namespace ttalkak::relay {

class ResourceStore
{
public:
    explicit ResourceStore(Database &db) : m_db(db) {}

    core::Result<Project> createProject(const QString &ownerId, const QString &name, const QJsonObject &source);
    core::Result<Project> project(const QString &ownerId, const QString &projectId) const;
    core::Result<PageResult<Project>> listProjects(const QString &ownerId, const PageRequest &page) const;
    core::Result<void> deleteProject(const QString &ownerId, const QString &projectId);

    // Inserts a queued deployment (desired = running, generation 1).
    core::Result<Deployment> createDeployment(const QString &ownerId, Deployment draft);
    core::Result<Deployment> deployment(const QString &ownerId, const QString &deploymentId) const;
    core::Result<Deployment> deploymentById(const QString &deploymentId) const;
    // kind: "app" or "database"; projectId filters when non-empty. Deleted ones are left out.
    core::Result<PageResult<Deployment>> listDeployments(const QString &ownerId, const QString &kind,
                                                         const QString &projectId, const PageRequest &page) const;
    // True when a deployment that is not deleted (any owner, any kind) has this name, ignoring case:
    // names are host labels, so they are unique across the relay.
    core::Result<bool> nameTaken(const QString &name) const;
    // Deployments of a project that are not deleted (for project deletion).
    core::Result<QStringList> liveDeploymentIds(const QString &ownerId, const QString &projectId) const;

    // Public ingress. The provider's `status` carries the container port it serves the
    // deployment on; it only counts for that provider and generation (0 clears it).
    core::Result<void> setIngressPort(const QString &deploymentId, const QString &providerId, int generation, int port);
    struct IngressTarget
    {
        QString deploymentId;
        QString providerId;
        quint16 port = 0;
        int maxConnections = 0; // spec.limits; 0: not set (the relay's default applies)
        qint64 bandwidthBytesPerSecond = 0;
    };
    // The running app (or one being redeployed on the provider that still serves its previous
    // generation) a public host label names: its id with '-' for '_' ("dep-<hex>"), or its
    // name when exactly one running app has that name (case-insensitive).
    // nullopt when none (or the name is ambiguous) or it has no reported port.
    core::Result<std::optional<IngressTarget>> ingressTarget(const QString &label) const;

    static QString deploymentColumns();

private:
    Database &m_db;
};

} // namespace ttalkak::relay
