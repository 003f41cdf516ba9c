#pragma once
// JobRequest: one deployment to run here, from an image that is already built. The relay's
// `offer` (docs/protocol.md) becomes one of these; so does a local run (tests, --screenshot).

#include <QMap>
#include <QString>
#include <QStringList>

namespace ttalkak::provider {

enum class DeploymentKind { Web, Database };

struct JobRequest
{
    QString deploymentId; // [a-z0-9-], 1..48: names the container, network and volume
    int generation = 1;
    QString name; // what the owner sees
    DeploymentKind kind = DeploymentKind::Web;
    QString image;
    QStringList cmd; // empty: the image's CMD
    QMap<QString, QString> env;
    quint16 containerPort = 0; // 0: nothing published
    QString dataPath; // Database: where the data volume is mounted
    QStringList capAdd; // only what the image needs (after CapDrop ALL)
    QStringList healthTest;

    double cpuCores = 0.5;
    qint64 memoryMb = 256;
    qint64 diskGb = 1; // accounted against the caps; the engine has no per-container quota

    QMap<QString, QString> extraLabels; // e.g. ttalkak.test=<run> so tests can clean up

    static bool isValidId(const QString &id);
};

} // namespace ttalkak::provider
