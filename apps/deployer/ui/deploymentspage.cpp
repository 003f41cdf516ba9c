#include "deploymentspage.h"
#include "icons.h"

#include <model/deploymentsservice.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

DeploymentsPage::DeploymentsPage(DeploymentsService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(u"deploymentsPage"_s);
    confirmDelete = [this](const QString &name) {
        return QMessageBox::question(this, tr("Delete deployment"),
                   tr("Delete %1? Its container, logs and public URL go away.").arg(name))
            == QMessageBox::Yes;
    };
    m_title = new QLabel(this);
    m_title->setObjectName(u"pageTitle"_s);
    m_hint = new QLabel(this);
    m_hint->setObjectName(u"muted"_s);
    m_refresh = new QPushButton(icons::icon(u"refresh"_s), QString(), this);

    m_table = new QTableView(this);
    m_table->setObjectName(u"deploymentsTable"_s);
    m_table->setModel(service->deployments());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(DeploymentsModel::UrlColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(DeploymentsModel::GenerationColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(DeploymentsModel::NameColumn, 200);
    m_table->setColumnWidth(DeploymentsModel::StatusColumn, 110);
    m_table->setColumnWidth(DeploymentsModel::ProviderColumn, 150);
    m_table->setColumnWidth(DeploymentsModel::UptimeColumn, 110);

    m_start = new QPushButton(this);
    m_stop = new QPushButton(this);
    m_restart = new QPushButton(this);
    m_redeploy = new QPushButton(icons::tinted(u"rocket"_s, QColor(0x5b6675)), QString(), this);
    m_redeploy->setObjectName(u"redeployButton"_s);
    m_delete = new QPushButton(icons::icon(u"remove"_s), QString(), this);
    m_monitor = new QPushButton(this);
    m_monitor->setObjectName(u"deployButton"_s);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_hint);
    header->addLayout(titles, 1);
    header->addWidget(m_refresh);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : { m_start, m_stop, m_restart, m_redeploy, m_delete })
        actions->addWidget(b);
    actions->addStretch();
    actions->addWidget(m_monitor);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(14);
    layout->addLayout(header);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);

    auto forward = [this](const QString &command) {
        return [this, command] {
            if (const QString id = selectedId(); !id.isEmpty())
                m_service->command(id, command);
        };
    };
    connect(m_start, &QPushButton::clicked, this, forward(u"start"_s));
    connect(m_stop, &QPushButton::clicked, this, forward(u"stop"_s));
    connect(m_restart, &QPushButton::clicked, this, forward(u"restart"_s));
    connect(m_redeploy, &QPushButton::clicked, this, forward(u"redeploy"_s));
    connect(m_refresh, &QPushButton::clicked, m_service, &DeploymentsService::refresh);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_table->currentIndex();
        if (!i.isValid())
            return;
        const QString name = i.siblingAtColumn(DeploymentsModel::NameColumn).data().toString();
        if (confirmDelete(name))
            m_service->remove(selectedId());
    });
    connect(m_monitor, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_table->currentIndex();
        if (i.isValid())
            Q_EMIT monitorRequested(selectedId(), i.siblingAtColumn(DeploymentsModel::NameColumn).data().toString());
    });
    connect(m_table, &QTableView::doubleClicked, m_monitor, &QPushButton::click);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DeploymentsPage::updateActions);
    connect(service->deployments(), &QAbstractItemModel::dataChanged, this, &DeploymentsPage::updateActions);
    connect(service->deployments(), &QAbstractItemModel::modelReset, this, &DeploymentsPage::updateActions);
    retranslateUi();
}

QString DeploymentsPage::selectedId() const
{
    return m_table->currentIndex().data(DeploymentsModel::IdRole).toString();
}

void DeploymentsPage::selectRow(int row)
{
    m_table->selectRow(row);
}

void DeploymentsPage::updateActions()
{
    const QString state = m_table->currentIndex().data(DeploymentsModel::StateRole).toString();
    const bool any = m_table->currentIndex().isValid() && state != u"deleting"_s && state != u"deleted"_s;
    m_start->setEnabled(any && (state == u"stopped"_s || state == u"failed"_s));
    m_stop->setEnabled(any && state != u"stopped"_s);
    m_restart->setEnabled(any && state == u"running"_s);
    m_redeploy->setEnabled(any);
    m_delete->setEnabled(any);
    m_monitor->setEnabled(m_table->currentIndex().isValid());
}

void DeploymentsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DeploymentsPage::retranslateUi()
{
    m_title->setText(tr("Deployments"));
    m_hint->setText(tr("Status updates live while the deployer is signed in."));
    m_refresh->setText(tr("Refresh"));
    m_start->setText(tr("Start"));
    m_stop->setText(tr("Stop"));
    m_restart->setText(tr("Restart"));
    m_redeploy->setText(tr("Redeploy"));
    m_delete->setText(tr("Delete"));
    m_monitor->setText(tr("Monitoring"));
    m_service->deployments()->retranslate();
    updateActions();
}

} // namespace ttalkak::deployer
