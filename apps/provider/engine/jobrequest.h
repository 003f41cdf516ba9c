#pragma once
// JobRequest: one deployment to run here. The relay's `offer` (docs/protocol.md, "Deployment
// spec") becomes one of these; so does a local run (tests, --screenshot). With `build` set the
// engine first fetches the source and builds the image (or reuses it), then runs it like any
// other; without, `image` must already exist locally.

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ttalkak::provider {

enum class DeploymentKind { Web, Database };

// Where an app's source comes from: a git repository at a ref/commit, or a blob (a dropped
// folder packed as .tar.gz) the relay stores under its SHA-256.
struct SourceSpec
{
    enum class Type { Git, Blob };
    Type type = Type::Git;
    QString url; // Git
    QString ref; // Git: branch or tag; "" = the remote HEAD
    QString commit; // Git: exact 40-hex commit, or "" = whatever ref points to now
    QString token; // Git: for this clone only; never persisted, never logged
    QString blobSha256; // Blob
    qint64 blobSize = 0; // Blob
};

// The spec's build half (docs/protocol.md): what to fetch and how to build it.
struct BuildSpec
{
    SourceSpec source;
    QString contextDir; // relative, validated; "" = the checkout's root
    QString dockerfile; // full text
    QString dockerignore; // "" = keep the checkout's own .dockerignore
    QMap<QString, QString> buildArgs;
    QMap<QString, QString> files; // generated helper files, context-relative path → text
    QString healthPath; // "" = no HTTP probe before reporting running
};

struct JobRequest
{
    QString deploymentId; // [a-z0-9-], 1..48: names the container, network and volume
    int generation = 1;
    QString name; // what the owner sees
    DeploymentKind kind = DeploymentKind::Web;
    QString image; // with `build`: filled in once the image is built or found
    std::optional<BuildSpec> build;
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
    // Container, network and volume names start with this; a scoped engine adds its scope so
    // several providers can share one Docker engine without their names clashing.
    QString namePrefix = QStringLiteral("ttalkak-");

    static bool isValidId(const QString &id);
};

} // namespace ttalkak::provider
