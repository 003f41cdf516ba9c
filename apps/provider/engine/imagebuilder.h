#pragma once
// ImageBuilder: turns a BuildSpec into a local image tagged
// ttalkak/<deployment id>:<first 16 hex of sha256(commit or blob, contextDir, dockerfile,
// dockerignore, buildArgs)>. An image with that tag is reused as is; otherwise the source is
// fetched (libgit2 clone of exactly that commit, or the relay's blob unpacked) into a private
// work directory, built with the spec's Dockerfile (sent in the context as .ttalkak.Dockerfile,
// so it cannot clash with the project's own), and labelled. The work directory is removed when
// the builder finishes or is destroyed. The git token is used for the clone only.
//
//   auto *b = new ImageBuilder(docker, network, access, id, *request.build, labels, this);
//   connect(b, &ImageBuilder::progress, this, [](const QString &line) { … });
//   connect(b, &ImageBuilder::finished, this, [](const core::Result<QString> &tag) { … });
//   b->start();
//
// `finished` fires once (never from inside start()); the builder then deletes itself. Deleting it
// earlier cancels the fetch or build. Thread: the owner thread; the clone and the unpacking run on
// worker threads. Ownership: the client and the network manager outlive the builder.

#include "jobrequest.h"
#include "sourceaccess.h"

#include <core/result.h>

#include <QFutureWatcher>
#include <QMap>
#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;
class QTemporaryDir;

namespace ttalkak::core {
class GitCloneJob;
}
namespace ttalkak::docker {
class BuildJob;
class DockerClient;
class DockerJob;
} // namespace ttalkak::docker

namespace ttalkak::provider {

class BlobDownload;

class ImageBuilder : public QObject
{
    Q_OBJECT
public:
    ImageBuilder(docker::DockerClient &client, QNetworkAccessManager &network, const SourceAccess &access,
        const QString &deploymentId, const BuildSpec &spec, const QMap<QString, QString> &labels,
        QObject *parent = nullptr);
    ~ImageBuilder() override;

    // The tag for a resolved source: `sourceKey` is the 40-hex commit or the blob's SHA-256.
    static QString imageTag(const QString &deploymentId, const BuildSpec &spec, const QString &sourceKey);
    // The name the spec's Dockerfile has inside the build context.
    static QString dockerfileName();

    void start();
    // After success: true when an existing image was reused (nothing fetched or built).
    bool reused() const { return m_reused; }

Q_SIGNALS:
    void progress(const QString &line);
    void finished(const ttalkak::core::Result<QString> &tag);

private:
    void checkImage();
    void fetch();
    void fetchGit();
    void fetchBlob();
    void unpack();
    void build();
    void fail(const core::Error &error);
    void done();

    docker::DockerClient &m_client;
    QNetworkAccessManager &m_network;
    SourceAccess m_access;
    QString m_deploymentId;
    BuildSpec m_spec;
    QMap<QString, QString> m_labels;
    QString m_sourceKey; // commit or blob hash, once known
    QString m_tag;
    // Shared with the unpacking thread so the directory outlives it even if we do not.
    std::shared_ptr<QTemporaryDir> m_work;
    QPointer<core::GitCloneJob> m_clone;
    QPointer<BlobDownload> m_download;
    QPointer<docker::DockerJob> m_dockerJob;
    QFutureWatcher<core::Error> m_unpack; // an empty message is success
    bool m_fetched = false;
    bool m_reused = false;
    bool m_finished = false;
};

} // namespace ttalkak::provider
