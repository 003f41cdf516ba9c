#include "resourcestore.h"

#include "tokens.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ResourceStore", text);
}

// LIKE pattern matching `search` literally, case-insensitively (the column is LOWER()ed too).
QString likePattern(const QString &search)
{
    QString s = search.toLower();
    s.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    return u'%' + s + u'%';
}

Project projectFromQuery(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), parseJsonObject(q.value(3).toString()),
            q.value(4).toLongLong(), q.value(5).toLongLong()};
}

} // namespace

QString ResourceStore::deploymentColumns()
{
    return u"id, owner_id, project_id, kind, name, spec, cpu_millis, memory_mb, disk_mb, desired, state, status_detail,"
           " provider_id, generation, attempt, offer_expires_at, created_at, updated_at"_s;
}

Result<void> ResourceStore::setIngressPort(const QString &deploymentId, const QString &providerId, int generation, int port)
{
    auto r = m_db.exec(u"UPDATE deployments SET ingress_port = ? WHERE id = ? AND provider_id = ? AND generation = ?"_s,
                       {port, deploymentId, providerId, generation});
    if (!r)
        return r.error();
    return {};
}

Result<std::optional<ResourceStore::IngressTarget>> ResourceStore::ingressTarget(const QString &label) const
{
    if (label.isEmpty() || label.size() > 128)
        return std::optional<IngressTarget>();
    QString id = label;
    if (id.startsWith(u"dep-"))
        id[3] = u'_';
    // A redeploy moves the deployment to assigned/building (generation + 1) while the previous
    // container keeps serving on the same provider: keep routing to the port it reported. The
    // scheduler clears ingress_port whenever the placement changes (re-queue, new offer) and the
    // provider's stopped/failed clear it, so a recorded port always belongs to this provider.
    auto q = m_db.exec(u"SELECT id, provider_id, ingress_port, spec FROM deployments WHERE (id = ? OR LOWER(name) = ?)"
                       " AND kind = 'app' AND provider_id IS NOT NULL AND (state = 'running'"
                       " OR (state IN ('assigned', 'building') AND ingress_port > 0)) LIMIT 2"_s,
                       {id, label.toLower()});
    if (!q)
        return q.error();
    std::optional<IngressTarget> found;
    QString spec;
    int rows = 0;
    while (q->next()) {
        ++rows;
        found = IngressTarget{q->value(0).toString(), q->value(1).toString(), quint16(q->value(2).toInt())};
        spec = q->value(3).toString();
        if (found->deploymentId == id) // an id match wins over names
            break;
    }
    if (!found || (rows > 1 && found->deploymentId != id) || found->port == 0)
        return std::optional<IngressTarget>();
    const QJsonObject limits = parseJsonObject(spec).value(u"limits"_s).toObject();
    found->maxConnections = limits.value(u"maxConnections"_s).toInt();
    found->bandwidthBytesPerSecond = limits.value(u"bandwidthBytesPerSecond"_s).toInteger();
    return found;
}

Result<Project> ResourceStore::createProject(const QString &ownerId, const QString &name, const QJsonObject &source)
{
    const qint64 now = Database::nowMs();
    Project p{tokens::newId(u"prj"), ownerId, name, source, now, now};
    auto r = m_db.exec(u"INSERT INTO projects (id, owner_id, name, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                       {p.id, ownerId, name, toJsonText(source), now, now});
    if (!r) {
        if (r.error().code() == ErrorCode::InvalidInput)
            return Error(ErrorCode::InvalidInput, tr("a project with this name exists"));
        return r.error();
    }
    return p;
}

Result<Project> ResourceStore::project(const QString &ownerId, const QString &projectId) const
{
    return m_db.fetchOne(u"SELECT id, owner_id, name, source, created_at, updated_at FROM projects"
                         " WHERE id = ? AND owner_id = ? AND deleted_at IS NULL"_s,
                         {projectId, ownerId}, projectFromQuery, tr("no such project"));
}

Result<PageResult<Project>> ResourceStore::listProjects(const QString &ownerId, const PageRequest &page) const
{
    QString where = u" FROM projects WHERE owner_id = ? AND deleted_at IS NULL"_s;
    QVariantList binds{ownerId};
    if (!page.search.isEmpty()) {
        where += u" AND LOWER(name) LIKE ? ESCAPE '\\'"_s;
        binds << likePattern(page.search);
    }
    PageResult<Project> out;
    auto count = m_db.exec(u"SELECT COUNT(*)"_s + where, binds);
    if (!count)
        return count.error();
    if (count->next())
        out.total = count->value(0).toLongLong();
    auto q = m_db.exec(u"SELECT id, owner_id, name, source, created_at, updated_at"_s + where
                           + u" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"_s,
                       binds + QVariantList{page.pageSize, qint64(page.page - 1) * page.pageSize});
    if (!q)
        return q.error();
    while (q->next())
        out.items.append(projectFromQuery(*q));
    return out;
}

Result<void> ResourceStore::deleteProject(const QString &ownerId, const QString &projectId)
{
    auto n = m_db.execCount(u"UPDATE projects SET deleted_at = ?, updated_at = ? WHERE id = ? AND owner_id = ? AND deleted_at IS NULL"_s,
                            {Database::nowMs(), Database::nowMs(), projectId, ownerId});
    if (!n)
        return n.error();
    if (*n != 1)
        return Database::notFound(tr("no such project"));
    return {};
}

Result<Deployment> ResourceStore::createDeployment(const QString &ownerId, Deployment d)
{
    const qint64 now = Database::nowMs();
    d.id = tokens::newId(u"dep");
    d.ownerId = ownerId;
    d.desired = u"running"_s;
    d.state = u"queued"_s;
    d.generation = 1;
    d.attempt = 0;
    d.createdAt = d.updatedAt = now;
    auto r = m_db.exec(u"INSERT INTO deployments (id, owner_id, project_id, kind, name, spec, cpu_millis, memory_mb, disk_mb,"
                       " desired, state, generation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                       {d.id, ownerId, d.projectId.isEmpty() ? QVariant() : QVariant(d.projectId), d.kind, d.name,
                        toJsonText(d.spec), d.resources.cpuMillis, d.resources.memoryMb, d.resources.diskMb, d.desired, d.state,
                        d.generation, now, now});
    if (!r)
        return r.error();
    return d;
}

Result<Deployment> ResourceStore::deployment(const QString &ownerId, const QString &deploymentId) const
{
    return m_db.fetchOne(u"SELECT "_s + deploymentColumns() + u" FROM deployments WHERE id = ? AND owner_id = ? AND state <> 'deleted'"_s,
                         {deploymentId, ownerId}, Deployment::fromQuery, tr("no such deployment"));
}

Result<Deployment> ResourceStore::deploymentById(const QString &deploymentId) const
{
    return m_db.fetchOne(u"SELECT "_s + deploymentColumns() + u" FROM deployments WHERE id = ?"_s, {deploymentId},
                         Deployment::fromQuery, tr("no such deployment"));
}

Result<PageResult<Deployment>> ResourceStore::listDeployments(const QString &ownerId, const QString &kind,
                                                             const QString &projectId, const PageRequest &page) const
{
    QString where = u" FROM deployments WHERE owner_id = ? AND kind = ? AND state <> 'deleted'"_s;
    QVariantList binds{ownerId, kind};
    if (!projectId.isEmpty()) {
        where += u" AND project_id = ?"_s;
        binds << projectId;
    }
    if (!page.search.isEmpty()) {
        where += u" AND LOWER(name) LIKE ? ESCAPE '\\'"_s;
        binds << likePattern(page.search);
    }
    PageResult<Deployment> out;
    auto count = m_db.exec(u"SELECT COUNT(*)"_s + where, binds);
    if (!count)
        return count.error();
    if (count->next())
        out.total = count->value(0).toLongLong();
    auto q = m_db.exec(u"SELECT "_s + deploymentColumns() + where + u" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"_s,
                       binds + QVariantList{page.pageSize, qint64(page.page - 1) * page.pageSize});
    if (!q)
        return q.error();
    while (q->next())
        out.items.append(Deployment::fromQuery(*q));
    return out;
}

Result<bool> ResourceStore::nameTaken(const QString &name) const
{
    auto q = m_db.exec(u"SELECT 1 FROM deployments WHERE LOWER(name) = ? AND state <> 'deleted' LIMIT 1"_s, {name.toLower()});
    if (!q)
        return q.error();
    return q->next();
}

Result<QStringList> ResourceStore::liveDeploymentIds(const QString &ownerId, const QString &projectId) const
{
    auto q = m_db.exec(u"SELECT id FROM deployments WHERE owner_id = ? AND project_id = ? AND state <> 'deleted'"_s,
                       {ownerId, projectId});
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

} // namespace ttalkak::relay
