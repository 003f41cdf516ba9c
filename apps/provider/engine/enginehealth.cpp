#include "enginehealth.h"
#include "logging.h"

#include <docker/dockerclient.h>

#include <QFileInfo>
#include <QStandardPaths>

namespace ttalkak::provider {

using core::ErrorCode;
using docker::ApiJob;
using docker::DockerJob;

EngineHealth::EngineHealth(docker::DockerClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EngineHealth::checkNow);
}

EngineHealth::~EngineHealth()
{
    if (m_inFlight) {
        disconnect(m_inFlight, nullptr, this, nullptr);
        m_inFlight->kill();
    }
}

void EngineHealth::setIntervals(int healthyMs, int unhealthyMs)
{
    m_healthyMs = healthyMs;
    m_unhealthyMs = unhealthyMs;
}

void EngineHealth::start()
{
    m_running = true;
    checkNow();
}

void EngineHealth::stop()
{
    m_running = false;
    m_timer.stop();
}

void EngineHealth::checkNow()
{
    if (m_inFlight)
        return; // a probe is already on its way; its answer is as fresh
    m_timer.stop();
    auto *ping = m_client.ping();
    ping->setTimeout(5000);
    m_inFlight = ping;
    connect(ping, &DockerJob::result, this, &EngineHealth::onPing);
    ping->start();
}

void EngineHealth::onPing(DockerJob *job)
{
    m_inFlight = nullptr;
    if (job->failed()) {
        const QString socket
            = m_client.endpoint().kind() == docker::Endpoint::Kind::Unix ? m_client.endpoint().socketPath() : QString();
        setStatus(classify(*job, socket), job->errorString());
        schedule();
        return;
    }
    auto *info = m_client.info();
    info->setTimeout(10000);
    m_inFlight = info;
    connect(info, &DockerJob::result, this, &EngineHealth::onInfo);
    info->start();
}

void EngineHealth::onInfo(DockerJob *job)
{
    m_inFlight = nullptr;
    if (job->failed())
        setStatus(Status::Failing, job->errorString());
    else
        setStatus(Status::Healthy, {}, static_cast<ApiJob *>(job)->json().object());
    schedule();
}

EngineHealth::Status EngineHealth::classify(const DockerJob &ping, const QString &socketPath)
{
    switch (ping.error().code()) {
    case ErrorCode::PermissionDenied:
        return Status::PermissionDenied;
    case ErrorCode::Unavailable: {
        const bool socketExists = !socketPath.isEmpty() && QFileInfo::exists(socketPath);
        const bool installed = socketExists || !QStandardPaths::findExecutable(QStringLiteral("dockerd")).isEmpty()
            || !QStandardPaths::findExecutable(QStringLiteral("docker")).isEmpty();
        return installed ? Status::NotRunning : Status::NotInstalled;
    }
    default:
        return Status::Failing;
    }
}

void EngineHealth::setStatus(Status status, const QString &detail, const QJsonObject &info)
{
    // /info carries clocks and counters; compare only what the owner sees to avoid churn.
    auto summary = [](const QJsonObject &o) {
        return QStringList { o.value(u"ServerVersion").toString(), o.value(u"Runtimes").toObject().keys().join(u','),
            QString::number(o.value(u"NCPU").toInt()), QString::number(o.value(u"MemTotal").toInteger()) };
    };
    const bool same = status == m_status && detail == m_detail && summary(info) == summary(m_info);
    if (status != m_status) {
        if (status == Status::Healthy)
            qCInfo(lcEngine).noquote() << "Docker engine healthy, version" << info.value(u"ServerVersion").toString();
        else
            qCWarning(lcEngine).noquote() << "Docker engine" << QVariant::fromValue(status).toString() << detail;
    }
    m_status = status;
    m_detail = detail;
    m_info = info;
    if (!same)
        Q_EMIT changed();
}

void EngineHealth::schedule()
{
    if (m_running)
        m_timer.start(isHealthy() ? m_healthyMs : m_unhealthyMs);
}

QString EngineHealth::statusText() const
{
    switch (m_status) {
    case Status::Unknown:
        return tr("Checking the Docker engine...");
    case Status::Healthy:
        return tr("Docker engine %1 is running.").arg(serverVersion());
    case Status::NotInstalled:
        return tr("Docker is not installed.");
    case Status::NotRunning:
        return tr("The Docker engine is not running.");
    case Status::PermissionDenied:
        return tr("No permission to use the Docker engine.");
    case Status::Failing:
        return tr("The Docker engine is not answering properly.");
    }
    return {};
}

QString EngineHealth::fixText() const
{
    switch (m_status) {
    case Status::Unknown:
    case Status::Healthy:
        return {};
    case Status::NotInstalled:
        return tr("Install Docker Engine (on Debian or Ubuntu: sudo apt install docker.io), then start it "
                  "with: sudo systemctl enable --now docker");
    case Status::NotRunning:
        return tr("Start it with: sudo systemctl start docker (or open Docker Desktop). "
                  "Ttalkak reconnects by itself.");
    case Status::PermissionDenied:
        return tr("Add your user to the docker group: sudo usermod -aG docker $USER, then log out and back in.");
    case Status::Failing:
        return tr("Check the engine with: sudo systemctl status docker and journalctl -u docker. Detail: %1")
            .arg(m_detail);
    }
    return {};
}

} // namespace ttalkak::provider
