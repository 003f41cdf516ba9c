#include "deployservice.h"
#include "deployerbackend.h"
#include "deploymentsmodel.h"
#include "logging.h"
#include "projectsession.h"
#include "relaylink.h"

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
}

QString DeployService::deploymentName(const QString &displayName)
{
    static const QRegularExpression bad(u"[^A-Za-z0-9._-]+"_s);
    QString name = QString(displayName).replace(bad, u"-"_s).left(100);
    while (name.startsWith(u'-'))
        name.remove(0, 1);
    return name.isEmpty() ? u"app"_s : name;
}

QJsonObject DeployService::buildSpec(ProjectSession &session, const QJsonObject &source)
{
    QJsonObject env;
    for (const EnvVar &v : session.environment()->variables())
        env.insert(v.name, v.value);
    QJsonObject spec { { u"source"_s, source }, { u"dockerfile"_s, session.dockerfile() }, { u"env"_s, env } };
    if (!session.dockerignore().isEmpty())
        spec.insert(u"dockerignore"_s, session.dockerignore());
    if (const auto &plan = session.plan()) {
        spec.insert(u"contextDir"_s, plan->contextDir);
        spec.insert(u"port"_s, plan->port);
        if (!plan->healthPath.isEmpty())
            spec.insert(u"healthPath"_s, plan->healthPath);
    }
    return spec;
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
        QJsonObject git { { u"type"_s, u"git"_s } };
        const bool picked = !m_git.url.isEmpty();
        git.insert(u"url"_s, picked ? m_git.url : src.repositoryUrl().toString() + u".git"_s);
        const QString ref = picked ? m_git.ref : src.ref();
        if (!ref.isEmpty())
            git.insert(u"ref"_s, ref);
        if (picked && !m_git.commit.isEmpty())
            git.insert(u"commit"_s, m_git.commit);
        createDeployment(git);
        return;
    }
    m_progress.appendBuildLog(tr("Packing and uploading %1 …").arg(src.localPath()));
    m_backend->uploadBlob(src.localPath(), this, [this, attempt](core::Result<QJsonObject> r) {
        if (attempt != m_attempt)
            return;
        if (!r) {
            m_progress.fail(tr("Upload failed: %1").arg(r.error().message()));
            return;
        }
        createDeployment({ { u"type"_s, u"blob"_s }, { u"blob"_s, r->value(u"blob"_s) },
            { u"size"_s, r->value(u"size"_s) } });
    });
}

void DeployService::createDeployment(const QJsonObject &source)
{
    const quint64 attempt = m_attempt;
    const QString name = m_progress.name();
    QJsonObject project { { u"name"_s, name } };
    if (source.value(u"type"_s) == u"git"_s)
        project.insert(u"source"_s, source.value(u"url"_s));
    const QJsonObject spec = buildSpec(*m_session, source);
    m_backend->createProject(project, this, [this, attempt, name, spec](core::Result<QJsonObject> p) {
        if (attempt != m_attempt)
            return;
        if (!p) {
            m_progress.fail(tr("The relay refused the project: %1").arg(p.error().message()));
            return;
        }
        QJsonObject body { { u"projectId"_s, p->value(u"id"_s) }, { u"name"_s, name }, { u"spec"_s, spec },
            { u"resources"_s, m_session->resources().toJson() } };
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
            m_progress.setDeployment(id, DeploymentsModel::publicUrl(*d, m_relay->relayUrl()));
            m_progress.applyStatus(*d);
            m_backend->subscribe(id);
            Q_EMIT deploymentUpdated(*d);
        });
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
