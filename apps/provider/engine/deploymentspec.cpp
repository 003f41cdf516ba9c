#include "deploymentspec.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ttalkak::provider::DeploymentSpec {

namespace {
constexpr QLatin1StringView kGeneration { "ttalkak.generation" };
constexpr QLatin1StringView kKind { "ttalkak.kind" };
constexpr QLatin1StringView kName { "ttalkak.name" };
constexpr QLatin1StringView kCpu { "ttalkak.cpu-cores" };
constexpr QLatin1StringView kMemory { "ttalkak.memory-mb" };
constexpr QLatin1StringView kDisk { "ttalkak.disk-gb" };
constexpr QLatin1StringView kPort { "ttalkak.port" };
constexpr QLatin1StringView kVolume { "ttalkak.volume" };
} // namespace

QString managedFilter()
{
    return kManagedLabel + u'=' + kManagedValue;
}
QString containerName(const JobRequest &r)
{
    // One name per generation: a redeploy starts the next one beside the old one.
    return r.namePrefix + r.deploymentId + u"-g"_s + QString::number(r.generation);
}
QString networkName(const JobRequest &r)
{
    return r.namePrefix + r.deploymentId + u"-net"_s;
}
QString volumeName(const JobRequest &r)
{
    return r.namePrefix + r.deploymentId + u"-data"_s;
}

QMap<QString, QString> objectLabels(const JobRequest &r)
{
    QMap<QString, QString> labels = r.extraLabels;
    labels.insert(kManagedLabel, kManagedValue);
    labels.insert(kDeploymentLabel, r.deploymentId);
    return labels;
}

QMap<QString, QString> containerLabels(const JobRequest &r)
{
    QMap<QString, QString> labels = objectLabels(r);
    labels.insert(kGeneration, QString::number(r.generation));
    labels.insert(kKind, r.kind == DeploymentKind::Database ? u"database"_s : u"web"_s);
    labels.insert(kName, r.name);
    labels.insert(kCpu, QString::number(r.cpuCores));
    labels.insert(kMemory, QString::number(r.memoryMb));
    labels.insert(kDisk, QString::number(r.diskGb));
    labels.insert(kPort, QString::number(r.containerPort));
    if (r.kind == DeploymentKind::Database)
        labels.insert(kVolume, volumeName(r));
    return labels;
}

docker::ContainerSpec containerSpec(const JobRequest &r, const Isolation &isolation)
{
    docker::ContainerSpec s; // hardened defaults: CapDrop ALL, no-new-privileges, init, 127.0.0.1
    s.image = r.image;
    s.cmd = r.cmd;
    s.env = r.env;
    s.labels = containerLabels(r);
    s.nanoCpus = qRound64(r.cpuCores * 1e9);
    s.memoryBytes = r.memoryMb * 1024 * 1024;
    s.capAdd = r.capAdd;
    s.runtime = isolation.runtime;
    s.network = networkName(r);
    s.networkAliases = { r.deploymentId };
    s.restartPolicy = u"unless-stopped"_s;
    s.stopTimeoutSeconds = 5;
    s.healthTest = r.healthTest;
    if (r.containerPort)
        s.ports = { docker::PortBinding { r.containerPort, 0 } };
    if (r.kind == DeploymentKind::Database)
        s.volumes = { docker::VolumeMount { volumeName(r), r.dataPath, false } };
    return s;
}

Deployment fromRequest(const JobRequest &r)
{
    Deployment d;
    d.id = r.deploymentId;
    d.generation = r.generation;
    d.name = r.name.isEmpty() ? r.deploymentId : r.name;
    d.kind = r.kind;
    d.image = r.image;
    d.network = networkName(r);
    if (r.kind == DeploymentKind::Database)
        d.volume = volumeName(r);
    d.cpuCores = r.cpuCores;
    d.memoryMb = r.memoryMb;
    d.diskGb = r.diskGb;
    d.containerPort = r.containerPort;
    return d;
}

Deployment fromListEntry(const QJsonObject &c)
{
    Deployment d;
    const QJsonObject labels = c.value(u"Labels").toObject();
    if (labels.value(kManagedLabel).toString() != kManagedValue)
        return d;
    d.id = labels.value(kDeploymentLabel).toString();
    d.generation = labels.value(kGeneration).toString().toInt();
    d.name = labels.value(kName).toString();
    if (d.name.isEmpty())
        d.name = d.id;
    d.kind = labels.value(kKind).toString() == u"database" ? DeploymentKind::Database : DeploymentKind::Web;
    d.image = c.value(u"Image").toString();
    d.containerId = c.value(u"Id").toString();
    // The network it was started on (its name carries the engine's name prefix).
    d.network = c.value(u"HostConfig").toObject().value(u"NetworkMode").toString();
    if (d.network.isEmpty() || d.network == u"default")
        d.network = u"ttalkak-"_s + d.id + u"-net"_s;
    d.volume = labels.value(kVolume).toString();
    d.cpuCores = labels.value(kCpu).toString().toDouble();
    d.memoryMb = labels.value(kMemory).toString().toLongLong();
    d.diskGb = labels.value(kDisk).toString().toLongLong();
    d.containerPort = quint16(labels.value(kPort).toString().toUInt());
    const QString state = c.value(u"State").toString();
    d.state = state == u"running" || state == u"restarting" ? Deployment::State::Running
        : state == u"created"                               ? Deployment::State::Stopped
                                                            : Deployment::State::Exited;
    const QString status = c.value(u"Status").toString(); // "Up 3 minutes (healthy)"
    if (status.contains(u"(healthy)"))
        d.health = u"healthy"_s;
    else if (status.contains(u"(unhealthy)"))
        d.health = u"unhealthy"_s;
    else if (status.contains(u"(health: starting)"))
        d.health = u"starting"_s;
    for (const QJsonValue &p : c.value(u"Ports").toArray()) {
        const QJsonObject port = p.toObject();
        if (port.value(u"PrivatePort").toInt() == d.containerPort && port.contains(u"PublicPort"))
            d.hostPort = quint16(port.value(u"PublicPort").toInt());
    }
    d.adopted = true;
    return d;
}

quint16 hostPortFromInspect(const QJsonObject &inspect, quint16 containerPort)
{
    const QJsonObject ports = inspect.value(u"NetworkSettings").toObject().value(u"Ports").toObject();
    const QJsonArray bindings = ports.value(QString::number(containerPort) + u"/tcp"_s).toArray();
    for (const QJsonValue &b : bindings) {
        const quint16 port = quint16(b.toObject().value(u"HostPort").toString().toUInt());
        if (port)
            return port;
    }
    return 0;
}

} // namespace ttalkak::provider::DeploymentSpec
