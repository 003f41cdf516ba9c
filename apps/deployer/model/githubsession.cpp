#include "githubsession.h"
#include "deployerprefs.h"

#include "sourcearchive.h"

#include <core/secretstore.h>

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <QDateTime>
#include <QJsonArray>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

namespace {
QString str(const QJsonObject &o, const QString &key)
{
    return o.value(key).toString();
}
} // namespace

GitHubSession::GitHubSession(
    QNetworkAccessManager *network, core::SecretStore *secrets, DeployerPrefs *prefs, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_prefs(prefs)
    , m_flow(network)
    , m_client(network)
    , m_repos({ { [] { return tr("Repository"); }, [](const QJsonObject &o) { return str(o, u"full_name"_s); } },
          { [] { return tr("Visibility"); },
              [](const QJsonObject &o) {
                  return o.value(u"private"_s).toBool() ? tr("private") : tr("public");
              } },
          { [] { return tr("Default branch"); },
              [](const QJsonObject &o) { return str(o, u"default_branch"_s); } } })
    , m_branches({ { [] { return tr("Branch"); }, [](const QJsonObject &o) { return str(o, u"name"_s); } } })
    , m_commits({ { [] { return tr("Commit"); }, [](const QJsonObject &o) { return str(o, u"sha"_s).left(7); } },
          { [] { return tr("Message"); },
              [](const QJsonObject &o) {
                  return str(o[u"commit"_s].toObject(), u"message"_s).section(u'\n', 0, 0);
              } },
          { [] { return tr("Author"); },
              [](const QJsonObject &o) { return str(o[u"commit"_s][u"author"_s].toObject(), u"name"_s); } },
          { [] { return tr("Date"); },
              [](const QJsonObject &o) {
                  const auto at = QDateTime::fromString(
                      str(o[u"commit"_s][u"author"_s].toObject(), u"date"_s), Qt::ISODate);
                  return at.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
              } } })
{
    m_reposFiltered.setSourceModel(&m_repos);
    m_reposFiltered.setFilterKeyColumn(0);
    m_reposFiltered.setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(&m_flow, &GitHubDeviceFlow::succeeded, this, [this](const QString &token) {
        m_secrets->write(TokenKey, token, this, [](core::Result<void>) { });
        setToken(token);
        reloadRepositories();
    });
    connect(&m_flow, &GitHubDeviceFlow::failed, this, &GitHubSession::error);
}

void GitHubSession::restore()
{
    m_secrets->read(TokenKey, this, [this](core::Result<QString> token) {
        if (token && !token->isEmpty())
            setToken(*token);
    });
}

void GitHubSession::signIn()
{
    m_flow.start(m_prefs->gitHubWebUrl(), m_prefs->gitHubClientId());
}

void GitHubSession::signOut()
{
    m_flow.cancel();
    m_secrets->remove(TokenKey, this, [](core::Result<void>) { });
    m_repos.setItems({});
    m_branches.setItems({});
    m_commits.setItems({});
    setToken({});
}

void GitHubSession::setToken(const QString &token)
{
    const bool was = isSignedIn();
    m_token = token;
    m_client.setToken(token);
    m_client.setApiUrl(m_prefs->gitHubApiUrl());
    if (was != isSignedIn())
        Q_EMIT signedInChanged(isSignedIn());
}

void GitHubSession::setSearch(const QString &text)
{
    m_reposFiltered.setFilterFixedString(text);
}

void GitHubSession::reloadRepositories()
{
    m_repos.setItems({});
    m_page = 0;
    fetchRepositories(1);
}

void GitHubSession::loadMoreRepositories()
{
    if (m_hasMore)
        fetchRepositories(m_page + 1);
}

void GitHubSession::fetchRepositories(int page)
{
    m_client.setApiUrl(m_prefs->gitHubApiUrl());
    Q_EMIT busyChanged(true);
    m_client.repositories(page, PageSize, this, [this, page](core::Result<QJsonObject> r) {
        Q_EMIT busyChanged(false);
        if (!r) {
            Q_EMIT error(r.error().message());
            return;
        }
        m_page = page;
        m_hasMore = r->value(u"hasNext"_s).toBool();
        m_repos.appendItems(r->value(u"items"_s).toArray());
    });
}

void GitHubSession::selectRepository(const QJsonObject &repo)
{
    m_repo = repo;
    m_commits.setItems({});
    const QString name = str(repo, u"full_name"_s);
    m_client.branches(name, this, [this, name, repo](core::Result<QJsonObject> r) {
        if (str(m_repo, u"full_name"_s) != name)
            return;
        if (!r) {
            Q_EMIT error(r.error().message());
            return;
        }
        m_branches.setItems(r->value(u"items"_s).toArray());
        selectBranch(str(repo, u"default_branch"_s));
    });
}

void GitHubSession::selectBranch(const QString &branch)
{
    m_branch = branch;
    const QString name = str(m_repo, u"full_name"_s);
    m_client.commits(name, branch, this, [this, name, branch](core::Result<QJsonObject> r) {
        if (str(m_repo, u"full_name"_s) != name || m_branch != branch)
            return;
        if (!r) {
            Q_EMIT error(r.error().message());
            return;
        }
        m_commits.setItems(r->value(u"items"_s).toArray());
    });
}

void GitHubSession::fetchSource(const GitSelection &selection)
{
    const QString name = str(m_repo, u"full_name"_s);
    const QString htmlUrl = str(m_repo, u"html_url"_s);
    const quint64 fetch = ++m_fetch;
    Q_EMIT busyChanged(true);
    const QString ref = selection.commit.isEmpty() ? selection.ref : selection.commit;
    m_client.tarball(name, ref, this, [this, fetch, htmlUrl, selection](core::Result<QByteArray> bytes) {
        if (fetch != m_fetch)
            return; // superseded by another choice
        if (!bytes) {
            Q_EMIT busyChanged(false);
            Q_EMIT error(bytes.error().message());
            return;
        }
        auto dir = std::make_shared<QTemporaryDir>();
        auto *watcher = new QFutureWatcher<core::Result<int>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, dir, fetch, htmlUrl, selection] {
            watcher->deleteLater();
            if (fetch != m_fetch)
                return;
            Q_EMIT busyChanged(false);
            const core::Result<int> files = watcher->result();
            if (!files) {
                Q_EMIT error(files.error().message());
                return;
            }
            auto source = ProjectSource::fromGitHubUrl(
                selection.ref.isEmpty() ? htmlUrl : htmlUrl + u"/tree/"_s + selection.ref);
            if (!source) {
                Q_EMIT error(source.error().message());
                return;
            }
            m_checkout = dir; // detection reads it after this; the previous checkout goes
            Q_EMIT sourceFetched(*source, dir->path(), selection);
        });
        watcher->setFuture(QtConcurrent::run(
            [dir, data = *bytes] { return SourceArchive::extract(data, dir->path()); }));
    });
}

GitSelection GitHubSession::selection(int commitRow) const
{
    GitSelection s;
    s.url = str(m_repo, u"clone_url"_s);
    s.ref = m_branch;
    s.commit = commitRow >= 0 ? str(m_commits.item(commitRow), u"sha"_s) : QString();
    s.isPrivate = m_repo.value(u"private"_s).toBool();
    s.token = m_token;
    return s;
}

} // namespace ttalkak::deployer
