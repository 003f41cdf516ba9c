#pragma once
// ContainerSpec: what to run and under which limits, with hardened defaults — everything a
// provider may loosen is an explicit field. toJson() is the body of POST /containers/create.
//
// Defaults: all capabilities dropped (add only what the image needs via capAdd), no-new-privileges,
// never privileged, ports published on 127.0.0.1 only, Memory == MemorySwap (no swap), a pids
// limit, an init process, no host mounts (only named volumes; validate() rejects host paths).
//
//   ContainerSpec s; s.image = u"app:1"_s; s.nanoCpus = 1'000'000'000; s.memoryBytes = 512_MiB;
//   s.ports = {{8080, 0}};        // container 8080 → 127.0.0.1:<ephemeral>
//   client.createContainer(s, u"app-1"_s)->start();

#include <core/result.h>

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

namespace ttalkak::docker {

struct PortBinding
{
    quint16 containerPort = 0;
    quint16 hostPort = 0; // 0: the engine picks a free port
    QString protocol = QStringLiteral("tcp");
};

struct VolumeMount
{
    QString volume; // a named volume (never a host path)
    QString target; // absolute path in the container
    bool readOnly = false;
};

struct ContainerSpec
{
    QString image;
    QStringList cmd; // empty: the image's CMD
    QStringList entrypoint; // empty: the image's ENTRYPOINT
    QMap<QString, QString> env;
    QString workingDir;
    QString user; // "1000:1000"; empty: the image's USER
    QMap<QString, QString> labels;
    bool tty = false;

    // Limits
    qint64 nanoCpus = 1'000'000'000; // 1 CPU
    qint64 memoryBytes = 512LL * 1024 * 1024; // MemorySwap is set to the same value
    qint64 pidsLimit = 256;
    bool oomKillDisable = false;

    // Isolation
    QStringList capAdd; // added after CapDrop ALL, e.g. {"NET_BIND_SERVICE"}
    bool readOnlyRootfs = false;
    QMap<QString, QString> tmpfs; // path → options ("rw,noexec,nosuid,size=64m")
    QString runtime; // "runsc" for gVisor; empty: the engine default
    QString network; // per-deployment network; empty: default bridge
    QStringList networkAliases;
    QString bindAddress = QStringLiteral("127.0.0.1"); // where published ports listen
    QList<PortBinding> ports;
    QList<VolumeMount> volumes;
    QString restartPolicy = QStringLiteral("unless-stopped"); // no | always | unless-stopped | on-failure
    int restartMaxRetries = 0; // for on-failure
    int stopTimeoutSeconds = 10;
    bool init = true; // tini as PID 1: reaps zombies, forwards signals

    // Optional health check (Docker's HEALTHCHECK); empty test: the image's.
    QStringList healthTest; // {"CMD-SHELL", "curl -f http://localhost/"}
    int healthIntervalSeconds = 10;
    int healthTimeoutSeconds = 5;
    int healthRetries = 3;

    // Refuses what the stance forbids: host paths as volumes, ports bound off-loopback unless
    // explicitly allowed, privileged-equivalent capabilities (SYS_ADMIN...), negative limits.
    core::Result<void> validate() const;
    QJsonObject toJson() const;
};

} // namespace ttalkak::docker
