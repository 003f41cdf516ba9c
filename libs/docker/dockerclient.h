#pragma once
// DockerClient: the entry point of the Docker Engine API client. It creates jobs; it does no I/O
// itself. Every job speaks the API version negotiated from /_ping (at most 1.41) the first time
// one runs, over a fresh connection to the endpoint (unix socket, TCP or TLS).
//
//   DockerClient docker(*Endpoint::fromEnvironment());
//   auto *job = docker.createContainer(spec, u"app-1"_s);
//   connect(job, &DockerJob::result, this, [&](DockerJob *j) {
//       if (!j->failed()) docker.startContainer(static_cast<ApiJob *>(j)->value(u"Id").toString())->start();
//   });
//   job->start();
//
// Ownership: returned jobs have no parent and delete themselves after `result` (see DockerJob);
// they may outlive the client. Thread: the owner thread; jobs run in it.

#include "apijob.h"
#include "buildjob.h"
#include "containerspec.h"
#include "downloadjob.h"
#include "endpoint.h"
#include "eventsjob.h"
#include "logsjob.h"
#include "statsjob.h"

#include <QObject>

#include <memory>

namespace ttalkak::docker {

class BuildContext;

class DockerClient : public QObject
{
    Q_OBJECT
public:
    explicit DockerClient(const Endpoint &endpoint = Endpoint(), QObject *parent = nullptr);
    ~DockerClient() override;

    const Endpoint &endpoint() const;
    // Empty until a job negotiated it. Pinning skips negotiation.
    QByteArray apiVersion() const;
    void pinApiVersion(const QByteArray &version);
    // Connect timeout and the silence allowed for ordinary calls (streams have none by default).
    void setTimeouts(int connectMs, int requestMs);

    // System
    ApiJob *ping();
    ApiJob *version();
    ApiJob *info();
    // Names of the runtimes in an info() reply ("runc", "runsc"...).
    static QStringList runtimes(const QJsonObject &info);

    // Images
    BuildJob *build(std::unique_ptr<BuildContext> context, const BuildOptions &options);
    ApiJob *listImages(const QString &referenceFilter = {}, const QStringList &labelFilters = {});
    ApiJob *inspectImage(const QString &name);
    ApiJob *removeImage(const QString &name, bool force = false);
    ApiJob *pruneImages(bool danglingOnly = true, const QStringList &labelFilters = {});
    ApiJob *tagImage(const QString &source, const QString &repository, const QString &tag);
    // registryAuth: base64url JSON {"username","password","serveraddress"}; empty for public images.
    JsonStreamJob *pull(const QString &image, const QString &tag, const QByteArray &registryAuth = {});
    // Loads the images of a tarball (as written by saveImage or `docker save`); the messages carry
    // "Loaded image: <tag>" / "Loaded image ID: <id>" in "stream". No timeout: the engine answers
    // only once every layer is registered, which takes minutes for large images; kill() to cancel.
    JsonStreamJob *loadImage(const QString &tarPath);
    // Streams the image's tarball (layers, config, manifest.json with its tags) into device, for
    // loadImage elsewhere. No timeout: the engine stages the whole export before its first byte.
    DownloadJob *saveImage(const QString &name, QIODevice *device);

    // Containers. createContainer validates the spec; an invalid one yields a job that fails.
    ApiJob *createContainer(const ContainerSpec &spec, const QString &name = {});
    ApiJob *startContainer(const QString &id);
    ApiJob *stopContainer(const QString &id, int timeoutSeconds = 10);
    ApiJob *restartContainer(const QString &id, int timeoutSeconds = 10);
    ApiJob *killContainer(const QString &id, const QString &signal = QStringLiteral("SIGKILL"));
    ApiJob *removeContainer(const QString &id, bool force = false, bool removeVolumes = false);
    ApiJob *inspectContainer(const QString &id);
    // labelFilters: "key" or "key=value"; all: include stopped containers.
    ApiJob *listContainers(const QStringList &labelFilters = {}, bool all = true);
    // Finishes (no timeout) when the container stops; value(u"StatusCode") is its exit code.
    // condition: "not-running" (returns at once for a created or stopped container), "next-exit"
    // (start waiting before startContainer, as `docker run` does) or "removed".
    ApiJob *waitContainer(const QString &id, const QString &condition = QStringLiteral("not-running"));
    LogsJob *logs(const QString &id, const LogsOptions &options = {});
    StatsJob *stats(const QString &id, bool stream = true);
    EventsJob *events(const EventFilters &filters = {});

    // Networks and volumes
    ApiJob *createNetwork(const QString &name, const QMap<QString, QString> &labels = {}, bool internal = false);
    ApiJob *removeNetwork(const QString &idOrName);
    ApiJob *inspectNetwork(const QString &idOrName);
    // GET /networks, filtered by "key=value" labels; each entry carries IPAM like an inspect.
    ApiJob *listNetworks(const QStringList &labelFilters = {});
    ApiJob *createVolume(const QString &name, const QMap<QString, QString> &labels = {});
    ApiJob *removeVolume(const QString &name, bool force = false);
    ApiJob *inspectVolume(const QString &name);

    // Any other endpoint: path without the version prefix ("/system/df").
    ApiJob *call(const QByteArray &method, const QByteArray &path, const QJsonObject &body = {});

private:
    ApiJob *api(const QByteArray &method, const QByteArray &path, std::unique_ptr<RequestBody> body = nullptr);
    std::shared_ptr<Internal::ClientContext> m_context;
};

} // namespace ttalkak::docker
