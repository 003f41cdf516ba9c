#include "relayclient.h"

#include "logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>

namespace ttalkak::client {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

RelayClient::RelayClient(QUrl baseUrl, QString token, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_token(std::move(token))
{
    QString path = m_baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_baseUrl.setPath(path);
}

QUrl RelayClient::webSocketUrl() const
{
    QUrl url = m_baseUrl;
    url.setScheme(m_baseUrl.scheme() == u"https" ? u"wss"_s : u"ws"_s);
    url.setPath(m_baseUrl.path() + u"/v1/ws"_s);
    return url;
}

QString RelayClient::segment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QNetworkRequest RelayClient::request(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest r(url);
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false); // the relay speaks HTTP/1.1 only
    r.setTransferTimeout(m_timeoutMs);
    r.setHeader(QNetworkRequest::UserAgentHeader, QString(u"ttalkak/"_s + QCoreApplication::applicationVersion()));
    if (!m_token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    return r;
}

RelayJob *RelayClient::send(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QJsonObject *body)
{
    QNetworkRequest r = request(path, query);
    QNetworkReply *reply = nullptr;
    if (body) {
        r.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        reply = m_network.sendCustomRequest(r, verb, QJsonDocument(*body).toJson(QJsonDocument::Compact));
    } else {
        reply = m_network.sendCustomRequest(r, verb);
    }
    return new RelayJob(reply, this);
}

RelayJob *RelayClient::failed(const Error &error)
{
    return new RelayJob(error, this);
}

RelayJob *RelayClient::signUp(const QString &email, const QString &password)
{
    return post(u"/v1/auth/signup"_s, {{u"email"_s, email}, {u"password"_s, password}});
}

RelayJob *RelayClient::signIn(const QString &email, const QString &password, const QString &tokenName)
{
    QJsonObject body{{u"email"_s, email}, {u"password"_s, password}};
    if (!tokenName.isEmpty())
        body.insert(u"tokenName"_s, tokenName);
    return post(u"/v1/auth/signin"_s, body);
}

RelayJob *RelayClient::me()
{
    return get(u"/v1/me"_s);
}

RelayJob *RelayClient::createProject(const QString &name, const QJsonObject &source)
{
    QJsonObject body{{u"name"_s, name}};
    if (!source.isEmpty())
        body.insert(u"source"_s, source);
    return post(u"/v1/projects"_s, body);
}

RelayJob *RelayClient::listProjects(const PageQuery &page)
{
    return get(u"/v1/projects"_s, page.toQuery());
}

RelayJob *RelayClient::project(const QString &id)
{
    return get(u"/v1/projects/"_s + segment(id));
}

RelayJob *RelayClient::createDeployment(const DeploymentRequest &request)
{
    return post(u"/v1/deployments"_s, request.toJson());
}

RelayJob *RelayClient::deployment(const QString &id)
{
    return get(u"/v1/deployments/"_s + segment(id));
}

RelayJob *RelayClient::listDeployments(const PageQuery &page, const QString &projectId)
{
    QUrlQuery q = page.toQuery();
    if (!projectId.isEmpty())
        q.addQueryItem(u"projectId"_s, projectId);
    return get(u"/v1/deployments"_s, q);
}

RelayJob *RelayClient::command(const QString &deploymentId, DeploymentCommand command)
{
    return post(u"/v1/deployments/"_s + segment(deploymentId) + u"/commands"_s, {{u"command"_s, commandName(command)}});
}

RelayJob *RelayClient::redeploy(const QString &deploymentId, const QJsonObject &spec, const QString &sourceToken)
{
    QJsonObject body{{u"command"_s, commandName(DeploymentCommand::Redeploy)}, {u"spec"_s, spec}};
    if (!sourceToken.isEmpty())
        body.insert(u"sourceToken"_s, sourceToken);
    return post(u"/v1/deployments/"_s + segment(deploymentId) + u"/commands"_s, body);
}

RelayJob *RelayClient::deleteDeployment(const QString &id)
{
    return send("DELETE", u"/v1/deployments/"_s + segment(id));
}

RelayJob *RelayClient::createDatabase(const DatabaseRequest &request)
{
    return post(u"/v1/databases"_s, request.toJson());
}

RelayJob *RelayClient::database(const QString &id)
{
    return get(u"/v1/databases/"_s + segment(id));
}

RelayJob *RelayClient::listDatabases(const PageQuery &page)
{
    return get(u"/v1/databases"_s, page.toQuery());
}

RelayJob *RelayClient::deleteDatabase(const QString &id)
{
    return send("DELETE", u"/v1/databases/"_s + segment(id));
}

RelayJob *RelayClient::logs(const QString &deploymentId, const LogQuery &query)
{
    return get(u"/v1/deployments/"_s + segment(deploymentId) + u"/logs"_s, query.toQuery());
}

RelayJob *RelayClient::metrics(const QString &deploymentId, qint64 fromMs, qint64 toMs)
{
    QUrlQuery q;
    if (fromMs > 0)
        q.addQueryItem(u"from"_s, QString::number(fromMs));
    if (toMs > 0)
        q.addQueryItem(u"to"_s, QString::number(toMs));
    return get(u"/v1/deployments/"_s + segment(deploymentId) + u"/metrics"_s, q);
}

RelayJob *RelayClient::summary(const QString &deploymentId, const QString &window, const QString &language)
{
    QUrlQuery q;
    if (!window.isEmpty())
        q.addQueryItem(u"window"_s, window);
    if (!language.isEmpty())
        q.addQueryItem(u"lang"_s, language);
    return get(u"/v1/deployments/"_s + segment(deploymentId) + u"/summary"_s, q);
}

RelayJob *RelayClient::earnings()
{
    return get(u"/v1/earnings"_s);
}

RelayJob *RelayClient::uploadBlob(const QString &archivePath, const QString &sha256)
{
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    if (!hex.match(sha256).hasMatch())
        return failed(Error(ErrorCode::InvalidInput, tr("a blob is named by its SHA-256 in lower-case hex")));
    auto *file = new QFile(archivePath);
    if (!file->open(QIODevice::ReadOnly)) {
        const QString why = file->errorString();
        delete file;
        return failed(Error(ErrorCode::Io, tr("cannot read %1: %2").arg(archivePath, why), archivePath));
    }
    QNetworkRequest r = request(u"/v1/blobs/"_s + sha256);
    r.setHeader(QNetworkRequest::ContentTypeHeader, u"application/gzip"_s);
    r.setHeader(QNetworkRequest::ContentLengthHeader, file->size());
    QNetworkReply *reply = m_network.put(r, file);
    auto *job = new RelayJob(reply, this);
    file->setParent(job); // must outlive the upload; goes with the job
    return job;
}

} // namespace ttalkak::client
