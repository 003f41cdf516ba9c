#include "relaybackend.h"
#include "logging.h"

#include <client/folderpacker.h>
#include <client/relayclient.h>
#include <client/relayjob.h>
#include <client/relaysubscription.h>

#include <QCoreApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;
using client::RelayJob;

namespace {
constexpr int ListPageSize = 100; // the relay's maximum; the pages show one list

client::Resources resourcesFrom(const QJsonObject &o)
{
    client::Resources r;
    r.cpuMillis = o.value(u"cpuMillis"_s).toInt(r.cpuMillis);
    r.memoryMb = o.value(u"memoryMb"_s).toInt(r.memoryMb);
    r.diskMb = o.value(u"diskMb"_s).toInt(r.diskMb);
    return r;
}
} // namespace

RelayBackend::RelayBackend(QObject *parent)
    : DeployerBackend(parent)
{
}

RelayBackend::~RelayBackend() = default;

void RelayBackend::unavailable(QObject *context, Reply done)
{
    QTimer::singleShot(0, context, [done = std::move(done)] {
        done(core::Error(core::ErrorCode::Unavailable, tr("Not signed in to a relay.")));
    });
}

void RelayBackend::forward(RelayJob *job, QObject *context, Reply done)
{
    job->then(context, [done = std::move(done)](const core::Result<QJsonObject> &r) { done(r); });
}

RelayJob *RelayBackend::raw(const QByteArray &verb, const QString &path, const QJsonObject *body)
{
    QUrl url = m_client->baseUrl();
    url.setPath(url.path() + path, QUrl::TolerantMode);
    QNetworkRequest r(url);
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false); // the relay speaks HTTP/1.1 only
    r.setTransferTimeout(30000);
    r.setRawHeader("Authorization", "Bearer " + m_client->token().toUtf8());
    QNetworkReply *reply = nullptr;
    if (body) {
        r.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        reply = m_network.sendCustomRequest(r, verb, QJsonDocument(*body).toJson(QJsonDocument::Compact));
    } else {
        reply = m_network.sendCustomRequest(r, verb);
    }
    return new RelayJob(reply, m_client.get());
}

void RelayBackend::signIn(const QUrl &relay, const QString &email, const QString &password, bool createAccount,
    QObject *context, Reply done)
{
    // Its own client: signing in does not change the session (the caller decides with setSession).
    auto *auth = new client::RelayClient(relay, {}, this);
    RelayJob *job = createAccount ? auth->signUp(email, password) : auth->signIn(email, password, u"ttalkak-deployer"_s);
    connect(job, &RelayJob::result, auth, &QObject::deleteLater);
    forward(job, context, std::move(done));
}

void RelayBackend::setSession(const QUrl &relay, const QString &token)
{
    m_live.reset();
    m_client = std::make_unique<client::RelayClient>(relay, token);
    m_live = std::make_unique<client::RelaySubscription>(m_client->webSocketUrl(), token);
    using client::RelaySubscription;
    connect(m_live.get(), &RelaySubscription::status, this,
        [this](const QString &, const QJsonObject &status) { Q_EMIT statusReceived(status); });
    // The ack carries the deployment as REST shows it: the status to start from.
    connect(m_live.get(), &RelaySubscription::subscribed, this, [this](const QString &id, const QJsonObject &d) {
        QJsonObject status { { u"deployment"_s, id }, { u"state"_s, d.value(u"state"_s) },
            { u"desired"_s, d.value(u"desired"_s) }, { u"generation"_s, d.value(u"generation"_s) } };
        if (d.contains(u"providerId"_s))
            status.insert(u"providerId"_s, d.value(u"providerId"_s));
        Q_EMIT statusReceived(status);
    });
    connect(m_live.get(), &RelaySubscription::buildLog, this, &DeployerBackend::buildLogReceived);
    connect(m_live.get(), &RelaySubscription::log, this, [this](const QString &id, const QJsonArray &lines) {
        Q_EMIT logReceived({ { u"deployment"_s, id }, { u"lines"_s, lines } });
    });
    connect(m_live.get(), &RelaySubscription::metrics, this,
        [this](const QString &, const QJsonObject &sample) { Q_EMIT metricsReceived(sample); });
    connect(m_live.get(), &RelaySubscription::disconnected, this, &DeployerBackend::subscriptionLost);
    connect(m_live.get(), &RelaySubscription::failed, this,
        [this](const core::Error &e) { Q_EMIT subscriptionLost(e.message()); });
    connect(m_live.get(), &RelaySubscription::subscriptionFailed, this, [this](const QString &id, const core::Error &e) {
        qCInfo(lcSession) << "subscription refused" << id << e.toString();
        m_subscriptions.remove(id);
    });
    for (const QString &id : std::as_const(m_subscriptions))
        m_live->subscribe(id);
    m_live->open();
}

void RelayBackend::clearSession()
{
    m_live.reset();
    m_client.reset(); // aborts its running jobs: their callers get Cancelled
    m_subscriptions.clear();
}

void RelayBackend::createProject(const QJsonObject &body, QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    forward(m_client->createProject(body.value(u"name"_s).toString(), body.value(u"source"_s).toObject()), context,
        std::move(done));
}

void RelayBackend::listProjects(const QString &search, QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    client::PageQuery page;
    page.pageSize = ListPageSize;
    page.search = search;
    forward(m_client->listProjects(page), context, std::move(done));
}

void RelayBackend::createDeployment(const QJsonObject &body, QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    client::DeploymentRequest request;
    request.projectId = body.value(u"projectId"_s).toString();
    request.name = body.value(u"name"_s).toString();
    request.spec = body.value(u"spec"_s).toObject();
    request.resources = resourcesFrom(body.value(u"resources"_s).toObject());
    request.sourceToken = body.value(u"sourceToken"_s).toString();
    forward(m_client->createDeployment(request), context, std::move(done));
}

void RelayBackend::relayInfo(QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    forward(raw("GET", u"/v1/info"_s), context, std::move(done));
}

void RelayBackend::uploadBlob(
    const QString &folder, const QMap<QString, QByteArray> &extraFiles, QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    client::PackOptions options;
    options.extraFiles = extraFiles;
    auto *watcher = new QFutureWatcher<core::Result<client::PackedFolder>>(this);
    QPointer<QObject> guard(context);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, guard, done = std::move(done)]() mutable {
        watcher->deleteLater();
        const core::Result<client::PackedFolder> packed = watcher->result();
        if (!packed) {
            if (guard)
                done(packed.error());
            return;
        }
        const QString archive = packed->path;
        if (!guard || !m_client) { // the caller or the session went away while packing
            QFile::remove(archive);
            if (guard)
                done(core::Error(core::ErrorCode::Unavailable, tr("Not signed in to a relay.")));
            return;
        }
        RelayJob *job = m_client->uploadBlob(archive, packed->sha256);
        connect(job, &RelayJob::uploadProgress, this, &DeployerBackend::uploadProgress);
        const QJsonObject blob { { u"blob"_s, packed->sha256 }, { u"size"_s, packed->size } };
        connect(job, &RelayJob::result, this, [archive] { QFile::remove(archive); });
        job->then(guard, [blob, done = std::move(done)](const core::Result<QJsonObject> &r) {
            if (!r)
                done(r.error());
            else
                done(blob);
        });
    });
    watcher->setFuture(QtConcurrent::run([folder, options] { return client::FolderPacker::pack(folder, options); }));
}

void RelayBackend::listDeployments(QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    client::PageQuery page;
    page.pageSize = ListPageSize;
    forward(m_client->listDeployments(page), context, std::move(done));
}

void RelayBackend::deployment(const QString &id, QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    forward(m_client->deployment(id), context, std::move(done));
}

void RelayBackend::command(const QString &id, const QString &command, const QJsonObject &extra, QObject *context,
    Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    // RelayClient::command() sends only {command}; redeploy may carry spec and sourceToken.
    QJsonObject body = extra;
    body.insert(u"command"_s, command);
    forward(raw("POST", u"/v1/deployments/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)) + u"/commands"_s, &body),
        context, std::move(done));
}

void RelayBackend::deleteDeployment(const QString &id, QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    forward(m_client->deleteDeployment(id), context, std::move(done));
}

void RelayBackend::listDatabases(QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    client::PageQuery page;
    page.pageSize = ListPageSize;
    forward(m_client->listDatabases(page), context, std::move(done));
}

void RelayBackend::createDatabase(const QJsonObject &body, QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    // The body may carry allowList, which DatabaseRequest does not know: send it as is.
    forward(raw("POST", u"/v1/databases"_s, &body), context, std::move(done));
}

void RelayBackend::database(const QString &id, QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    forward(m_client->database(id), context, std::move(done));
}

void RelayBackend::deleteDatabase(const QString &id, QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    forward(m_client->deleteDatabase(id), context, std::move(done));
}

void RelayBackend::logs(const QString &id, const QUrlQuery &query, QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    client::LogQuery q;
    q.kind = query.queryItemValue(u"kind"_s) == u"access"_s ? client::LogKind::Access : client::LogKind::Container;
    q.fromMs = query.queryItemValue(u"from"_s).toLongLong();
    q.toMs = query.queryItemValue(u"to"_s).toLongLong();
    q.before = query.queryItemValue(u"before"_s).toLongLong();
    if (query.hasQueryItem(u"limit"_s))
        q.limit = query.queryItemValue(u"limit"_s).toInt();
    q.search = query.queryItemValue(u"q"_s, QUrl::FullyDecoded);
    forward(m_client->logs(id, q), context, std::move(done));
}

void RelayBackend::metrics(const QString &id, qint64 fromMs, qint64 toMs, QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    forward(m_client->metrics(id, fromMs, toMs), context, std::move(done));
}

void RelayBackend::summary(const QString &id, const QString &window, const QString &language, QObject *context,
    Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    forward(m_client->summary(id, window, language), context, std::move(done));
}

void RelayBackend::earnings(QObject *context, Reply done)
{
    if (!m_client)
        return unavailable(context, std::move(done));
    forward(m_client->earnings(), context, std::move(done));
}

void RelayBackend::subscribe(const QString &deploymentId)
{
    m_subscriptions.insert(deploymentId);
    if (m_live)
        m_live->subscribe(deploymentId);
}

void RelayBackend::unsubscribe(const QString &deploymentId)
{
    m_subscriptions.remove(deploymentId);
    if (m_live)
        m_live->unsubscribe(deploymentId);
}

} // namespace ttalkak::deployer
