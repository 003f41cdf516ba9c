#pragma once
// SettingsPage: language, relay URL and GitHub API URL (core::Settings), and the GitHub
// OAuth client id (DeployerPrefs).

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace ttalkak::core {
class Settings;
}

namespace ttalkak::deployer {

class DeployerPrefs;

class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    // `prefs` (optional) holds the GitHub OAuth client id.
    explicit SettingsPage(core::Settings *settings, DeployerPrefs *prefs = nullptr, QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void load();

    core::Settings *m_settings;
    QLabel *m_title;
    QLabel *m_generalTitle;
    QLabel *m_languageLabel;
    QComboBox *m_language;
    QLabel *m_relayTitle;
    QLabel *m_relayLabel;
    QLineEdit *m_relayUrl;
    QLabel *m_relayNote;
    QLabel *m_githubLabel;
    QLineEdit *m_githubUrl;
    DeployerPrefs *m_prefs;
    QLabel *m_clientIdLabel;
    QLineEdit *m_clientId;
    QLabel *m_file;
};

} // namespace ttalkak::deployer
