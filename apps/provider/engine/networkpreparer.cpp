#include "networkpreparer.h"

#include "egressguard.h"

#include <docker/dockerclient.h>

namespace ttalkak::provider {

using docker::ApiJob;
using docker::DockerJob;

NetworkPreparer::NetworkPreparer(docker::DockerClient &client, QString network, QMap<QString, QString> labels,
    const Isolation &isolation, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_network(std::move(network))
    , m_labels(std::move(labels))
    , m_isolation(isolation)
{
}

void NetworkPreparer::start()
{
    auto *job = m_client.createNetwork(m_network, m_labels);
    connect(job, &DockerJob::result, this, [this](DockerJob *j) {
        if (j->failed() && j->statusCode() != 409) // 409: it exists (a retry)
            return finish(QStringLiteral("network"), j->error());
        m_isolation.egressFiltered ? guard() : finish({}, {});
    });
    job->start();
}

// Before anything runs on the network: its subnet may reach only the public internet.
void NetworkPreparer::guard()
{
    auto *job = m_client.inspectNetwork(m_network);
    connect(job, &DockerJob::result, this, [this](DockerJob *j) {
        if (j->failed())
            return finish(QStringLiteral("network"), j->error());
        // IPv6 ranges are skipped: Docker gives none unless the owner enabled them.
        const QStringList subnets = EgressGuard::ipv4Subnets(static_cast<ApiJob *>(j)->json().object());
        if (subnets.isEmpty())
            return finish(QStringLiteral("egress filter"),
                core::Error(core::ErrorCode::Unsupported, QStringLiteral("the network has no IPv4 subnet")));
        for (const QString &subnet : subnets) {
            if (auto r = EgressGuard().protect(subnet); !r)
                return finish(QStringLiteral("egress filter"), r.error());
        }
        finish({}, {});
    });
    job->start();
}

void NetworkPreparer::finish(const QString &step, const core::Error &error)
{
    m_done = true;
    Q_EMIT finished(step, error);
    deleteLater();
}

} // namespace ttalkak::provider
