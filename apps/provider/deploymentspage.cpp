#include "deploymentspage.h"
#include "usagechart.h"

#include <engine/deploymentmodel.h>
#include <engine/providerengine.h>

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ttalkak::provider::ui {

namespace {
// Colours the State column from StateRole; the model stays free of GUI types.
class StateDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != DeploymentModel::State)
            return;
        switch (Deployment::State(index.data(DeploymentModel::StateRole).toInt())) {
        case Deployment::State::Running:
            option->palette.setColor(QPalette::Text, QColor(0x15, 0x80, 0x3d));
            break;
        case Deployment::State::Exited:
        case Deployment::State::Failed:
            option->palette.setColor(QPalette::Text, QColor(0xb9, 0x1c, 0x1c));
            break;
        default:
            option->palette.setColor(QPalette::Text, QColor(0x6b, 0x72, 0x80));
            break;
        }
        option->palette.setColor(QPalette::HighlightedText, option->palette.color(QPalette::Text));
        option->font.setBold(true);
    }
};
} // namespace

DeploymentsPage::DeploymentsPage(ProviderEngine &engine, DeploymentModel &model, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_stack(new QStackedWidget(this))
    , m_detailTitle(new QLabel(this))
    , m_cpu(new UsageChart(tr("CPU"), tr("%"), QColor(0x25, 0x63, 0xeb)))
    , m_memory(new UsageChart(tr("Memory"), tr("MB"), QColor(0x7c, 0x3a, 0xed)))
    , m_network(new UsageChart(tr("Network"), tr("KB/s"), QColor(0x05, 0x96, 0x69), tr("sent")))
    , m_logs(new QPlainTextEdit(this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_restart(new QPushButton(tr("Restart"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    m_view->setModel(&m_model);
    m_view->setItemDelegate(new StateDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(DeploymentModel::Name, QHeaderView::Stretch);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->setMinimumHeight(120);

    auto *buttons = new QHBoxLayout;
    auto *heading = new QLabel(tr("Deployments running on this machine"), this);
    heading->setObjectName(u"sectionTitle"_s);
    buttons->addWidget(heading, 1);
    for (QPushButton *b : { m_start, m_stop, m_restart, m_remove })
        buttons->addWidget(b);

    // Detail: charts on top, logs below; an empty state until something is selected.
    m_detailTitle->setObjectName(u"sectionTitle"_s);
    auto *charts = new QHBoxLayout;
    charts->setSpacing(8);
    charts->addWidget(m_cpu);
    charts->addWidget(m_memory);
    charts->addWidget(m_network);
    m_logs->setReadOnly(true);
    m_logs->setMaximumBlockCount(2000);
    m_logs->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logs->setObjectName(u"logView"_s);
    m_logs->setPlaceholderText(tr("No output yet."));
    auto *logsTitle = new QLabel(tr("Container logs"), this);
    logsTitle->setObjectName(u"subTitle"_s);

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addLayout(charts, 3);
    detailLayout->addWidget(logsTitle);
    detailLayout->addWidget(m_logs, 2);

    auto *empty = new QLabel(tr("Select a deployment to see its CPU, memory and network use and its logs.\n"
                                "Deployments arrive from the relay once this machine is connected."),
        this);
    empty->setAlignment(Qt::AlignCenter);
    empty->setObjectName(u"emptyState"_s);
    m_stack->addWidget(empty);
    m_stack->addWidget(detail);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_view);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_stack);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(split);

    connect(
        m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DeploymentsPage::onSelectionChanged);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &DeploymentsPage::onSelectionChanged);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &DeploymentsPage::refreshButtons);
    connect(&engine, &ProviderEngine::usageSampled, this, [this](const QString &id) {
        if (id == m_selected)
            refreshCharts();
    });
    connect(&engine, &ProviderEngine::logsAppended, this, &DeploymentsPage::appendLogs);
    connect(m_start, &QPushButton::clicked, this, [this] { m_engine.startDeployment(m_selected); });
    connect(m_stop, &QPushButton::clicked, this, [this] { m_engine.stopDeployment(m_selected); });
    connect(m_restart, &QPushButton::clicked, this, [this] { m_engine.restartDeployment(m_selected); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const Deployment *d = m_engine.deployment(m_selected);
        if (!d)
            return;
        const auto answer = QMessageBox::question(this, tr("Remove deployment?"),
            tr("Remove %1? Its container, network and data volume are deleted from this machine.").arg(d->name));
        if (answer == QMessageBox::Yes)
            m_engine.removeDeployment(m_selected);
    });
    connect(&engine, &ProviderEngine::commandFailed, this,
        [this](const QString &, const QString &message) { QMessageBox::warning(this, tr("Command failed"), message); });
    onSelectionChanged();
}

void DeploymentsPage::select(int row)
{
    m_view->selectRow(row);
}

void DeploymentsPage::onSelectionChanged()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const QString id = rows.isEmpty() ? QString() : m_model.idAt(rows.first().row());
    if (id != m_selected) {
        m_selected = id;
        reloadLogs();
    }
    m_stack->setCurrentIndex(m_selected.isEmpty() ? 0 : 1);
    refreshCharts();
    refreshButtons();
}

void DeploymentsPage::refreshButtons()
{
    const Deployment *d = m_engine.deployment(m_selected);
    const bool running = d && d->state == Deployment::State::Running;
    const bool stopped = d && (d->state == Deployment::State::Stopped || d->state == Deployment::State::Exited);
    m_start->setEnabled(stopped);
    m_stop->setEnabled(running);
    m_restart->setEnabled(running || stopped);
    m_remove->setEnabled(d && d->state != Deployment::State::Removing);
    if (d) {
        QString where = d->hostPort ? tr("127.0.0.1:%1 → container port %2").arg(d->hostPort).arg(d->containerPort)
                                    : tr("no published port");
        m_detailTitle->setText(
            tr("%1 — %2 · %3 CPU · %4 MB · %5").arg(d->name, d->image).arg(d->cpuCores).arg(d->memoryMb).arg(where));
    }
}

void DeploymentsPage::refreshCharts()
{
    const QList<UsagePoint> points = m_engine.usage(m_selected);
    const Deployment *d = m_engine.deployment(m_selected);
    const QDateTime now = points.isEmpty() ? QDateTime::currentDateTimeUtc() : points.constLast().time;
    QList<QPointF> cpu, mem, rx, tx;
    for (const UsagePoint &p : points) {
        const double x = now.msecsTo(p.time) / 1000.0;
        if (x < -120)
            continue;
        cpu.append({ x, p.cpuPercent });
        mem.append({ x, p.memoryMb });
        rx.append({ x, p.rxBytesPerSecond / 1024.0 });
        tx.append({ x, p.txBytesPerSecond / 1024.0 });
    }
    // The CPU axis shows the deployment's share: 100 % is one core.
    m_cpu->setPoints(cpu, {}, d ? d->cpuCores * 100 : 100);
    m_memory->setPoints(mem, {}, d ? double(d->memoryMb) : 0);
    m_network->setPoints(rx, tx, 1);
}

void DeploymentsPage::appendLogs(const QString &id, const QList<LogEntry> &entries)
{
    if (id != m_selected)
        return;
    QScrollBar *bar = m_logs->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    for (const LogEntry &e : entries)
        m_logs->appendPlainText(e.stderrStream ? u"! "_s + e.text : e.text);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void DeploymentsPage::reloadLogs()
{
    m_logs->clear();
    appendLogs(m_selected, m_engine.logs(m_selected));
}

} // namespace ttalkak::provider::ui
