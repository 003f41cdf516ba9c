#include "githubclient.h"

#include <optional>
#include <QCoreApplication>
#include <QLocale>
#include <QDateTime>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

namespace {
constexpr int RequestTimeoutMs = 20000;
}

GitHubClient::GitHubClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

void GitHubClient::repositories(int page, int perPage, QObject *context, Reply done)
{
    QUrlQuery q;
    q.addQueryItem(u"per_page"_s, QString::number(perPage));
    q.addQueryItem(u"page"_s, QString::number(page));
    q.addQueryItem(u"sort"_s, u"updated"_s);
    get(u"/user/repos"_s, q, context, std::move(done));
}

void GitHubClient::branches(const QString &fullName, QObject *context, Reply done)
{
    QUrlQuery q;
    q.addQueryItem(u"per_page"_s, u"100"_s);
    get(u"/repos/%1/branches"_s.arg(fullName), q, context, std::move(done));
}

void GitHubClient::commits(const QString &fullName, const QString &ref, QObject *context, Reply done)
{
    QUrlQuery q;
    q.addQueryItem(u"sha"_s, ref);
    q.addQueryItem(u"per_page"_s, u"20"_s);
    get(u"/repos/%1/commits"_s.arg(fullName), q, context, std::move(done));
}

namespace {
// GitHub answers 403 (primary limit: X-RateLimit-Remaining 0, reset at X-RateLimit-Reset) or 429
// (secondary limit: Retry-After seconds) when a token made too many calls. Say when to retry.
std::optional<core::Error> rateLimited(QNetworkReply *reply, int status)
{
    if (status != 403 && status != 429)
        return std::nullopt;
    QDateTime retryAt;
    if (reply->rawHeader("X-RateLimit-Remaining") == "0") {
        retryAt = QDateTime::fromSecsSinceEpoch(reply->rawHeader("X-RateLimit-Reset").toLongLong());
    } else if (reply->hasRawHeader("Retry-After")) {
        retryAt = QDateTime::currentDateTime().addSecs(reply->rawHeader("Retry-After").toLongLong());
    } else {
        return std::nullopt;
    }
    return core::Error(core::ErrorCode::Unavailable,
        QCoreApplication::translate("GitHubClient", "GitHub's rate limit is reached; try again after %1.")
            .arg(QLocale().toString(retryAt.toLocalTime().time(), QLocale::ShortFormat)));
}
} // namespace

void GitHubClient::tarball(const QString &fullName, const QString &ref, QObject *context, BytesReply done)
{
    QUrl url = m_api;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + u"/repos/%1/tarball/%2"_s.arg(fullName, ref));
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/vnd.github+json");
    request.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(RequestTimeoutMs * 3); // restarted by progress: big repositories keep going
    QNetworkReply *reply = m_network->get(request);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done)] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 401) {
            done(core::Error(core::ErrorCode::PermissionDenied, tr("GitHub rejected the token; sign in again.")));
            return;
        }
        if (auto limited = rateLimited(reply, status)) {
            done(*limited);
            return;
        }
        if (reply->error() != QNetworkReply::NoError) {
            done(core::Error(core::ErrorCode::Remote, tr("GitHub: %1").arg(reply->errorString())));
            return;
        }
        done(reply->readAll());
    });
}

void GitHubClient::get(const QString &path, const QUrlQuery &query, QObject *context, Reply done)
{
    QUrl url = m_api;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/vnd.github+json");
    request.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(RequestTimeoutMs);
    QNetworkReply *reply = m_network->get(request);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done)] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        if (status == 401) {
            done(core::Error(core::ErrorCode::PermissionDenied, tr("GitHub rejected the token; sign in again.")));
            return;
        }
        if (auto limited = rateLimited(reply, status)) {
            done(*limited);
            return;
        }
        if (reply->error() != QNetworkReply::NoError || !doc.isArray()) {
            const QString why = doc.object().value(u"message"_s).toString(reply->errorString());
            done(core::Error(core::ErrorCode::Remote, tr("GitHub: %1").arg(why)));
            return;
        }
        // Paging: GitHub's Link header names rel="next" while more pages exist.
        const bool hasNext = reply->rawHeader("Link").contains("rel=\"next\"");
        done(QJsonObject { { u"items"_s, doc.array() }, { u"hasNext"_s, hasNext } });
    });
}

} // namespace ttalkak::deployer
