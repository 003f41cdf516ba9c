#pragma once
// GitHubClient: the few GitHub REST calls the deployer needs, with the user's
// token: repositories (paged), branches, recent commits and a commit's tarball. The API base is
// configurable (https://api.github.com, or https://host/api/v3 for Enterprise).
// Answers {items:[…], hasNext} once, later, unless `context` died. Each request
// has a timeout. Thread: GUI thread.

#include <core/result.h>

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;

namespace ttalkak::deployer {

class GitHubClient : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(core::Result<QJsonObject>)>;

    explicit GitHubClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setApiUrl(const QUrl &api) { m_api = api; }
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }

    void repositories(int page, int perPage, QObject *context, Reply done);
    void branches(const QString &fullName, QObject *context, Reply done);
    void commits(const QString &fullName, const QString &ref, QObject *context, Reply done);
    // GET /repos/{fullName}/tarball/{ref}: the repository's files at `ref` (a commit sha or
    // branch) as a .tar.gz (GitHub redirects to its download host; followed).
    using BytesReply = std::function<void(core::Result<QByteArray>)>;
    void tarball(const QString &fullName, const QString &ref, QObject *context, BytesReply done);

private:
    void get(const QString &path, const QUrlQuery &query, QObject *context, Reply done);

    QNetworkAccessManager *m_network;
    QUrl m_api;
    QString m_token;
};

} // namespace ttalkak::deployer
