#pragma once
// ResourceStore: a deployer's projects and deployments (apps and databases). Every call is
// scoped by owner: another user's id yields NotFound. Placement state (provider, offers) is the
// Scheduler's business; this class only creates, reads, lists and soft-deletes.

#include "database.h"
#include "records.h"

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
    // Deployments of a project that are not deleted (for project deletion).
    core::Result<QStringList> liveDeploymentIds(const QString &ownerId, const QString &projectId) const;

    static QString deploymentColumns();

private:
    Database &m_db;
};

} // namespace ttalkak::relay
