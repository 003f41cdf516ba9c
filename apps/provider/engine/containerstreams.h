#pragma once
// ContainerStreams: the live stats and log streams of one running container. attach() opens
// both (idempotent for the same container); they end by themselves when the container stops,
// and detach() closes them. The owner re-attaches on the next `start` event.
// Thread: the owner thread. Signals fire as data arrives.

#include <docker/logdemuxer.h>
#include <docker/statssample.h>

#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace ttalkak::docker {
class DockerClient;
class DockerJob;
class LogsJob;
class StatsJob;
} // namespace ttalkak::docker

namespace ttalkak::provider {

class ContainerStreams : public QObject
{
    Q_OBJECT
public:
    explicit ContainerStreams(docker::DockerClient &client, QObject *parent = nullptr);
    ~ContainerStreams() override;

    // Lines logged before this attach are fetched only on the first attach (last `tail` lines).
    void attach(const QString &containerId, int tail = 200);
    void detach();
    bool isAttached() const;

Q_SIGNALS:
    void sample(const ttalkak::docker::StatsSample &sample);
    void lines(const QList<ttalkak::docker::LogLine> &lines);

private:
    docker::DockerClient &m_client;
    QString m_containerId;
    QPointer<docker::StatsJob> m_stats;
    QPointer<docker::LogsJob> m_logs;
    QDateTime m_lastLogTime; // where to resume following after a restart
};

} // namespace ttalkak::provider
