#pragma once
// GitHubSession: the GitHub side of the deployer — device-flow sign-in with the
// token kept in the SecretStore, the user's repositories (paged, filterable),
// a repository's branches and recent commits, and the chosen commit as a
// GitSelection for DeployService. Thread: GUI thread.

#include "deployservice.h"
#include "githubclient.h"
#include "githubdeviceflow.h"
#include "jsonlistmodel.h"

#include "projectsource.h"

#include <QSortFilterProxyModel>
#include <QTemporaryDir>

#include <memory>

namespace ttalkak::core {
class SecretStore;
}

namespace ttalkak::deployer {

class DeployerPrefs;

class GitHubSession : public QObject
{
    Q_OBJECT
public:
    static inline const QString TokenKey = QStringLiteral("github-token");
    static constexpr int PageSize = 50;

    GitHubSession(QNetworkAccessManager *network, core::SecretStore *secrets, DeployerPrefs *prefs,
        QObject *parent = nullptr);

    bool isSignedIn() const { return m_client.hasToken(); }
    GitHubDeviceFlow *deviceFlow() { return &m_flow; }
    JsonListModel *repositories() { return &m_repos; }
    QSortFilterProxyModel *filteredRepositories() { return &m_reposFiltered; }
    JsonListModel *branches() { return &m_branches; }
    JsonListModel *commits() { return &m_commits; }
    bool hasMoreRepositories() const { return m_hasMore; }
    QJsonObject currentRepository() const { return m_repo; }

    void restore();
    void signIn();
    void signOut();
    void setSearch(const QString &text);
    void reloadRepositories();
    void loadMoreRepositories();
    void selectRepository(const QJsonObject &repo);
    void selectBranch(const QString &branch);
    // The deploy source for a commit row (-1 = the branch head).
    GitSelection selection(int commitRow) const;
    // Downloads the selection's tarball and unpacks it (worker thread) into a temporary folder
    // the session keeps until the next fetch: → sourceFetched(source, folder, selection) or error().
    void fetchSource(const GitSelection &selection);

Q_SIGNALS:
    void signedInChanged(bool signedIn);
    void error(const QString &message);
    void busyChanged(bool busy);
    void sourceFetched(const ttalkak::deployer::ProjectSource &source, const QString &folder,
        const ttalkak::deployer::GitSelection &selection);

private:
    void setToken(const QString &token);
    void fetchRepositories(int page);

    core::SecretStore *m_secrets;
    DeployerPrefs *m_prefs;
    GitHubDeviceFlow m_flow;
    GitHubClient m_client;
    JsonListModel m_repos;
    QSortFilterProxyModel m_reposFiltered;
    JsonListModel m_branches;
    JsonListModel m_commits;
    QJsonObject m_repo;
    QString m_branch;
    QString m_token;
    std::shared_ptr<QTemporaryDir> m_checkout; // the last fetched repository's files
    quint64 m_fetch = 0;
    int m_page = 0;
    bool m_hasMore = false;
};

} // namespace ttalkak::deployer
