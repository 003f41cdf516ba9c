#include "dockerclient.h"

#include "buildcontext.h"
#include "clientcontext_p.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

namespace ttalkak::docker {

namespace {
QByteArray enc(const QString &s)
{
    return QUrl::toPercentEncoding(s);
}

std::unique_ptr<RequestBody> jsonBody(const QJsonObject &o)
{
    return RequestBody::fromBytes(
        QJsonDocument(o).toJson(QJsonDocument::Compact), QByteArrayLiteral("application/json"));
}

QJsonObject labelsObject(const QMap<QString, QString> &labels)
{
    QJsonObject o;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QByteArray filtersQuery(const QMap<QString, QStringList> &filters)
{
    QJsonObject f;
    for (auto it = filters.cbegin(); it != filters.cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        QJsonArray a;
        for (const QString &v : it.value())
            a.append(v);
        f.insert(it.key(), a);
    }
    if (f.isEmpty())
        return {};
    return "filters=" + QUrl::toPercentEncoding(QString::fromUtf8(QJsonDocument(f).toJson(QJsonDocument::Compact)));
}
} // namespace

DockerClient::DockerClient(const Endpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_context(std::make_shared<Internal::ClientContext>())
{
    m_context->endpoint = endpoint;
}

DockerClient::~DockerClient() = default;

const Endpoint &DockerClient::endpoint() const
{
    return m_context->endpoint;
}

QByteArray DockerClient::apiVersion() const
{
    return m_context->apiVersion;
}

void DockerClient::pinApiVersion(const QByteArray &version)
{
    m_context->apiVersion = version;
}

void DockerClient::setTimeouts(int connectMs, int requestMs)
{
    m_context->connectTimeoutMs = connectMs;
    m_context->requestTimeoutMs = requestMs;
}

ApiJob *DockerClient::api(const QByteArray &method, const QByteArray &path, std::unique_ptr<RequestBody> body)
{
    return new ApiJob(m_context, method, path, std::move(body));
}

ApiJob *DockerClient::call(const QByteArray &method, const QByteArray &path, const QJsonObject &body)
{
    return api(method, path, body.isEmpty() ? nullptr : jsonBody(body));
}

ApiJob *DockerClient::ping()
{
    return api("GET", "/_ping");
}

ApiJob *DockerClient::version()
{
    return api("GET", "/version");
}

ApiJob *DockerClient::info()
{
    return api("GET", "/info");
}

QStringList DockerClient::runtimes(const QJsonObject &info)
{
    return info.value(u"Runtimes").toObject().keys();
}

BuildJob *DockerClient::build(std::unique_ptr<BuildContext> context, const BuildOptions &options)
{
    return new BuildJob(m_context, std::move(context), options);
}

ApiJob *DockerClient::listImages(const QString &referenceFilter, const QStringList &labelFilters)
{
    QMap<QString, QStringList> f;
    if (!referenceFilter.isEmpty())
        f.insert(QStringLiteral("reference"), { referenceFilter });
    f.insert(QStringLiteral("label"), labelFilters);
    const QByteArray q = filtersQuery(f);
    return api("GET", q.isEmpty() ? QByteArrayLiteral("/images/json") : "/images/json?" + q);
}

ApiJob *DockerClient::inspectImage(const QString &name)
{
    return api("GET", "/images/" + enc(name) + "/json");
}

ApiJob *DockerClient::removeImage(const QString &name, bool force)
{
    return api("DELETE", "/images/" + enc(name) + (force ? "?force=1" : ""));
}

ApiJob *DockerClient::pruneImages(bool danglingOnly, const QStringList &labelFilters)
{
    QMap<QString, QStringList> f;
    f.insert(QStringLiteral("dangling"), { danglingOnly ? QStringLiteral("true") : QStringLiteral("false") });
    f.insert(QStringLiteral("label"), labelFilters);
    auto *job = api("POST", "/images/prune?" + filtersQuery(f));
    job->setTimeout(0); // pruning many layers can take minutes
    return job;
}

ApiJob *DockerClient::tagImage(const QString &source, const QString &repository, const QString &tag)
{
    return api("POST", "/images/" + enc(source) + "/tag?repo=" + enc(repository) + "&tag=" + enc(tag));
}

JsonStreamJob *DockerClient::pull(const QString &image, const QString &tag, const QByteArray &registryAuth)
{
    auto *job = new JsonStreamJob(m_context, "POST",
        "/images/create?fromImage=" + enc(image) + "&tag=" + enc(tag.isEmpty() ? QStringLiteral("latest") : tag));
    if (!registryAuth.isEmpty())
        job->addHeader("X-Registry-Auth", registryAuth);
    return job;
}

JsonStreamJob *DockerClient::loadImage(const QString &tarPath)
{
    auto *job = new JsonStreamJob(m_context, "POST", "/images/load?quiet=1", RequestBody::fromFile(tarPath));
    job->setTimeout(0); // quiet: nothing is sent back until every layer is registered
    return job;
}

DownloadJob *DockerClient::saveImage(const QString &name, QIODevice *device)
{
    auto *job = new DownloadJob(m_context, "/images/" + enc(name) + "/get", device);
    job->setTimeout(0); // the engine writes the export to a temporary directory before sending it
    if (!device || !device->isWritable())
        job->failOnStart(
            core::Error(core::ErrorCode::InvalidInput, tr("saveImage: the device is not open for writing")));
    return job;
}

ApiJob *DockerClient::createContainer(const ContainerSpec &spec, const QString &name)
{
    auto *job
        = api("POST", name.isEmpty() ? QByteArrayLiteral("/containers/create") : "/containers/create?name=" + enc(name),
            jsonBody(spec.toJson()));
    if (auto r = spec.validate(); !r)
        job->failOnStart(r.error());
    return job;
}

ApiJob *DockerClient::startContainer(const QString &id)
{
    return api("POST", "/containers/" + enc(id) + "/start");
}

ApiJob *DockerClient::stopContainer(const QString &id, int timeoutSeconds)
{
    auto *job = api("POST", "/containers/" + enc(id) + "/stop?t=" + QByteArray::number(timeoutSeconds));
    job->setTimeout((timeoutSeconds + 30) * 1000); // the engine answers after the grace period
    return job;
}

ApiJob *DockerClient::restartContainer(const QString &id, int timeoutSeconds)
{
    auto *job = api("POST", "/containers/" + enc(id) + "/restart?t=" + QByteArray::number(timeoutSeconds));
    job->setTimeout((timeoutSeconds + 30) * 1000);
    return job;
}

ApiJob *DockerClient::killContainer(const QString &id, const QString &signal)
{
    return api("POST", "/containers/" + enc(id) + "/kill?signal=" + enc(signal));
}

ApiJob *DockerClient::removeContainer(const QString &id, bool force, bool removeVolumes)
{
    return api(
        "DELETE", "/containers/" + enc(id) + "?force=" + (force ? "1" : "0") + "&v=" + (removeVolumes ? "1" : "0"));
}

ApiJob *DockerClient::inspectContainer(const QString &id)
{
    return api("GET", "/containers/" + enc(id) + "/json");
}

ApiJob *DockerClient::listContainers(const QStringList &labelFilters, bool all)
{
    QMap<QString, QStringList> f;
    f.insert(QStringLiteral("label"), labelFilters);
    const QByteArray q = filtersQuery(f);
    return api("GET", "/containers/json?all=" + QByteArray(all ? "1" : "0") + (q.isEmpty() ? QByteArray() : "&" + q));
}

ApiJob *DockerClient::waitContainer(const QString &id, const QString &condition)
{
    auto *job = api("POST", "/containers/" + enc(id) + "/wait?condition=" + enc(condition));
    job->setTimeout(0);
    return job;
}

LogsJob *DockerClient::logs(const QString &id, const LogsOptions &options)
{
    return new LogsJob(m_context, id, options);
}

StatsJob *DockerClient::stats(const QString &id, bool stream)
{
    return new StatsJob(m_context, id, stream);
}

EventsJob *DockerClient::events(const EventFilters &filters)
{
    return new EventsJob(m_context, filters);
}

ApiJob *DockerClient::createNetwork(const QString &name, const QMap<QString, QString> &labels, bool internal)
{
    QJsonObject o;
    o.insert(u"Name", name);
    o.insert(u"Driver", QStringLiteral("bridge"));
    o.insert(u"CheckDuplicate", true);
    o.insert(u"Internal", internal);
    o.insert(u"Labels", labelsObject(labels));
    return api("POST", "/networks/create", jsonBody(o));
}

ApiJob *DockerClient::removeNetwork(const QString &idOrName)
{
    return api("DELETE", "/networks/" + enc(idOrName));
}

ApiJob *DockerClient::inspectNetwork(const QString &idOrName)
{
    return api("GET", "/networks/" + enc(idOrName));
}

ApiJob *DockerClient::listNetworks(const QStringList &labelFilters)
{
    QMap<QString, QStringList> f;
    f.insert(QStringLiteral("label"), labelFilters);
    const QByteArray q = filtersQuery(f);
    return api("GET", "/networks" + (q.isEmpty() ? QByteArray() : "?" + q));
}

ApiJob *DockerClient::createVolume(const QString &name, const QMap<QString, QString> &labels)
{
    QJsonObject o;
    o.insert(u"Name", name);
    o.insert(u"Driver", QStringLiteral("local"));
    o.insert(u"Labels", labelsObject(labels));
    return api("POST", "/volumes/create", jsonBody(o));
}

ApiJob *DockerClient::removeVolume(const QString &name, bool force)
{
    return api("DELETE", "/volumes/" + enc(name) + (force ? "?force=1" : ""));
}

ApiJob *DockerClient::inspectVolume(const QString &name)
{
    return api("GET", "/volumes/" + enc(name));
}

} // namespace ttalkak::docker
