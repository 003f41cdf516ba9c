#pragma once
// MainWindow: left navigation (Projects, Deployments, Databases, Settings) and
// the pages. The whole window accepts a dropped repository folder or GitHub URL.
// Owns only widgets; the session, settings and relay link come from main().

#include <QMainWindow>

class QLabel;
class QListWidget;
class QMimeData;
class QStackedWidget;

namespace ttalkak::core {
class Settings;
}

namespace ttalkak::deployer {

class DetectionPage;
class ProjectSession;
class RelayLink;
class SettingsPage;
class WelcomePage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Projects, Deployments, Databases, Settings };

    MainWindow(core::Settings *settings, ProjectSession *session, RelayLink *relay, QWidget *parent = nullptr);

    void showPage(Page page);
    Page currentPage() const;
    // The drop path, also used by the tests: opens what the mime data names.
    bool openMimeData(const QMimeData &mime);

    WelcomePage *welcomePage() const { return m_welcome; }
    DetectionPage *detectionPage() const { return m_detection; }
    SettingsPage *settingsPage() const { return m_settings; }

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

    core::Settings *m_settingsStore;
    ProjectSession *m_session;
    RelayLink *m_relay;

    QListWidget *m_nav;
    QLabel *m_appName;
    QLabel *m_connection;
    QStackedWidget *m_pages;
    QStackedWidget *m_projects;
    WelcomePage *m_welcome;
    DetectionPage *m_detection;
    SettingsPage *m_settings;
};

} // namespace ttalkak::deployer
