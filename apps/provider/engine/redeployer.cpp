#include "redeployer.h"
#include "deploymentlauncher.h"
#include "deploymentspec.h"
#include "imagebuilder.h"
#include "logging.h"
#include "readinessprobe.h"

#include <docker/dockerclient.h>

namespace ttalkak::provider {

using namespace Qt::StringLiterals;
using docker::DockerJob;

Redeployer::Redeployer(docker::DockerClient &client, QNetworkAccessManager &network, const SourceAccess &access,
    const Isolation &isolation, JobRequest next, QString oldContainerId, bool replaceFirst, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_network(network)
    , m_access(access)
    , m_isolation(isolation)
    , m_next(std::move(next))
    , m_oldContainerId(std::move(oldContainerId))
    , m_replaceFirst(replaceFirst)
{
}

Redeployer::~Redeployer()
{
    m_done = true;
    delete m_builder; // cancels a fetch or build in progress
}

void Redeployer::start()
{
    qCInfo(lcEngine).noquote() << "redeploying" << m_next.deploymentId << "generation" << m_next.generation
                               << (m_replaceFirst ? "(replace)" : "(side by side)");
    if (m_next.build)
        return build();
    m_replaceFirst ? removeOld() : launch();
}

void Redeployer::build()
{
    QMap<QString, QString> labels = m_next.extraLabels;
    labels.insert(DeploymentSpec::kDeploymentLabel, m_next.deploymentId);
    m_builder = new ImageBuilder(m_client, m_network, m_access, m_next.deploymentId, *m_next.build, labels, this);
    m_next.build->source.token.clear(); // only the builder's clone needs it
    connect(m_builder, &ImageBuilder::progress, this, &Redeployer::progress);
    connect(m_builder, &ImageBuilder::finished, this, [this](const core::Result<QString> &tag) {
        m_builder = nullptr;
        if (!tag)
            return finish(tag.error());
        m_next.image = *tag;
        m_replaceFirst ? removeOld() : launch();
    });
    m_builder->start();
}

void Redeployer::removeOld()
{
    if (m_oldContainerId.isEmpty())
        return launch();
    Q_EMIT progress(tr("Stopping the previous container (its data volume is kept)"));
    auto *job = m_client.removeContainer(m_oldContainerId, true, false);
    connect(job, &DockerJob::result, this, [this](DockerJob *j) {
        if (j->failed() && j->error().code() != core::ErrorCode::NotFound)
            return finish(core::Error(j->error().code(), tr("cannot remove the previous container: %1").arg(j->errorString())));
        launch();
    });
    job->start();
}

void Redeployer::launch()
{
    Q_EMIT progress(tr("Starting generation %1").arg(m_next.generation));
    auto *launcher = new DeploymentLauncher(m_client, m_next, m_isolation, this);
    connect(launcher, &DeploymentLauncher::finished, this, [this](const Deployment &launched, const core::Error &error) {
        if (!error.message().isEmpty())
            return discard(launched, error.message());
        if (launched.state != Deployment::State::Running)
            return discard(launched, tr("the new container exited at once"));
        probe(launched);
    });
    launcher->start();
}

void Redeployer::probe(const Deployment &launched)
{
    if (m_next.kind == DeploymentKind::Database || launched.hostPort == 0)
        return finish(launched); // the engine follows the database's own health check
    const QString path = m_next.build ? m_next.build->healthPath : QString();
    auto *p = new ReadinessProbe(launched.hostPort, path, kReadyTimeoutMs, this);
    connect(p, &ReadinessProbe::finished, this, [this, launched](bool ready, const QString &detail) {
        if (!ready)
            return discard(launched, detail);
        Q_EMIT progress(tr("Generation %1 is answering").arg(m_next.generation));
        finish(launched);
    });
    p->start();
}

void Redeployer::discard(const Deployment &launched, const QString &why)
{
    if (launched.containerId.isEmpty())
        return finish(core::Error(core::ErrorCode::Remote, why));
    auto *job = m_client.removeContainer(launched.containerId, true, false);
    connect(job, &DockerJob::result, this,
        [this, why](DockerJob *) { finish(core::Error(core::ErrorCode::Remote, why)); });
    job->start();
}

void Redeployer::finish(const core::Result<Deployment> &outcome)
{
    if (m_done)
        return;
    m_done = true;
    if (!outcome)
        qCWarning(lcEngine).noquote() << "redeploy of" << m_next.deploymentId << "failed:" << outcome.error().message();
    Q_EMIT finished(outcome);
    deleteLater();
}

} // namespace ttalkak::provider
