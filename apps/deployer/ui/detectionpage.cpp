#include "detectionpage.h"
#include "envvarseditor.h"
#include "icons.h"
#include "resourceseditor.h"

#include <model/dockerfilehighlighter.h>
#include <model/projectsession.h>

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;
using strategies::Plan;

namespace {
QFont monospace()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setStyleHint(QFont::Monospace);
    return f;
}

QLabel *sectionTitle(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(u"sectionTitle"_s);
    return l;
}

QLabel *valueLabel(const QString &text, bool mono, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    if (mono)
        l->setFont(monospace());
    return l;
}
} // namespace

DetectionPage::DetectionPage(ProjectSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"detectionPage"_s);

    // Header: project name and path, detection status, app folder picker.
    m_projectName = new QLabel(this);
    m_projectName->setObjectName(u"pageTitle"_s);
    m_projectPath = new QLabel(this);
    m_projectPath->setObjectName(u"muted"_s);
    m_projectPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setObjectName(u"statusChip"_s);
    m_appPickerLabel = new QLabel(this);
    m_appPicker = new QComboBox(this);
    m_appPicker->setObjectName(u"appPicker"_s);
    m_appPicker->setMinimumWidth(180);
    m_appPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_redetect = new QToolButton(this);
    m_redetect->setObjectName(u"redetectButton"_s);
    m_redetect->setIcon(icons::icon(u"refresh"_s));
    m_redetect->setAutoRaise(true);
    m_newProject = new QPushButton(this);
    m_newProject->setObjectName(u"newProjectButton"_s);
    m_newProject->setIcon(icons::icon(u"folder-open"_s));

    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    auto *nameRow = new QHBoxLayout;
    nameRow->setSpacing(10);
    nameRow->addWidget(m_projectName);
    nameRow->addWidget(m_status, 0, Qt::AlignVCenter);
    nameRow->addStretch();
    titles->addLayout(nameRow);
    titles->addWidget(m_projectPath);

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addLayout(titles, 1);
    header->addWidget(m_appPickerLabel);
    header->addWidget(m_appPicker);
    header->addWidget(m_redetect);
    header->addSpacing(8);
    header->addWidget(m_newProject);

    m_stack = new QStackedWidget(this);
    m_content = buildContent();
    m_errorPanel = buildErrorPanel();
    m_busyPanel = buildBusyPanel();
    m_remotePanel = buildRemotePanel();
    for (QWidget *w : { m_content, m_errorPanel, m_busyPanel, m_remotePanel })
        m_stack->addWidget(w);

    // Bottom bar: why Deploy is unavailable, and the button.
    m_blockers = new QLabel(this);
    m_blockers->setObjectName(u"muted"_s);
    m_blockers->setWordWrap(true);
    m_deploy = new QPushButton(this);
    m_deploy->setObjectName(u"deployButton"_s);
    m_deploy->setIcon(icons::icon(u"rocket"_s));
    m_deploy->setMinimumSize(150, 38);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_blockers, 1);
    bottom->addWidget(m_deploy);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(14);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    layout->addLayout(bottom);

    connect(m_newProject, &QPushButton::clicked, this, &DetectionPage::newProjectRequested);
    connect(m_redetect, &QToolButton::clicked, m_session, &ProjectSession::redetect);
    connect(m_appPicker, &QComboBox::activated, this,
        [this](int index) { m_session->setAppDir(m_appPicker->itemData(index).toString()); });
    connect(m_session, &ProjectSession::stateChanged, this, &DetectionPage::refresh);
    connect(m_session, &ProjectSession::sourceChanged, this, &DetectionPage::refresh);
    connect(m_session, &ProjectSession::detectionFinished, this, &DetectionPage::refresh);
    connect(m_session, &ProjectSession::dockerfileChanged, this, &DetectionPage::syncDockerfile);
    connect(m_session, &ProjectSession::dockerignoreChanged, this, &DetectionPage::syncDockerignore);
    connect(m_session, &ProjectSession::deployReadinessChanged, this, &DetectionPage::refreshDeploy);
    connect(m_dockerfile, &QPlainTextEdit::textChanged, this,
        [this] { m_session->setDockerfile(m_dockerfile->toPlainText()); });
    connect(m_dockerignore, &QPlainTextEdit::textChanged, this,
        [this] { m_session->setDockerignore(m_dockerignore->toPlainText()); });
    connect(m_resetDockerfile, &QToolButton::clicked, m_session, &ProjectSession::resetDockerfile);
    connect(m_resetDockerignore, &QToolButton::clicked, m_session, &ProjectSession::resetDockerignore);

    retranslateUi();
}

QWidget *DetectionPage::editorTab(QPlainTextEdit *editor, QLabel *badge, QToolButton *reset)
{
    auto *tab = new QWidget(this);
    editor->setFont(monospace());
    editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    editor->setTabStopDistance(QFontMetricsF(editor->font()).horizontalAdvance(u' ') * 4);
    badge->setObjectName(u"editedBadge"_s);
    reset->setIcon(icons::icon(u"reset"_s));
    reset->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    reset->setAutoRaise(true);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 0);
    bar->addWidget(badge);
    bar->addStretch();
    bar->addWidget(reset);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(editor, 1);
    return tab;
}

QWidget *DetectionPage::buildContent()
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->setHandleWidth(12);

    // Left: summary + why.
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(8);
    m_summaryTitle = sectionTitle(left);
    auto *summaryCard = new QFrame(left);
    summaryCard->setObjectName(u"card"_s);
    m_summary = new QFormLayout(summaryCard);
    m_summary->setContentsMargins(14, 12, 14, 12);
    m_summary->setHorizontalSpacing(14);
    m_summary->setVerticalSpacing(6);
    m_summary->setLabelAlignment(Qt::AlignLeft);
    m_whyTitle = sectionTitle(left);
    m_reasons = new QTableView(left);
    m_reasons->setObjectName(u"reasonsView"_s);
    m_reasons->setModel(m_session->reasons());
    m_reasons->verticalHeader()->hide();
    m_reasons->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_reasons->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reasons->setWordWrap(true);
    m_reasons->setAlternatingRowColors(true);
    m_reasons->setShowGrid(false);
    m_reasons->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_reasons->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_reasons->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Interactive);
    m_reasons->horizontalHeader()->setDefaultSectionSize(130);
    m_reasons->horizontalHeader()->setMinimumSectionSize(60);
    m_reasons->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    leftLayout->addWidget(m_summaryTitle);
    leftLayout->addWidget(summaryCard);
    leftLayout->addSpacing(6);
    leftLayout->addWidget(m_whyTitle);
    leftLayout->addWidget(m_reasons, 1);

    // Right: files, env, resources.
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(u"detailTabs"_s);
    m_tabs->setDocumentMode(true);
    m_dockerfile = new QPlainTextEdit(this);
    m_dockerfile->setObjectName(u"dockerfileEditor"_s);
    m_highlighter = new DockerfileHighlighter(m_dockerfile->document());
    m_dockerfileBadge = new QLabel(this);
    m_resetDockerfile = new QToolButton(this);
    m_resetDockerfile->setObjectName(u"resetDockerfileButton"_s);
    m_dockerignore = new QPlainTextEdit(this);
    m_dockerignore->setObjectName(u"dockerignoreEditor"_s);
    m_dockerignoreBadge = new QLabel(this);
    m_resetDockerignore = new QToolButton(this);
    m_resetDockerignore->setObjectName(u"resetDockerignoreButton"_s);
    m_env = new EnvVarsEditor(m_session->environment(), this);
    m_resources = new ResourcesEditor(m_session, this);
    m_tabs->addTab(editorTab(m_dockerfile, m_dockerfileBadge, m_resetDockerfile), QString());
    m_tabs->addTab(editorTab(m_dockerignore, m_dockerignoreBadge, m_resetDockerignore), QString());
    m_tabs->addTab(m_env, QString());
    m_tabs->addTab(m_resources, QString());

    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 6);
    splitter->setSizes({ 500, 600 });
    return splitter;
}

// A panel holding one card: an icon on the left, `content` beside it, pinned to the top.
QWidget *DetectionPage::iconCardPanel(const QString &cardName, const QString &iconName, QLayout *content)
{
    auto *panel = new QWidget(this);
    auto *card = new QFrame(panel);
    card->setObjectName(cardName);
    auto *icon = new QLabel(card);
    icon->setPixmap(icons::icon(iconName).pixmap(32, 32));
    icon->setFixedSize(32, 32);
    auto *row = new QHBoxLayout(card);
    row->setContentsMargins(20, 18, 20, 18);
    row->setSpacing(14);
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addLayout(content, 1);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(card);
    layout->addStretch();
    return panel;
}

QWidget *DetectionPage::buildErrorPanel()
{
    m_errorTitle = new QLabel(this);
    m_errorTitle->setObjectName(u"sectionTitle"_s);
    m_errorText = new QLabel(this);
    m_errorText->setObjectName(u"detectionError"_s);
    m_errorText->setFont(monospace());
    m_errorText->setWordWrap(true);
    m_errorText->setTextFormat(Qt::PlainText);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_candidatesTitle = new QLabel(this);
    m_candidatesTitle->setWordWrap(true);
    m_candidateButtons = new QVBoxLayout;
    m_candidateButtons->setSpacing(6);

    auto *text = new QVBoxLayout;
    text->setSpacing(8);
    text->addWidget(m_errorTitle);
    text->addWidget(m_errorText);
    text->addSpacing(6);
    text->addWidget(m_candidatesTitle);
    text->addLayout(m_candidateButtons);
    return iconCardPanel(u"errorCard"_s, u"error"_s, text);
}

QWidget *DetectionPage::buildBusyPanel()
{
    auto *panel = new QWidget(this);
    m_busyText = new QLabel(panel);
    m_busyText->setAlignment(Qt::AlignCenter);
    auto *bar = new QProgressBar(panel);
    bar->setRange(0, 0);
    bar->setMaximumWidth(280);
    bar->setTextVisible(false);
    auto *layout = new QVBoxLayout(panel);
    layout->addStretch();
    layout->addWidget(m_busyText);
    layout->addWidget(bar, 0, Qt::AlignHCenter);
    layout->addStretch();
    return panel;
}

QWidget *DetectionPage::buildRemotePanel()
{
    m_remoteTitle = new QLabel(this);
    m_remoteTitle->setObjectName(u"sectionTitle"_s);
    m_remoteText = new QLabel(this);
    m_remoteText->setWordWrap(true);
    auto *text = new QVBoxLayout;
    text->addWidget(m_remoteTitle);
    text->addWidget(m_remoteText);
    return iconCardPanel(u"card"_s, u"git-branch"_s, text);
}

void DetectionPage::refresh()
{
    const ProjectSource &src = m_session->source();
    m_projectName->setText(src.isValid() ? src.displayName() : tr("No project"));
    m_projectPath->setText(src.kind() == ProjectSource::Kind::GitHub
            ? src.repositoryUrl().toString() + (src.ref().isEmpty() ? QString() : u" @ "_s + src.ref())
            : QDir::toNativeSeparators(src.localPath()));

    switch (m_session->state()) {
    case ProjectSession::State::Empty:
        m_status->setText({});
        m_status->setProperty("kind", u"neutral"_s);
        break;
    case ProjectSession::State::Detecting:
        m_status->setText(tr("Detecting…"));
        m_status->setProperty("kind", u"neutral"_s);
        // Keep the previous result on screen while re-detecting (no flicker);
        // show the busy panel only when there is nothing to show yet.
        if (m_stack->currentWidget() != m_content || !m_session->plan())
            m_stack->setCurrentWidget(m_busyPanel);
        break;
    case ProjectSession::State::Ready:
        m_status->setText(
            tr("%1 · detected in %2 ms").arg(m_session->plan()->framework).arg(m_session->lastDetectionMs()));
        m_status->setProperty("kind", u"ok"_s);
        m_stack->setCurrentWidget(m_content);
        break;
    case ProjectSession::State::Failed:
        m_status->setText(tr("Detection failed"));
        m_status->setProperty("kind", u"error"_s);
        m_stack->setCurrentWidget(m_errorPanel);
        break;
    case ProjectSession::State::Remote:
        m_status->setText(tr("GitHub"));
        m_status->setProperty("kind", u"neutral"_s);
        m_stack->setCurrentWidget(m_remotePanel);
        break;
    }
    m_status->setVisible(!m_status->text().isEmpty());
    // Re-polish so the stylesheet's [kind="…"] selector picks up the property.
    m_status->style()->unpolish(m_status);
    m_status->style()->polish(m_status);

    m_redetect->setEnabled(src.kind() == ProjectSource::Kind::LocalFolder);
    refreshSummary();
    refreshAppPicker();
    refreshErrorPanel();
    refreshDeploy();
    syncDockerfile();
    syncDockerignore();
}

void DetectionPage::refreshSummary()
{
    while (m_summary->rowCount() > 0)
        m_summary->removeRow(0);
    const auto &plan = m_session->plan();
    if (!plan)
        return;
    auto add = [this](const QString &label, const QString &value, bool mono = false) {
        if (value.trimmed().isEmpty())
            return;
        auto *l = new QLabel(label);
        l->setObjectName(u"formLabel"_s);
        m_summary->addRow(l, valueLabel(value, mono, nullptr));
    };
    add(tr("Framework"), plan->framework);
    add(tr("App folder"), plan->appDir.isEmpty() ? tr("repository root") : plan->appDir, true);
    if (!plan->contextDir.isEmpty() && plan->contextDir != plan->appDir)
        add(tr("Build context"), plan->contextDir, true);
    if (!plan->runtime.isEmpty())
        add(tr("Runtime"), QString(plan->runtime + u' ' + plan->runtimeVersion).trimmed());
    if (!plan->packageManager.isEmpty())
        add(tr("Package manager"), QString(plan->packageManager + u' ' + plan->packageManagerVersion).trimmed());
    add(tr("Install"), plan->installCommand, true);
    add(tr("Build"), plan->buildCommand, true);
    add(tr("Start"), plan->staticSite ? tr("served by nginx (static site)") : plan->startCommand, !plan->staticSite);
    add(tr("Output"), plan->outputDir, true);
    if (plan->port > 0)
        add(tr("Port"), QString::number(plan->port), true);
    add(tr("Health check"), plan->healthPath, true);
}

void DetectionPage::refreshAppPicker()
{
    const QStringList candidates = m_session->appCandidates();
    const bool show = !candidates.isEmpty();
    m_appPicker->setVisible(show);
    m_appPickerLabel->setVisible(show);
    if (!show)
        return;
    const QSignalBlocker blocker(m_appPicker);
    m_appPicker->clear();
    m_appPicker->addItem(icons::icon(u"folder-open"_s), tr("(repository root)"), QString());
    for (const QString &c : candidates)
        m_appPicker->addItem(icons::icon(u"folder-open"_s), c, c);
    const int current = m_appPicker->findData(m_session->appDir());
    m_appPicker->setCurrentIndex(current >= 0 ? current : 0);
}

void DetectionPage::refreshErrorPanel()
{
    const auto &error = m_session->error();
    m_errorText->setText(error ? error->toString() : QString());

    while (QLayoutItem *item = m_candidateButtons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QStringList candidates = m_session->appCandidates();
    m_candidatesTitle->setVisible(error && !candidates.isEmpty());
    if (!error)
        return;
    for (const QString &c : candidates) {
        if (c == m_session->appDir())
            continue;
        auto *b = new QPushButton(icons::icon(u"folder-open"_s), tr("Deploy %1").arg(c));
        b->setObjectName(u"candidateButton"_s);
        b->setProperty("appDir", c);
        b->setCursor(Qt::PointingHandCursor);
        b->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        connect(b, &QPushButton::clicked, this, [this, c] { m_session->setAppDir(c); });
        m_candidateButtons->addWidget(b, 0, Qt::AlignLeft);
    }
}

void DetectionPage::refreshDeploy()
{
    const QStringList blockers = m_session->deployBlockers();
    m_deploy->setEnabled(blockers.isEmpty());
    m_deploy->setToolTip(
        blockers.isEmpty() ? tr("Send this project to the relay and deploy it") : blockers.join(u'\n'));
    m_blockers->setText(blockers.isEmpty() ? QString() : blockers.constFirst());
}

void DetectionPage::syncDockerfile()
{
    // Only replace the text when it differs, so typing keeps its cursor and undo history.
    if (m_dockerfile->toPlainText() != m_session->dockerfile())
        m_dockerfile->setPlainText(m_session->dockerfile());
    const bool modified = m_session->isDockerfileModified();
    m_dockerfileBadge->setText(
        modified ? tr("Edited — your version will be used") : tr("Generated from the detected plan"));
    m_dockerfileBadge->setProperty("edited", modified);
    m_dockerfileBadge->style()->unpolish(m_dockerfileBadge);
    m_dockerfileBadge->style()->polish(m_dockerfileBadge);
    m_resetDockerfile->setEnabled(modified);
}

void DetectionPage::syncDockerignore()
{
    if (m_dockerignore->toPlainText() != m_session->dockerignore())
        m_dockerignore->setPlainText(m_session->dockerignore());
    const bool modified = m_session->isDockerignoreModified();
    m_dockerignoreBadge->setText(
        modified ? tr("Edited — your version will be used") : tr("Generated from the detected plan"));
    m_dockerignoreBadge->setProperty("edited", modified);
    m_dockerignoreBadge->style()->unpolish(m_dockerignoreBadge);
    m_dockerignoreBadge->style()->polish(m_dockerignoreBadge);
    m_resetDockerignore->setEnabled(modified);
}

void DetectionPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DetectionPage::retranslateUi()
{
    m_appPickerLabel->setText(tr("App folder:"));
    m_redetect->setToolTip(tr("Detect again"));
    m_newProject->setText(tr("Open another project…"));
    m_summaryTitle->setText(tr("What Ttalkak found"));
    m_whyTitle->setText(tr("Why"));
    m_tabs->setTabText(0, tr("Dockerfile"));
    m_tabs->setTabText(1, tr(".dockerignore"));
    m_tabs->setTabText(2, tr("Environment"));
    m_tabs->setTabText(3, tr("Resources"));
    m_resetDockerfile->setText(tr("Reset"));
    m_resetDockerfile->setToolTip(tr("Discard your edits and use the generated Dockerfile"));
    m_resetDockerignore->setText(tr("Reset"));
    m_resetDockerignore->setToolTip(tr("Discard your edits and use the generated .dockerignore"));
    m_errorTitle->setText(tr("Ttalkak could not work out how to build this project"));
    m_candidatesTitle->setText(tr("This repository contains several apps. Choose the one to deploy:"));
    m_busyText->setText(tr("Looking at your project…"));
    m_remoteTitle->setText(tr("Repository saved"));
    m_remoteText->setText(tr("The provider clones this repository when you deploy, and detection runs there. "
                             "Connect to a relay to continue, or drop a local copy of the repository to see "
                             "its Dockerfile now."));
    m_deploy->setText(tr("Deploy"));
    refresh();
}

} // namespace ttalkak::deployer
