#pragma once
// DeploymentLauncher: runs one deployment from an already-built image — its network
// (NetworkPreparer, unless setNetworkPrepared()), its data volume (databases), the hardened
// container, start, then reads back the published port. Each step is one Docker job; existing
// networks and volumes are reused (a retry after a crash).
// `finished` fires once; the launcher then deletes itself. On failure the container it created
// is left for the engine to clean up (its id is in the Deployment).

#include "deployment.h"
#include "isolation.h"
#include "jobrequest.h"

#include <core/error.h>

#include <QObject>

namespace ttalkak::docker {
class DockerClient;
class DockerJob;
} // namespace ttalkak::docker

namespace ttalkak::provider {

class DeploymentLauncher : public QObject
{
    Q_OBJECT
public:
    DeploymentLauncher(
        docker::DockerClient &client, const JobRequest &request, const Isolation &isolation, QObject *parent = nullptr);

    // The network was made ready beside the build (NetworkPreparer): skip that step.
    void setNetworkPrepared(bool prepared) { m_networkPrepared = prepared; }
    void start();

Q_SIGNALS:
    // error is default-constructed (code Unknown, empty message) on success.
    void finished(const ttalkak::provider::Deployment &deployment, const ttalkak::core::Error &error);

private:
    void afterNetwork();
    void createVolume();
    void createContainer();
    void startContainer();
    void inspect();
    void fail(const QString &step, const docker::DockerJob *job);
    void failWith(const QString &step, const core::Error &error);
    void done();

    docker::DockerClient &m_client;
    JobRequest m_request;
    Isolation m_isolation;
    Deployment m_deployment;
    bool m_networkPrepared = false;
};

} // namespace ttalkak::provider
