#pragma once
// NetworkPreparer: a deployment's own network, ready for its container — created (an existing
// one is reused, a retry after a crash), and with egress filtering on, its subnet limited to the
// public internet (EgressGuard) before anything runs on it. The engine starts one beside the
// image build, so the network costs no time when the image is done; DeploymentLauncher runs one
// itself otherwise. `finished` fires once; the preparer then deletes itself.

#include "isolation.h"

#include <core/error.h>

#include <QMap>
#include <QObject>
#include <QString>

namespace ttalkak::docker {
class DockerClient;
class DockerJob;
} // namespace ttalkak::docker

namespace ttalkak::provider {

class NetworkPreparer : public QObject
{
    Q_OBJECT
public:
    NetworkPreparer(docker::DockerClient &client, QString network, QMap<QString, QString> labels,
        const Isolation &isolation, QObject *parent = nullptr);

    void start();
    bool isDone() const { return m_done; } // finished, not yet deleted

Q_SIGNALS:
    // step is "network" or "egress filter"; error is default-constructed on success.
    void finished(const QString &step, const ttalkak::core::Error &error);

private:
    void guard();
    void finish(const QString &step, const core::Error &error);

    docker::DockerClient &m_client;
    QString m_network;
    QMap<QString, QString> m_labels;
    Isolation m_isolation;
    bool m_done = false;
};

} // namespace ttalkak::provider
