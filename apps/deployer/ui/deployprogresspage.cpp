#include "deployprogresspage.h"
#include "icons.h"

#include <model/deployservice.h>

#include <QClipboard>
#include <QDesktopServices>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

namespace {
// Draws each step with a mark for its state (✓ done, ● active, ✕ failed, ○ pending).
class StepDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto state = index.data(DeployProgress::StepStateRole).value<DeployProgress::StepState>();
        QString mark = u"○"_s;
        QColor color(0x8a94a3);
        switch (state) {
        case DeployProgress::StepState::Done:
            mark = u"✓"_s;
            color = QColor(0x2b8a3e);
            break;
        case DeployProgress::StepState::Active:
            mark = u"●"_s;
            color = QColor(0x3b5bdb);
            option->font.setBold(true);
            break;
        case DeployProgress::StepState::Failed:
            mark = u"✕"_s;
            color = QColor(0xc92a2a);
            option->font.setBold(true);
            break;
        case DeployProgress::StepState::Pending:
            break;
        }
        option->text = mark + u"  "_s + option->text;
        option->palette.setColor(QPalette::Text, color);
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(0, 14);
    }
};

QFont monospace()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setStyleHint(QFont::Monospace);
    return f;
}
} // namespace

DeployProgressPage::DeployProgressPage(DeployService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(u"deployProgressPage"_s);
    DeployProgress *progress = service->progress();

    m_title = new QLabel(this);
    m_title->setObjectName(u"pageTitle"_s);
    m_state = new QLabel(this);
    m_state->setObjectName(u"statusChip"_s);
    m_back = new QPushButton(icons::icon(u"projects"_s), QString(), this);
    m_list = new QPushButton(icons::icon(u"deployments"_s), QString(), this);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_state, 0, Qt::AlignVCenter);
    header->addStretch();
    header->addWidget(m_list);
    header->addWidget(m_back);

    m_steps = new QListView(this);
    m_steps->setObjectName(u"deploySteps"_s);
    m_steps->setModel(progress);
    m_steps->setItemDelegate(new StepDelegate(m_steps));
    m_steps->setFixedWidth(260);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);

    m_logTitle = new QLabel(this);
    m_logTitle->setObjectName(u"sectionTitle"_s);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(u"buildLog"_s);
    m_log->setReadOnly(true);
    m_log->setFont(monospace());
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setMaximumBlockCount(DeployProgress::MaxLogLines);

    // Success: the public URL.
    m_success = new QFrame(this);
    m_success->setObjectName(u"card"_s);
    m_successText = new QLabel(m_success);
    m_successText->setObjectName(u"sectionTitle"_s);
    m_url = new QLabel(m_success);
    m_url->setObjectName(u"publicUrl"_s);
    m_url->setTextFormat(Qt::RichText);
    m_url->setOpenExternalLinks(true);
    m_url->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_copy = new QPushButton(m_success);
    m_copy->setObjectName(u"copyUrlButton"_s);
    m_open = new QPushButton(m_success);
    auto *sl = new QHBoxLayout(m_success);
    sl->addWidget(m_successText);
    sl->addWidget(m_url, 1);
    sl->addWidget(m_copy);
    sl->addWidget(m_open);

    // Failure: which step, why, the last lines, Retry.
    m_failure = new QFrame(this);
    m_failure->setObjectName(u"errorCard"_s);
    m_failureTitle = new QLabel(m_failure);
    m_failureTitle->setObjectName(u"detectionError"_s);
    m_failureText = new QLabel(m_failure);
    m_failureText->setWordWrap(true);
    m_failureText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tail = new QPlainTextEdit(m_failure);
    m_tail->setReadOnly(true);
    m_tail->setFont(monospace());
    m_tail->setMaximumHeight(140);
    m_retry = new QPushButton(icons::icon(u"refresh"_s), QString(), m_failure);
    m_retry->setObjectName(u"deployButton"_s);
    auto *fl = new QVBoxLayout(m_failure);
    auto *ft = new QHBoxLayout;
    ft->addWidget(m_failureTitle, 1);
    ft->addWidget(m_retry);
    fl->addLayout(ft);
    fl->addWidget(m_failureText);
    fl->addWidget(m_tail);

    auto *right = new QVBoxLayout;
    right->addWidget(m_logTitle);
    right->addWidget(m_log, 1);
    auto *body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(m_steps);
    body->addLayout(right, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(14);
    layout->addLayout(header);
    layout->addWidget(m_success);
    layout->addWidget(m_failure);
    layout->addLayout(body, 1);

    connect(progress, &DeployProgress::changed, this, &DeployProgressPage::refresh);
    connect(progress, &DeployProgress::logLineAppended, this, &DeployProgressPage::appendLine);
    connect(progress, &DeployProgress::logCleared, m_log, &QPlainTextEdit::clear);
    connect(m_retry, &QPushButton::clicked, m_service, &DeployService::retry);
    connect(m_back, &QPushButton::clicked, this, &DeployProgressPage::backRequested);
    connect(m_list, &QPushButton::clicked, this, &DeployProgressPage::showDeploymentsRequested);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_service->progress()->publicUrl().toString());
    });
    connect(m_open, &QPushButton::clicked, this,
        [this] { QDesktopServices::openUrl(m_service->progress()->publicUrl()); });
    retranslateUi();
}

void DeployProgressPage::appendLine(const QString &line)
{
    // Follow the end only while the user is there; scrolling up to read stops it.
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    m_log->appendPlainText(line);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void DeployProgressPage::refresh()
{
    const DeployProgress *p = m_service->progress();
    m_title->setText(tr("Deploying %1").arg(p->name()));
    const auto phase = p->phase();
    QString kind;
    switch (phase) {
    case DeployProgress::Phase::Idle:
    case DeployProgress::Phase::Preparing:
        m_state->setText(tr("Preparing"));
        break;
    case DeployProgress::Phase::InProgress:
        m_state->setText(tr("In progress"));
        break;
    case DeployProgress::Phase::Succeeded:
        m_state->setText(tr("Running"));
        kind = u"ok"_s;
        break;
    case DeployProgress::Phase::Failed:
        m_state->setText(tr("Failed"));
        kind = u"error"_s;
        break;
    }
    m_state->setProperty("kind", kind);
    m_state->style()->unpolish(m_state);
    m_state->style()->polish(m_state);

    const bool ok = phase == DeployProgress::Phase::Succeeded;
    m_success->setVisible(ok);
    const QString url = p->publicUrl().toString();
    m_url->setText(u"<a href=\"%1\">%1</a>"_s.arg(url.toHtmlEscaped()));
    m_copy->setEnabled(!url.isEmpty());

    const bool failed = phase == DeployProgress::Phase::Failed;
    m_failure->setVisible(failed);
    if (failed) {
        const QString step = p->data(p->index(p->currentStep()), Qt::DisplayRole).toString();
        m_failureTitle->setText(p->deploymentId().isEmpty() ? tr("The deployment could not start")
                                                            : tr("Failed at: %1").arg(step));
        m_failureText->setText(p->failure());
        const QStringList tail = p->logTail();
        m_tail->setPlainText(tail.join(u'\n'));
        m_tail->setVisible(!tail.isEmpty());
    }
}

void DeployProgressPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DeployProgressPage::retranslateUi()
{
    m_logTitle->setText(tr("Build log"));
    m_successText->setText(tr("Live at"));
    m_copy->setText(tr("Copy"));
    m_open->setText(tr("Open"));
    m_retry->setText(tr("Retry"));
    m_back->setText(tr("Back to project"));
    m_list->setText(tr("All deployments"));
    m_service->progress()->retranslate();
    refresh();
}

} // namespace ttalkak::deployer
