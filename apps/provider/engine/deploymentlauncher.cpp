#include "deploymentlauncher.h"
#include "deploymentspec.h"
#include "logging.h"
#include "networkpreparer.h"

#include <docker/dockerclient.h>

#include <QJsonArray>

namespace ttalkak::provider {

using docker::ApiJob;
using docker::DockerJob;

DeploymentLauncher::DeploymentLauncher(
    docker::DockerClient &client, const JobRequest &request, const Isolation &isolation, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(request)
    , m_isolation(isolation)
    , m_deployment(DeploymentSpec::fromRequest(request))
{
}

void DeploymentLauncher::start()
{
    qCInfo(lcEngine).noquote() << "launching" << m_request.deploymentId << "from" << m_request.image;
    if (m_networkPrepared)
        return afterNetwork();
    auto *preparer = new NetworkPreparer(
        m_client, m_deployment.network, DeploymentSpec::objectLabels(m_request), m_isolation, this);
    connect(preparer, &NetworkPreparer::finished, this, [this](const QString &step, const core::Error &error) {
        if (!step.isEmpty())
            return failWith(step, error);
        afterNetwork();
    });
    preparer->start();
}

void DeploymentLauncher::afterNetwork()
{
    m_request.kind == DeploymentKind::Database ? createVolume() : createContainer();
}

void DeploymentLauncher::createVolume()
{
    auto *job = m_client.createVolume(m_deployment.volume, DeploymentSpec::objectLabels(m_request));
    connect(job, &DockerJob::result, this, [this](DockerJob *j) {
        if (j->failed()) // creating an existing volume succeeds, so any failure is real
            return fail(QStringLiteral("volume"), j);
        createContainer();
    });
    job->start();
}

void DeploymentLauncher::createContainer()
{
    const docker::ContainerSpec spec = DeploymentSpec::containerSpec(m_request, m_isolation);
    auto *job = m_client.createContainer(spec, DeploymentSpec::containerName(m_request));
    connect(job, &DockerJob::result, this, [this](DockerJob *j) {
        if (j->failed())
            return fail(QStringLiteral("create"), j);
        m_deployment.containerId = static_cast<ApiJob *>(j)->value(u"Id").toString();
        startContainer();
    });
    job->start();
}

void DeploymentLauncher::startContainer()
{
    auto *job = m_client.startContainer(m_deployment.containerId);
    connect(job, &DockerJob::result, this, [this](DockerJob *j) {
        if (j->failed())
            return fail(QStringLiteral("start"), j);
        inspect();
    });
    job->start();
}

void DeploymentLauncher::inspect()
{
    auto *job = m_client.inspectContainer(m_deployment.containerId);
    connect(job, &DockerJob::result, this, [this](DockerJob *j) {
        if (j->failed())
            return fail(QStringLiteral("inspect"), j);
        const QJsonObject o = static_cast<ApiJob *>(j)->json().object();
        m_deployment.hostPort = DeploymentSpec::hostPortFromInspect(o, m_deployment.containerPort);
        m_deployment.startedAt
            = QDateTime::fromString(o.value(u"State").toObject().value(u"StartedAt").toString(), Qt::ISODateWithMs);
        const bool running = o.value(u"State").toObject().value(u"Running").toBool();
        m_deployment.state = running ? Deployment::State::Running : Deployment::State::Exited;
        done();
    });
    job->start();
}

void DeploymentLauncher::failWith(const QString &step, const core::Error &error)
{
    m_deployment.state = Deployment::State::Failed;
    m_deployment.detail = error.message();
    qCWarning(lcEngine).noquote() << "launch of" << m_request.deploymentId << "failed at" << step << ":"
                                  << error.message();
    Q_EMIT finished(m_deployment, error);
    deleteLater();
}

void DeploymentLauncher::fail(const QString &step, const DockerJob *job)
{
    m_deployment.state = Deployment::State::Failed;
    m_deployment.detail = job->errorString();
    qCWarning(lcEngine).noquote() << "launch of" << m_request.deploymentId << "failed at" << step << ":"
                                  << job->errorString();
    Q_EMIT finished(m_deployment, job->error());
    deleteLater();
}

void DeploymentLauncher::done()
{
    qCInfo(lcEngine).noquote() << "deployment" << m_deployment.id << "running as" << m_deployment.containerId.left(12)
                               << "port" << m_deployment.hostPort;
    Q_EMIT finished(m_deployment, {});
    deleteLater();
}

} // namespace ttalkak::provider
