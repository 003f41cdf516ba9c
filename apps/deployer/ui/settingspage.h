#pragma once
// SettingsPage: language, relay URL and GitHub API URL, stored in core::Settings.

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace ttalkak::core {
class Settings;
}

namespace ttalkak::deployer {

class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    explicit SettingsPage(core::Settings *settings, QWidget *parent = nullptr);

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
    QLabel *m_file;
};

} // namespace ttalkak::deployer
