#pragma once
// DeploySpecBuilder: the `spec` of POST /v1/deployments (docs/protocol.md "Deployment spec",
// version 1) from a detection Plan, its generated files, a source, env and port.
//
//   auto b = DeploySpecBuilder::fromFolder(u"/home/me/web"_s);      // detect + generate
//   if (!b) fail(b.error());
//   b->setSource(SourceRef::fromBlob(packed.sha256, packed.size)).setEnv({{u"API_URL"_s, url}});
//   auto spec = b->build();                                           // validated like the relay
//
// Generated helper files (e.g. .ttalkak/nginx.conf for static sites): a blob source packs them
// into the archive (contextFiles() lists them relative to the folder root, for
// PackOptions::extraFiles); a git source carries them in spec `files` (context-relative,
// ≤ 20 files, ≤ 256 KiB, UTF-8 text), which build() fills and checks.
// A value type; no threads, no I/O except fromFolder().

#include <core/result.h>
#include <strategies/plan.h>
#include <strategies/strategy.h>

#include <QJsonObject>
#include <QMap>

namespace ttalkak::client {

struct SourceRef
{
    enum class Type { None, Git, Blob };
    Type type = Type::None;
    QString url;     // git
    QString ref;     // git, "" = the remote HEAD
    QString commit;  // git, "" or 40 hex
    QString blob;    // blob: sha256 hex
    qint64 size = 0; // blob bytes

    static SourceRef fromGit(QString url, QString ref = {}, QString commit = {});
    static SourceRef fromBlob(QString sha256, qint64 size);
    QJsonObject toJson() const;
};

class DeploySpecBuilder
{
public:
    DeploySpecBuilder(strategies::Plan plan, strategies::Generated generated);

    // Detects the project in `folder` (strategies registry) and generates its Dockerfile with
    // the base images from the environment, as `ttalkak detect` does.
    static core::Result<DeploySpecBuilder> fromFolder(const QString &folder, const QString &appDir = {});

    DeploySpecBuilder &setSource(const SourceRef &source);
    DeploySpecBuilder &setEnv(const QMap<QString, QString> &env);
    DeploySpecBuilder &setBuildArgs(const QMap<QString, QString> &buildArgs);
    DeploySpecBuilder &setPort(int port);             // default: the plan's
    DeploySpecBuilder &setDockerfile(const QString &text); // the user's edit replaces the generated one

    const strategies::Plan &plan() const { return m_plan; }
    const strategies::Generated &generated() const { return m_generated; }
    int port() const { return m_port; }
    // Generated helper files by folder-relative path (contextDir joined in).
    QMap<QString, QByteArray> contextFiles() const;

    // The spec, or InvalidInput naming the offending field (same limits as the relay).
    core::Result<QJsonObject> build() const;

private:
    strategies::Plan m_plan;
    strategies::Generated m_generated;
    SourceRef m_source;
    QMap<QString, QString> m_env;
    QMap<QString, QString> m_buildArgs;
    int m_port = 0;
};

} // namespace ttalkak::client
