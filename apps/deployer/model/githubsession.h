#pragma once
// GitHubSession: the GitHub side of the deployer — device-flow sign-in with the
// token kept in the SecretStore, the user's repositories (paged, filterable),
// a repository's branches and recent commits, and the chosen commit as a
// GitSelection for DeployService. Thread: GUI thread.

#include "deployservice.h"
#include "githubclient.h"
#include "githubdeviceflow.h"
#include "jsonlistmodel.h"

#include <QSortFilterProxyModel>

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

Q_SIGNALS:
    void signedInChanged(bool signedIn);
    void error(const QString &message);
    void busyChanged(bool busy);

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
    int m_page = 0;
    bool m_hasMore = false;
};

} // namespace ttalkak::deployer
