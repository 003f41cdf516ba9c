#pragma once
// MainWindow: left navigation (Projects, Deployments, Databases, Settings) and
// the pages. The whole window accepts a dropped repository folder or GitHub URL.
// Owns only widgets; the session, settings and relay link come from main().

#include <QMainWindow>

class QLabel;
class QListWidget;
class QMimeData;
class QPushButton;
class QStackedWidget;

namespace ttalkak::core {
class Settings;
}

namespace ttalkak::deployer {

class AccountService;
class DatabasesPage;
class DeployProgressPage;
class DeployService;
class DeploymentsPage;
class DeploymentsService;
class DeployerPrefs;
class DetectionPage;
class GitHubSession;
class MonitoringPage;
class MonitoringSession;
class ProjectSession;
class RelayLink;
class SettingsPage;
class WelcomePage;

// The relay-backed services; without them the relay pages show "connect" placeholders.
struct MainWindowServices
{
    AccountService *account = nullptr;
    DeployService *deploy = nullptr;
    DeploymentsService *deployments = nullptr;
    MonitoringSession *monitoring = nullptr;
    GitHubSession *github = nullptr;   // "From GitHub" needs it
    DeployerPrefs *prefs = nullptr;    // the GitHub OAuth client id in Settings
};

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Projects, Deployments, Databases, Settings };

    MainWindow(core::Settings *settings, ProjectSession *session, RelayLink *relay,
        const MainWindowServices &services = {}, QWidget *parent = nullptr);

    void showPage(Page page);
    Page currentPage() const;
    // The drop path, also used by the tests: opens what the mime data names.
    bool openMimeData(const QMimeData &mime);

    WelcomePage *welcomePage() const { return m_welcome; }
    DetectionPage *detectionPage() const { return m_detection; }
    SettingsPage *settingsPage() const { return m_settings; }
    DeployProgressPage *deployProgressPage() const { return m_progress; }
    DeploymentsPage *deploymentsPage() const { return m_deploymentsPage; }
    DatabasesPage *databasesPage() const { return m_databasesPage; }
    MonitoringPage *monitoringPage() const { return m_monitoringPage; }
    void showDeployProgress();
    void showMonitoring(const QString &deploymentId, const QString &name);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildSidebar();
    void showWelcome();
    void onDetectionFinished();
    void updateConnection();
    void retranslateUi();
    void buildRelayPages();
    void onAccountButton();
    void openGitHub();

    core::Settings *m_settingsStore;
    ProjectSession *m_session;
    RelayLink *m_relay;
    MainWindowServices m_services;

    QListWidget *m_nav;
    QLabel *m_appName;
    QLabel *m_connection;
    QStackedWidget *m_pages;
    QStackedWidget *m_projects;
    WelcomePage *m_welcome;
    DetectionPage *m_detection;
    SettingsPage *m_settings;
    QPushButton *m_account = nullptr;
    DeployProgressPage *m_progress = nullptr;
    DeploymentsPage *m_deploymentsPage = nullptr;
    DatabasesPage *m_databasesPage = nullptr;
    MonitoringPage *m_monitoringPage = nullptr;
};

} // namespace ttalkak::deployer
