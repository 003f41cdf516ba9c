#pragma once
// WelcomePage: where a project starts — the drop zone, a folder chooser and a
// GitHub URL field. Forwards the user's choice to the ProjectSession.

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ttalkak::deployer {

class DropZone;
class ProjectSession;

class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(ProjectSession *session, QWidget *parent = nullptr);

    DropZone *dropZone() const { return m_dropZone; }
    // Opens the non-modal folder chooser (no nested event loop).
    void chooseFolder();
    void showError(const QString &message);
    QPushButton *fromGitHubButton() const { return m_fromGitHub; }

Q_SIGNALS:
    // "From GitHub…": sign in and pick a repository, branch and commit (GitHubDialog).
    void gitHubRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void submitUrl();
    void retranslateUi();

    ProjectSession *m_session;
    QLabel *m_title;
    QLabel *m_subtitle;
    DropZone *m_dropZone;
    QLabel *m_githubLabel;
    QLineEdit *m_url;
    QPushButton *m_useUrl;
    QPushButton *m_fromGitHub;
    QLabel *m_error;
};

} // namespace ttalkak::deployer
