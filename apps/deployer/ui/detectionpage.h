#pragma once
// DetectionPage: what detection found and why, the generated Dockerfile and
// .dockerignore (editable, with reset), env vars, resources and the Deploy
// button. Renders ProjectSession and forwards edits to it.

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;
class QVBoxLayout;

namespace ttalkak::deployer {

class DockerfileHighlighter;
class EnvVarsEditor;
class ProjectSession;
class ResourcesEditor;

class DetectionPage : public QWidget
{
    Q_OBJECT
public:
    explicit DetectionPage(ProjectSession *session, QWidget *parent = nullptr);

    QPlainTextEdit *dockerfileEditor() const { return m_dockerfile; }
    QPlainTextEdit *dockerignoreEditor() const { return m_dockerignore; }
    QTableView *reasonsView() const { return m_reasons; }
    QComboBox *appPicker() const { return m_appPicker; }
    QPushButton *deployButton() const { return m_deploy; }
    QLabel *errorLabel() const { return m_errorText; }

Q_SIGNALS:
    void newProjectRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildContent();
    QWidget *buildErrorPanel();
    QWidget *buildBusyPanel();
    QWidget *buildRemotePanel();
    QWidget *iconCardPanel(const QString &cardName, const QString &iconName, QLayout *content);
    QWidget *editorTab(QPlainTextEdit *editor, QLabel *badge, QToolButton *reset);

    void refresh();
    void refreshSummary();
    void refreshAppPicker();
    void refreshErrorPanel();
    void refreshDeploy();
    void syncDockerfile();
    void syncDockerignore();
    void retranslateUi();

    ProjectSession *m_session;

    QLabel *m_projectName;
    QLabel *m_projectPath;
    QLabel *m_status;
    QLabel *m_appPickerLabel;
    QComboBox *m_appPicker;
    QToolButton *m_redetect;
    QPushButton *m_newProject;

    QStackedWidget *m_stack;
    QWidget *m_content;
    QWidget *m_errorPanel;
    QWidget *m_busyPanel;
    QWidget *m_remotePanel;

    // content
    QLabel *m_summaryTitle;
    QFormLayout *m_summary;
    QLabel *m_whyTitle;
    QTableView *m_reasons;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_dockerfile;
    DockerfileHighlighter *m_highlighter;
    QLabel *m_dockerfileBadge;
    QToolButton *m_resetDockerfile;
    QPlainTextEdit *m_dockerignore;
    QLabel *m_dockerignoreBadge;
    QToolButton *m_resetDockerignore;
    EnvVarsEditor *m_env;
    ResourcesEditor *m_resources;

    // error panel
    QLabel *m_errorTitle;
    QLabel *m_errorText;
    QLabel *m_candidatesTitle;
    QVBoxLayout *m_candidateButtons;

    // busy and remote panels
    QLabel *m_busyText;
    QLabel *m_remoteTitle;
    QLabel *m_remoteText;

    // bottom bar
    QLabel *m_blockers;
    QPushButton *m_deploy;
};

} // namespace ttalkak::deployer
