#include "containerstreams.h"
#include "logging.h"

#include <docker/dockerclient.h>

namespace ttalkak::provider {

using docker::DockerJob;

ContainerStreams::ContainerStreams(docker::DockerClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

ContainerStreams::~ContainerStreams()
{
    detach();
}

bool ContainerStreams::isAttached() const
{
    return m_stats || m_logs;
}

void ContainerStreams::attach(const QString &containerId, int tail)
{
    if (containerId != m_containerId) {
        detach();
        m_lastLogTime = {};
    }
    m_containerId = containerId;
    if (!m_stats) {
        m_stats = m_client.stats(containerId, true);
        connect(m_stats, &docker::StatsJob::sample, this, &ContainerStreams::sample);
        connect(m_stats, &DockerJob::result, this, [](DockerJob *j) {
            if (j->failed() && j->error().code() != core::ErrorCode::Cancelled)
                qCDebug(lcEngine).noquote() << "stats stream ended:" << j->errorString();
        });
        m_stats->start();
    }
    if (!m_logs) {
        docker::LogsOptions options;
        options.follow = true;
        options.timestamps = true;
        if (m_lastLogTime.isValid())
            options.since = m_lastLogTime.addMSecs(1); // a restart: only what is new
        else
            options.tail = tail;
        m_logs = m_client.logs(containerId, options);
        m_logs->setCollect(false);
        connect(m_logs, &docker::LogsJob::lines, this, [this](const QList<docker::LogLine> &batch) {
            if (!batch.isEmpty() && batch.constLast().timestamp.isValid())
                m_lastLogTime = batch.constLast().timestamp;
            Q_EMIT lines(batch);
        });
        m_logs->start();
    }
}

void ContainerStreams::detach()
{
    // Kill without letting the dying jobs call back into a half-destroyed owner.
    for (DockerJob *job : { static_cast<DockerJob *>(m_stats.data()), static_cast<DockerJob *>(m_logs.data()) }) {
        if (!job)
            continue;
        disconnect(job, nullptr, this, nullptr);
        job->kill();
    }
    m_stats = nullptr;
    m_logs = nullptr;
}

} // namespace ttalkak::provider
