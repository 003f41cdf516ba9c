#include "welcomepage.h"
#include "dropzone.h"
#include "icons.h"

#include <model/projectsession.h>

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

WelcomePage::WelcomePage(ProjectSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_dropZone(new DropZone(this))
    , m_githubLabel(new QLabel(this))
    , m_url(new QLineEdit(this))
    , m_useUrl(new QPushButton(this))
    , m_fromGitHub(new QPushButton(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"welcomePage"_s);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.8);
    f.setWeight(QFont::Bold);
    m_title->setFont(f);
    m_subtitle->setObjectName(u"muted"_s);
    m_subtitle->setWordWrap(true);
    QFont g = m_githubLabel->font();
    g.setWeight(QFont::DemiBold);
    m_githubLabel->setFont(g);
    m_url->setObjectName(u"githubUrlEdit"_s);
    m_url->setClearButtonEnabled(true);
    m_url->addAction(icons::icon(u"git-branch"_s), QLineEdit::LeadingPosition);
    m_url->setMinimumHeight(34);
    m_useUrl->setObjectName(u"useUrlButton"_s);
    m_useUrl->setMinimumHeight(34);
    m_fromGitHub->setObjectName(u"fromGitHubButton"_s);
    m_fromGitHub->setIcon(icons::icon(u"git-branch"_s));
    m_fromGitHub->setMinimumHeight(34);
    m_error->setObjectName(u"errorText"_s);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *column = new QWidget(this);
    column->setMaximumWidth(760);
    auto *v = new QVBoxLayout(column);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(8);
    v->addWidget(m_title);
    v->addWidget(m_subtitle);
    v->addSpacing(16);
    v->addWidget(m_dropZone, 1);
    v->addSpacing(20);
    v->addWidget(m_githubLabel);
    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    row->addWidget(m_url, 1);
    row->addWidget(m_useUrl);
    row->addWidget(m_fromGitHub);
    v->addLayout(row);
    v->addWidget(m_error);
    v->addStretch(1);

    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(40, 56, 40, 36);
    outer->addStretch();
    outer->addWidget(column, 4);
    outer->addStretch();

    connect(m_dropZone, &DropZone::chooseFolderRequested, this, &WelcomePage::chooseFolder);
    connect(m_useUrl, &QPushButton::clicked, this, &WelcomePage::submitUrl);
    connect(m_fromGitHub, &QPushButton::clicked, this, &WelcomePage::gitHubRequested);
    connect(m_url, &QLineEdit::returnPressed, this, &WelcomePage::submitUrl);
    connect(m_url, &QLineEdit::textChanged, m_error, &QLabel::hide);
    retranslateUi();
}

void WelcomePage::chooseFolder()
{
    auto *dialog = new QFileDialog(window(), tr("Choose a repository folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setObjectName(u"chooseFolderDialog"_s);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        auto source = ProjectSource::fromLocalFolder(path);
        if (!source) {
            showError(source.error().toString());
            return;
        }
        m_session->open(*source);
    });
    dialog->open();
}

void WelcomePage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void WelcomePage::submitUrl()
{
    auto source = ProjectSource::fromGitHubUrl(m_url->text());
    if (!source) {
        showError(source.error().toString());
        return;
    }
    m_error->hide();
    m_session->open(*source);
}

void WelcomePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WelcomePage::retranslateUi()
{
    m_title->setText(tr("Deploy a project"));
    m_subtitle->setText(tr("Start from a repository on your computer or on GitHub. You will see what was detected, "
                           "and why, before anything runs."));
    m_githubLabel->setText(tr("Or use a GitHub repository"));
    m_url->setPlaceholderText(tr("https://github.com/owner/repository"));
    m_useUrl->setText(tr("Use repository"));
    m_fromGitHub->setText(tr("From GitHub…"));
    m_fromGitHub->setToolTip(tr("Sign in to GitHub and choose a repository, branch and commit"));
}

} // namespace ttalkak::deployer
