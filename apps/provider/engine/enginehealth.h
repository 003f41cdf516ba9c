#pragma once
// EngineHealth: whether the local Docker engine answers, and if not, why and how to fix it.
// Probes with /_ping then /info: every few seconds while the engine is down, rarely once it is
// up (a broken events stream calls checkNow() so a dying engine is noticed at once).
//
//   EngineHealth health(client);
//   connect(&health, &EngineHealth::changed, this, [&] { show(health.statusText(), health.fixText()); });
//   health.start();
//
// Thread: the owner thread. `changed` fires when the status or the info reply changes.

#include "isolation.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace ttalkak::docker {
class DockerClient;
class DockerJob;
} // namespace ttalkak::docker

namespace ttalkak::provider {

class EngineHealth : public QObject
{
    Q_OBJECT
public:
    enum class Status { Unknown, Healthy, NotInstalled, NotRunning, PermissionDenied, Failing };
    Q_ENUM(Status)

    explicit EngineHealth(docker::DockerClient &client, QObject *parent = nullptr);
    ~EngineHealth() override;

    void start();
    void stop();
    void checkNow();
    // Probe intervals (ms) while healthy and while not.
    void setIntervals(int healthyMs, int unhealthyMs);

    Status status() const { return m_status; }
    bool isHealthy() const { return m_status == Status::Healthy; }
    QString statusText() const; // one line
    QString fixText() const; // how to fix it; empty when healthy
    QString errorDetail() const { return m_detail; } // the engine's or the socket's own words
    const QJsonObject &info() const { return m_info; }
    Isolation isolation() const { return Isolation::fromInfo(m_info); }
    QString serverVersion() const { return m_info.value(u"ServerVersion").toString(); }
    QString dataRoot() const { return m_info.value(u"DockerRootDir").toString(); }

    // Classification of a failed ping, exposed for tests: which Status the error means.
    static Status classify(const docker::DockerJob &failedPing, const QString &socketPath);

Q_SIGNALS:
    void changed();

private:
    void onPing(docker::DockerJob *job);
    void onInfo(docker::DockerJob *job);
    void setStatus(Status status, const QString &detail, const QJsonObject &info = {});
    void schedule();

    docker::DockerClient &m_client;
    QTimer m_timer;
    QPointer<docker::DockerJob> m_inFlight;
    Status m_status = Status::Unknown;
    QString m_detail;
    QJsonObject m_info;
    int m_healthyMs = 15000;
    int m_unhealthyMs = 3000;
    bool m_running = false;
};

} // namespace ttalkak::provider
