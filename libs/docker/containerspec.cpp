#include "containerspec.h"

#include <QJsonArray>

namespace ttalkak::docker {

using core::Error;
using core::ErrorCode;

namespace {
QJsonArray toArray(const QStringList &l)
{
    QJsonArray a;
    for (const QString &s : l)
        a.append(s);
    return a;
}

// Capabilities that amount to host access; never granted to a stranger's container.
const QStringList &forbiddenCaps()
{
    static const QStringList caps = {
        QStringLiteral("ALL"),
        QStringLiteral("SYS_ADMIN"),
        QStringLiteral("SYS_MODULE"),
        QStringLiteral("SYS_PTRACE"),
        QStringLiteral("SYS_RAWIO"),
        QStringLiteral("SYS_TIME"),
        QStringLiteral("SYS_BOOT"),
        QStringLiteral("NET_ADMIN"),
        QStringLiteral("DAC_READ_SEARCH"),
        QStringLiteral("MAC_ADMIN"),
        QStringLiteral("MAC_OVERRIDE"),
        QStringLiteral("BPF"),
        QStringLiteral("PERFMON"),
        QStringLiteral("SYSLOG"),
    };
    return caps;
}
} // namespace

core::Result<void> ContainerSpec::validate() const
{
    if (image.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("no image given"));
    if (nanoCpus < 0 || memoryBytes < 0 || pidsLimit < 0)
        return Error(ErrorCode::InvalidInput, QStringLiteral("resource limits must not be negative"));
    if (memoryBytes > 0 && memoryBytes < 6 * 1024 * 1024)
        return Error(ErrorCode::InvalidInput, QStringLiteral("memory limit below the engine's minimum of 6 MiB"));
    for (const QString &c : capAdd) {
        QString cap = c.toUpper();
        if (cap.startsWith(u"CAP_"))
            cap = cap.mid(4);
        if (forbiddenCaps().contains(cap))
            return Error(ErrorCode::Unsafe, QStringLiteral("capability %1 is not allowed").arg(c));
    }
    for (const VolumeMount &v : volumes) {
        if (v.volume.isEmpty() || v.volume.contains(u'/') || v.volume.startsWith(u'.') || v.volume.contains(u'\\'))
            return Error(ErrorCode::Unsafe, QStringLiteral("only named volumes can be mounted, not %1").arg(v.volume));
        if (!v.target.startsWith(u'/'))
            return Error(ErrorCode::InvalidInput, QStringLiteral("mount target must be absolute: %1").arg(v.target));
    }
    if (!ports.isEmpty() && bindAddress != u"127.0.0.1" && bindAddress != u"::1")
        return Error(
            ErrorCode::Unsafe, QStringLiteral("ports may only be published on loopback, not %1").arg(bindAddress));
    for (const PortBinding &p : ports) {
        if (p.containerPort == 0)
            return Error(ErrorCode::InvalidInput, QStringLiteral("container port 0"));
        if (p.protocol != u"tcp" && p.protocol != u"udp")
            return Error(ErrorCode::InvalidInput, QStringLiteral("unknown protocol %1").arg(p.protocol));
    }
    static const QStringList policies = { QStringLiteral("no"), QStringLiteral("always"),
        QStringLiteral("unless-stopped"), QStringLiteral("on-failure") };
    if (!policies.contains(restartPolicy))
        return Error(ErrorCode::InvalidInput, QStringLiteral("unknown restart policy %1").arg(restartPolicy));
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        if (it.key().isEmpty() || it.key().contains(u'='))
            return Error(ErrorCode::InvalidInput, QStringLiteral("invalid environment variable name %1").arg(it.key()));
    }
    return core::ok();
}

QJsonObject ContainerSpec::toJson() const
{
    QJsonObject c;
    c.insert(u"Image", image);
    if (!cmd.isEmpty())
        c.insert(u"Cmd", toArray(cmd));
    if (!entrypoint.isEmpty())
        c.insert(u"Entrypoint", toArray(entrypoint));
    QJsonArray envs;
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        envs.append(QString(it.key() + u'=' + it.value())); // an API array: no shell, no quoting issues
    if (!envs.isEmpty())
        c.insert(u"Env", envs);
    if (!workingDir.isEmpty())
        c.insert(u"WorkingDir", workingDir);
    if (!user.isEmpty())
        c.insert(u"User", user);
    QJsonObject lbl;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        lbl.insert(it.key(), it.value());
    c.insert(u"Labels", lbl);
    c.insert(u"Tty", tty);
    c.insert(u"AttachStdout", false);
    c.insert(u"AttachStderr", false);
    c.insert(u"StopTimeout", stopTimeoutSeconds);

    QJsonObject exposed;
    QJsonObject bindings;
    for (const PortBinding &p : ports) {
        const QString key = QString::number(p.containerPort) + u'/' + p.protocol;
        exposed.insert(key, QJsonObject());
        QJsonObject b;
        b.insert(u"HostIp", bindAddress);
        b.insert(u"HostPort", p.hostPort ? QString::number(p.hostPort) : QString());
        bindings.insert(key, QJsonArray { b });
    }
    if (!exposed.isEmpty())
        c.insert(u"ExposedPorts", exposed);

    if (!healthTest.isEmpty()) {
        QJsonObject h;
        h.insert(u"Test", toArray(healthTest));
        h.insert(u"Interval", qint64(healthIntervalSeconds) * 1'000'000'000);
        h.insert(u"Timeout", qint64(healthTimeoutSeconds) * 1'000'000'000);
        h.insert(u"Retries", healthRetries);
        c.insert(u"Healthcheck", h);
    }

    QJsonObject host;
    host.insert(u"NanoCpus", nanoCpus);
    if (memoryBytes > 0) {
        host.insert(u"Memory", memoryBytes);
        host.insert(u"MemorySwap", memoryBytes); // equal: no swap on top of the memory limit
    }
    if (pidsLimit > 0)
        host.insert(u"PidsLimit", pidsLimit);
    host.insert(u"OomKillDisable", oomKillDisable);
    host.insert(u"CapDrop", QJsonArray { QStringLiteral("ALL") });
    if (!capAdd.isEmpty())
        host.insert(u"CapAdd", toArray(capAdd));
    host.insert(u"SecurityOpt", QJsonArray { QStringLiteral("no-new-privileges:true") });
    host.insert(u"Privileged", false);
    host.insert(u"ReadonlyRootfs", readOnlyRootfs);
    host.insert(u"Init", init);
    host.insert(u"IpcMode", QStringLiteral("private"));
    if (!tmpfs.isEmpty()) {
        QJsonObject t;
        for (auto it = tmpfs.cbegin(); it != tmpfs.cend(); ++it)
            t.insert(it.key(), it.value());
        host.insert(u"Tmpfs", t);
    }
    if (!runtime.isEmpty())
        host.insert(u"Runtime", runtime);
    if (!bindings.isEmpty())
        host.insert(u"PortBindings", bindings);
    QJsonArray mounts;
    for (const VolumeMount &v : volumes) {
        QJsonObject m;
        m.insert(u"Type", QStringLiteral("volume"));
        m.insert(u"Source", v.volume);
        m.insert(u"Target", v.target);
        m.insert(u"ReadOnly", v.readOnly);
        mounts.append(m);
    }
    if (!mounts.isEmpty())
        host.insert(u"Mounts", mounts);
    QJsonObject restart;
    restart.insert(u"Name", restartPolicy);
    if (restartPolicy == u"on-failure")
        restart.insert(u"MaximumRetryCount", restartMaxRetries);
    host.insert(u"RestartPolicy", restart);
    if (!network.isEmpty())
        host.insert(u"NetworkMode", network);
    c.insert(u"HostConfig", host);

    if (!network.isEmpty()) {
        QJsonObject ep;
        if (!networkAliases.isEmpty())
            ep.insert(u"Aliases", toArray(networkAliases));
        QJsonObject eps;
        eps.insert(network, ep);
        QJsonObject nc;
        nc.insert(u"EndpointsConfig", eps);
        c.insert(u"NetworkingConfig", nc);
    }
    return c;
}

} // namespace ttalkak::docker
