#pragma once
// GitHubDialog: "From GitHub" — device-flow sign-in (the user code and verification URL
// with copy/open buttons), then the user's repositories (search, "load more"), a branch
// and a commit. "Use this commit" asks GitHubSession to fetch the files; the session
// reports sourceFetched and the dialog closes. Renders GitHubSession; holds no logic.

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace ttalkak::deployer {

class GitHubSession;

class GitHubDialog : public QDialog
{
    Q_OBJECT
public:
    explicit GitHubDialog(GitHubSession *session, QWidget *parent = nullptr);

    QPushButton *signInButton() const { return m_signIn; }
    QLabel *userCodeLabel() const { return m_code; }
    QTableView *repositoryTable() const { return m_repos; }
    QPushButton *useButton() const { return m_use; }

private:
    void showCurrentPage();
    void onRepositoryChosen();
    void setBusy(bool busy);

    GitHubSession *m_session;
    QStackedWidget *m_pages;
    // sign-in page
    QPushButton *m_signIn;
    QLabel *m_code;
    QLabel *m_verification;
    QPushButton *m_copy;
    QPushButton *m_open;
    // repositories page
    QLineEdit *m_search;
    QTableView *m_repos;
    QPushButton *m_more;
    QComboBox *m_branch;
    QTableView *m_commits;
    QPushButton *m_use;
    QPushButton *m_signOut;
    QLabel *m_status;
};

} // namespace ttalkak::deployer
