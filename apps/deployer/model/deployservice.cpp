#include "deployservice.h"
#include "deployerbackend.h"
#include "deploymentsmodel.h"
#include "logging.h"
#include "projectsession.h"
#include "relaylink.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

DeployService::DeployService(DeployerBackend *backend, ProjectSession *session, RelayLink *relay, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_session(session)
    , m_relay(relay)
{
    connect(m_backend, &DeployerBackend::statusReceived, this, &DeployService::onStatus);
    connect(m_backend, &DeployerBackend::buildLogReceived, this, &DeployService::onBuildLog);
    connect(m_backend, &DeployerBackend::uploadProgress, this, &DeployService::onUploadProgress);
    // A picked commit belongs to its repository: another source drops it.
    connect(m_session, &ProjectSession::sourceChanged, this, [this] {
        const ProjectSource &src = m_session->source();
        if (src.kind() != ProjectSource::Kind::GitHub || !m_git.url.startsWith(src.repositoryUrl().toString()))
            m_git = {};
    });
}

QString DeployService::deploymentName(const QString &displayName)
{
    // The relay's host-label rule: 1–63 of a-z, 0-9, '-', no '-' at either end, not "dep-…".
    static const QRegularExpression bad(u"[^a-z0-9]+"_s);
    QString name = displayName.toLower().replace(bad, u"-"_s).left(63);
    while (name.startsWith(u'-'))
        name.remove(0, 1);
    while (name.endsWith(u'-'))
        name.chop(1);
    if (name.startsWith(u"dep-"_s))
        name = QString(u"app-"_s + name).left(63);
    return name.isEmpty() ? u"app"_s : name;
}

namespace {
// The session as the builder sees it: the plan, the user's edits and the generated helper files.
client::DeploySpecBuilder specBuilder(ProjectSession &session)
{
    strategies::Generated generated;
    generated.dockerfile = session.dockerfile();
    generated.dockerignore = session.dockerignore();
    generated.files = session.extraFiles();
    client::DeploySpecBuilder builder(session.plan().value_or(strategies::Plan {}), generated);
    QMap<QString, QString> env;
    for (const EnvVar &v : session.environment()->variables())
        env.insert(v.name, v.value);
    builder.setEnv(env);
    return builder;
}
} // namespace

core::Result<QJsonObject> DeployService::buildSpec(ProjectSession &session, const client::SourceRef &source)
{
    client::DeploySpecBuilder builder = specBuilder(session);
    builder.setSource(source);
    return builder.build();
}

void DeployService::deploy()
{
    const quint64 attempt = ++m_attempt;
    if (!m_progress.deploymentId().isEmpty())
        m_backend->unsubscribe(m_progress.deploymentId());
    const ProjectSource &src = m_session->source();
    m_progress.start(deploymentName(src.displayName()));
    Q_EMIT started();
    if (!m_relay->isConnected()) {
        m_progress.fail(tr("Sign in to a relay first."));
        return;
    }
    if (src.kind() == ProjectSource::Kind::GitHub) {
        const bool picked = !m_git.url.isEmpty();
        createDeployment(client::SourceRef::fromGit(picked ? m_git.url : src.repositoryUrl().toString() + u".git"_s,
            picked ? m_git.ref : src.ref(), picked ? m_git.commit : QString()));
        return;
    }
    // Check the spec before spending an upload on it (the blob itself is a placeholder here).
    if (auto check = buildSpec(*m_session, client::SourceRef::fromBlob(QString(64, u'0'), 1)); !check) {
        m_progress.fail(tr("The deployment is not valid: %1").arg(check.error().message()));
        return;
    }
    m_progress.appendBuildLog(tr("Packing and uploading %1 …").arg(src.localPath()));
    m_uploadStep = -1;
    // The generated helper files (e.g. .ttalkak/nginx.conf) go into the archive.
    const QMap<QString, QByteArray> helpers = specBuilder(*m_session).contextFiles();
    m_backend->uploadBlob(src.localPath(), helpers, this, [this, attempt](core::Result<QJsonObject> r) {
        if (attempt != m_attempt)
            return;
        if (!r) {
            m_progress.fail(tr("Upload failed: %1").arg(r.error().message()));
            return;
        }
        createDeployment(client::SourceRef::fromBlob(
            r->value(u"blob"_s).toString(), qint64(r->value(u"size"_s).toDouble())));
    });
}

void DeployService::onUploadProgress(qint64 sent, qint64 total)
{
    if (total <= 0 || m_progress.phase() == DeployProgress::Phase::Failed)
        return;
    const int step = int(sent * 4 / total); // a line per quarter, not per packet
    if (step <= m_uploadStep)
        return;
    m_uploadStep = step;
    const QLocale locale;
    m_progress.appendBuildLog(tr("Uploaded %1 of %2").arg(locale.formattedDataSize(sent), locale.formattedDataSize(total)));
}

void DeployService::createDeployment(const client::SourceRef &source)
{
    const quint64 attempt = m_attempt;
    const QString name = m_progress.name();
    QJsonObject project { { u"name"_s, name } };
    if (source.type == client::SourceRef::Type::Git)
        project.insert(u"source"_s, QJsonObject { { u"type"_s, u"git"_s }, { u"url"_s, source.url } });
    const auto built = buildSpec(*m_session, source);
    if (!built) {
        m_progress.fail(tr("The deployment is not valid: %1").arg(built.error().message()));
        return;
    }
    const QJsonObject spec = *built;
    // Deploying a name again is a redeploy of that deployment with the new spec.
    m_backend->listDeployments(this, [this, attempt, name, spec, project](core::Result<QJsonObject> list) {
        if (attempt != m_attempt)
            return;
        if (list) {
            for (const QJsonValue &v : list->value(u"items"_s).toArray()) {
                if (v[u"name"].toString() == name && v[u"state"].toString() != u"deleted")
                    return redeploy(v[u"id"].toString(), spec);
            }
        }
        findOrCreateProject(project, spec);
    });
}

void DeployService::redeploy(const QString &id, const QJsonObject &spec)
{
    const quint64 attempt = m_attempt;
    QJsonObject extra { { u"spec"_s, spec } };
    if (!m_git.token.isEmpty() && m_git.isPrivate)
        extra.insert(u"sourceToken"_s, m_git.token);
    m_progress.appendBuildLog(tr("%1 exists: redeploying it with this version").arg(m_progress.name()));
    m_backend->command(id, u"redeploy"_s, extra, this, [this, attempt, id](core::Result<QJsonObject> d) {
        if (attempt != m_attempt)
            return;
        if (!d) {
            m_progress.fail(tr("Redeploy failed: %1").arg(d.error().message()));
            return;
        }
        m_progress.setDeployment(id, DeploymentsModel::publicUrl(*d, m_relay->relayInfo()));
        m_progress.applyStatus(*d);
        m_backend->subscribe(id);
        Q_EMIT deploymentUpdated(*d);
    });
}

void DeployService::findOrCreateProject(const QJsonObject &project, const QJsonObject &spec)
{
    const quint64 attempt = m_attempt;
    const QString name = project.value(u"name"_s).toString();
    m_backend->listProjects(name, this, [this, attempt, project, spec, name](core::Result<QJsonObject> list) {
        if (attempt != m_attempt)
            return;
        if (list) {
            for (const QJsonValue &v : list->value(u"items"_s).toArray()) {
                if (v[u"name"].toString() == name)
                    return submit(v.toObject(), spec);
            }
        }
        m_backend->createProject(project, this, [this, attempt, spec](core::Result<QJsonObject> p) {
            if (attempt != m_attempt)
                return;
            if (!p) {
                m_progress.fail(tr("The relay refused the project: %1").arg(p.error().message()));
                return;
            }
            submit(*p, spec);
        });
    });
}

void DeployService::submit(const QJsonObject &project, const QJsonObject &spec)
{
    const quint64 attempt = m_attempt;
    QJsonObject body { { u"projectId"_s, project.value(u"id"_s) }, { u"name"_s, m_progress.name() },
        { u"spec"_s, spec }, { u"resources"_s, m_session->resources().toJson() } };
    if (!m_git.token.isEmpty() && m_git.isPrivate)
        body.insert(u"sourceToken"_s, m_git.token); // beside the spec, never inside it
    m_backend->createDeployment(body, this, [this, attempt](core::Result<QJsonObject> d) {
        if (attempt != m_attempt)
            return;
        if (!d) {
            m_progress.fail(tr("The relay refused the deployment: %1").arg(d.error().message()));
            return;
        }
        const QString id = d->value(u"id"_s).toString();
        qCInfo(lcSession) << "deployment created" << id;
        m_progress.setDeployment(id, DeploymentsModel::publicUrl(*d, m_relay->relayInfo()));
        m_progress.applyStatus(*d);
        m_backend->subscribe(id);
        Q_EMIT deploymentUpdated(*d);
    });
}

void DeployService::retry()
{
    const QString id = m_progress.deploymentId();
    if (id.isEmpty()) {
        deploy();
        return;
    }
    const quint64 attempt = ++m_attempt;
    const QUrl url = m_progress.publicUrl();
    m_progress.start(m_progress.name());
    m_progress.setDeployment(id, url);
    QJsonObject extra;
    if (!m_git.token.isEmpty() && m_git.isPrivate)
        extra.insert(u"sourceToken"_s, m_git.token);
    m_backend->command(id, u"redeploy"_s, extra, this, [this, attempt](core::Result<QJsonObject> d) {
        if (attempt != m_attempt)
            return;
        if (!d) {
            m_progress.fail(tr("Redeploy failed: %1").arg(d.error().message()));
            return;
        }
        m_progress.applyStatus(*d);
        Q_EMIT deploymentUpdated(*d);
    });
}

void DeployService::onStatus(const QJsonObject &status)
{
    if (status.value(u"deployment"_s).toString() != m_progress.deploymentId() || m_progress.deploymentId().isEmpty())
        return;
    m_progress.applyStatus(status);
}

void DeployService::onBuildLog(const QString &deploymentId, const QString &line)
{
    if (deploymentId == m_progress.deploymentId() && !deploymentId.isEmpty())
        m_progress.appendBuildLog(line);
}

} // namespace ttalkak::deployer
