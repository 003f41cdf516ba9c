#include "settingspage.h"

#include <model/deployerprefs.h>

#include <core/settings.h>
#include <model/languagemanager.h>

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpacerItem>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;
using core::Settings;

SettingsPage::SettingsPage(Settings *settings, DeployerPrefs *prefs, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_title(new QLabel(this))
    , m_generalTitle(new QLabel(this))
    , m_languageLabel(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_relayTitle(new QLabel(this))
    , m_relayLabel(new QLabel(this))
    , m_relayUrl(new QLineEdit(this))
    , m_relayNote(new QLabel(this))
    , m_githubLabel(new QLabel(this))
    , m_githubUrl(new QLineEdit(this))
    , m_prefs(prefs)
    , m_clientIdLabel(new QLabel(this))
    , m_clientId(new QLineEdit(this))
    , m_file(new QLabel(this))
{
    setObjectName(u"settingsPage"_s);
    m_title->setObjectName(u"pageTitle"_s);
    m_generalTitle->setObjectName(u"sectionTitle"_s);
    m_relayTitle->setObjectName(u"sectionTitle"_s);
    m_relayNote->setObjectName(u"muted"_s);
    m_relayNote->setWordWrap(true);
    m_file->setObjectName(u"muted"_s);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_language->setObjectName(u"languageBox"_s);
    for (const QString &code : LanguageManager::availableLanguages())
        m_language->addItem(LanguageManager::nativeName(code), code);
    m_relayUrl->setObjectName(u"relayUrlEdit"_s);
    m_githubUrl->setObjectName(u"githubApiEdit"_s);
    for (QLineEdit *e : { m_relayUrl, m_githubUrl })
        e->setMinimumWidth(420);

    m_language->setMinimumWidth(200);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setHorizontalSpacing(24);
    form->setVerticalSpacing(10);
    form->addRow(m_generalTitle);
    form->addRow(m_languageLabel, m_language);
    form->addItem(new QSpacerItem(0, 18));
    form->addRow(m_relayTitle);
    form->addRow(m_relayLabel, m_relayUrl);
    form->addRow(QString(), m_relayNote);
    form->addRow(m_githubLabel, m_githubUrl);
    m_clientId->setObjectName(u"githubClientIdEdit"_s);
    if (m_prefs)
        form->addRow(m_clientIdLabel, m_clientId);
    else {
        m_clientIdLabel->hide();
        m_clientId->hide();
    }
    m_relayNote->setFixedWidth(420);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(m_file);

    connect(m_language, &QComboBox::activated, this,
        [this](int index) { m_settings->setValue(Settings::Key::Language, m_language->itemData(index)); });
    auto storeUrl = [this](QLineEdit *edit, Settings::Key key) {
        const QUrl url(edit->text().trimmed(), QUrl::StrictMode);
        const bool ok
            = url.isValid() && (url.scheme() == u"http"_s || url.scheme() == u"https"_s) && !url.host().isEmpty();
        edit->setProperty("invalid", !ok);
        edit->style()->unpolish(edit);
        edit->style()->polish(edit);
        if (ok)
            m_settings->setValue(key, url.toString());
    };
    connect(m_relayUrl, &QLineEdit::editingFinished, this,
        [this, storeUrl] { storeUrl(m_relayUrl, Settings::Key::RelayUrl); });
    connect(m_githubUrl, &QLineEdit::editingFinished, this,
        [this, storeUrl] { storeUrl(m_githubUrl, Settings::Key::GitHubApiUrl); });
    connect(m_clientId, &QLineEdit::editingFinished, this, [this] {
        if (m_prefs && !m_clientId->text().trimmed().isEmpty())
            m_prefs->setGitHubClientId(m_clientId->text());
    });
    connect(m_settings, &Settings::changed, this, &SettingsPage::load);
    load();
    retranslateUi();
}

void SettingsPage::load()
{
    const int i = m_language->findData(m_settings->value(Settings::Key::Language).toString());
    m_language->setCurrentIndex(i >= 0 ? i : 0);
    if (!m_relayUrl->hasFocus())
        m_relayUrl->setText(m_settings->value(Settings::Key::RelayUrl).toString());
    if (!m_githubUrl->hasFocus())
        m_githubUrl->setText(m_settings->value(Settings::Key::GitHubApiUrl).toString());
    if (m_prefs && !m_clientId->hasFocus())
        m_clientId->setText(m_prefs->gitHubClientId());
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SettingsPage::retranslateUi()
{
    m_title->setText(tr("Settings"));
    m_generalTitle->setText(tr("General"));
    m_languageLabel->setText(tr("Language"));
    m_language->setToolTip(tr("Applies immediately"));
    m_relayTitle->setText(tr("Connections"));
    m_relayLabel->setText(tr("Relay URL"));
    m_relayNote->setText(tr("The relay schedules your deployments on providers and routes their traffic. "
                            "Sign in from the account button in the sidebar."));
    m_githubLabel->setText(tr("GitHub API URL"));
    m_githubUrl->setToolTip(tr("Change this for GitHub Enterprise, e.g. https://github.example.com/api/v3"));
    m_clientIdLabel->setText(tr("GitHub OAuth client id"));
    m_clientId->setToolTip(tr("The client id of a GitHub OAuth app with the device flow enabled"));
    m_file->setText(tr("Stored in %1").arg(QDir::toNativeSeparators(m_settings->fileName())));
}

} // namespace ttalkak::deployer
