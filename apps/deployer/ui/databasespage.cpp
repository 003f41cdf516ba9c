#include "databasespage.h"
#include "icons.h"

#include <model/databaseform.h>
#include <model/deploymentsservice.h>

#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

namespace {
QLineEdit *readOnly(QWidget *parent)
{
    auto *e = new QLineEdit(parent);
    e->setReadOnly(true);
    return e;
}
QWidget *row(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *w = new QWidget(parent);
    auto *l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    for (QWidget *x : widgets)
        l->addWidget(x, x == *widgets.begin() ? 1 : 0);
    return w;
}
} // namespace

DatabasesPage::DatabasesPage(DeploymentsService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(u"databasesPage"_s);
    m_title = new QLabel(this);
    m_title->setObjectName(u"pageTitle"_s);

    m_createBox = new QGroupBox(this);
    m_engine = new QComboBox(m_createBox);
    m_engine->setObjectName(u"engineBox"_s);
    for (const auto &e : DatabaseForm::engines())
        m_engine->addItem(e.label, e.id);
    m_engine->setCurrentIndex(m_engine->findData(u"postgres"_s));
    m_name = new QLineEdit(m_createBox);
    m_name->setObjectName(u"databaseName"_s);
    m_version = new QLineEdit(m_createBox);
    m_cpu = new QSpinBox(m_createBox);
    m_cpu->setRange(100, 8000);
    m_cpu->setSingleStep(250);
    m_cpu->setValue(500);
    m_cpu->setSuffix(u" m"_s);
    m_memory = new QSpinBox(m_createBox);
    m_memory->setRange(64, 16384);
    m_memory->setSingleStep(128);
    m_memory->setValue(512);
    m_memory->setSuffix(u" MB"_s);
    m_disk = new QSpinBox(m_createBox);
    m_disk->setRange(128, 102400);
    m_disk->setSingleStep(512);
    m_disk->setValue(2048);
    m_disk->setSuffix(u" MB"_s);
    m_formError = new QLabel(m_createBox);
    m_formError->setObjectName(u"errorText"_s);
    m_formError->setWordWrap(true);
    m_create = new QPushButton(icons::icon(u"add"_s), QString(), m_createBox);
    m_create->setObjectName(u"deployButton"_s);
    m_formLayout = new QFormLayout(m_createBox);
    m_formLayout->addRow(new QLabel(m_createBox), m_engine);
    m_formLayout->addRow(new QLabel(m_createBox), m_name);
    m_formLayout->addRow(new QLabel(m_createBox), m_version);
    m_formLayout->addRow(new QLabel(m_createBox), m_cpu);
    m_formLayout->addRow(new QLabel(m_createBox), m_memory);
    m_formLayout->addRow(new QLabel(m_createBox), m_disk);
    m_formLayout->addRow(m_formError);
    m_formLayout->addRow(m_create);
    m_createBox->setFixedWidth(300);

    m_table = new QTableView(this);
    m_table->setObjectName(u"databasesTable"_s);
    m_table->setModel(service->databases());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 180);
    m_table->setColumnWidth(1, 140);

    m_detailsBox = new QGroupBox(this);
    m_host = readOnly(m_detailsBox);
    m_port = readOnly(m_detailsBox);
    m_user = readOnly(m_detailsBox);
    m_password = readOnly(m_detailsBox);
    m_password->setObjectName(u"databasePassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_show = new QToolButton(m_detailsBox);
    m_show->setIcon(icons::icon(u"eye"_s));
    m_show->setCheckable(true);
    m_copyPassword = new QToolButton(m_detailsBox);
    m_url = readOnly(m_detailsBox);
    m_url->setObjectName(u"connectionString"_s);
    m_copyUrl = new QToolButton(m_detailsBox);
    m_pending = new QLabel(m_detailsBox);
    m_pending->setObjectName(u"muted"_s);
    m_pending->setWordWrap(true);
    m_delete = new QPushButton(icons::icon(u"remove"_s), QString(), m_detailsBox);
    m_detailsLayout = new QFormLayout(m_detailsBox);
    m_detailsLayout->addRow(new QLabel(m_detailsBox), m_host);
    m_detailsLayout->addRow(new QLabel(m_detailsBox), m_port);
    m_detailsLayout->addRow(new QLabel(m_detailsBox), m_user);
    m_detailsLayout->addRow(new QLabel(m_detailsBox), row(m_detailsBox, { m_password, m_show, m_copyPassword }));
    m_detailsLayout->addRow(new QLabel(m_detailsBox), row(m_detailsBox, { m_url, m_copyUrl }));
    m_detailsLayout->addRow(m_pending);
    m_detailsLayout->addRow(m_delete);

    auto *right = new QVBoxLayout;
    right->addWidget(m_table, 1);
    right->addWidget(m_detailsBox);
    auto *body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(m_createBox, 0, Qt::AlignTop);
    body->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(14);
    layout->addWidget(m_title);
    layout->addLayout(body, 1);

    connect(m_engine, &QComboBox::currentIndexChanged, this, &DatabasesPage::validate);
    connect(m_name, &QLineEdit::textChanged, this, &DatabasesPage::validate);
    connect(m_version, &QLineEdit::textChanged, this, &DatabasesPage::validate);
    for (QSpinBox *s : { m_cpu, m_memory, m_disk })
        connect(s, &QSpinBox::valueChanged, this, &DatabasesPage::validate);
    connect(m_create, &QPushButton::clicked, this, [this] { m_service->createDatabase(form()); });
    connect(m_service, &DeploymentsService::databaseCreated, m_name, &QLineEdit::clear);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetails();
        if (const QString id = m_table->currentIndex().data(DatabasesModel::IdRole).toString(); !id.isEmpty())
            m_service->loadDatabaseDetails(id);
    });
    connect(m_service, &DeploymentsService::databaseDetailsLoaded, this, &DatabasesPage::showDetails);
    connect(m_show, &QToolButton::toggled, this, &DatabasesPage::showDetails);
    connect(m_copyPassword, &QToolButton::clicked, this, [this] {
        const QJsonObject c = m_table->currentIndex().data(DatabasesModel::JsonRole).toJsonObject()[u"connection"_s].toObject();
        QGuiApplication::clipboard()->setText(c.value(u"password"_s).toString());
    });
    connect(m_copyUrl, &QToolButton::clicked, this, [this] {
        const QJsonObject c = m_table->currentIndex().data(DatabasesModel::JsonRole).toJsonObject()[u"connection"_s].toObject();
        QGuiApplication::clipboard()->setText(DatabasesModel::connectionString(c, true));
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_table->currentIndex();
        if (!i.isValid())
            return;
        const QString name = i.siblingAtColumn(0).data().toString();
        if (QMessageBox::question(this, tr("Delete database"), tr("Delete %1 and all its data?").arg(name))
            == QMessageBox::Yes)
            m_service->removeDatabase(i.data(DatabasesModel::IdRole).toString());
    });
    retranslateUi();
}

DatabaseForm DatabasesPage::form() const
{
    DatabaseForm f;
    f.engine = m_engine->currentData().toString();
    f.name = m_name->text();
    f.version = m_version->text();
    f.cpuMillis = m_cpu->value();
    f.memoryMb = m_memory->value();
    f.diskMb = m_disk->value();
    return f;
}

void DatabasesPage::validate()
{
    const QStringList errors = form().errors();
    m_create->setEnabled(errors.isEmpty());
    // Say nothing about an untouched empty name; complain about everything else.
    m_formError->setText(m_name->text().isEmpty() && errors.size() == 1 ? QString() : errors.value(0));
}

void DatabasesPage::showDetails()
{
    const QModelIndex i = m_table->currentIndex();
    const QJsonObject c = i.data(DatabasesModel::JsonRole).toJsonObject().value(u"connection"_s).toObject();
    m_detailsBox->setEnabled(i.isValid());
    m_host->setText(c.value(u"host"_s).toString());
    m_port->setText(c.isEmpty() ? QString() : QString::number(c.value(u"port"_s).toInt()));
    m_user->setText(c.value(u"user"_s).toString());
    m_password->setText(c.value(u"password"_s).toString());
    m_password->setEchoMode(m_show->isChecked() ? QLineEdit::Normal : QLineEdit::Password);
    m_url->setText(DatabasesModel::connectionString(c, m_show->isChecked()));
    m_pending->setVisible(i.isValid() && c.isEmpty());
}

void DatabasesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DatabasesPage::retranslateUi()
{
    m_title->setText(tr("Databases"));
    m_createBox->setTitle(tr("New database"));
    const QStringList formLabels { tr("Engine"), tr("Name"), tr("Version"), tr("CPU"), tr("Memory"), tr("Disk") };
    for (int r = 0; r < formLabels.size(); ++r) {
        if (auto *l = qobject_cast<QLabel *>(m_formLayout->itemAt(r, QFormLayout::LabelRole)->widget()))
            l->setText(formLabels.at(r));
    }
    m_name->setPlaceholderText(tr("e.g. shop-db"));
    m_version->setPlaceholderText(tr("default"));
    m_create->setText(tr("Create database"));
    m_detailsBox->setTitle(tr("Connection"));
    const QStringList detailLabels { tr("Host"), tr("Port"), tr("User"), tr("Password"), tr("Connection string") };
    for (int r = 0; r < detailLabels.size(); ++r) {
        if (auto *l = qobject_cast<QLabel *>(m_detailsLayout->itemAt(r, QFormLayout::LabelRole)->widget()))
            l->setText(detailLabels.at(r));
    }
    m_show->setToolTip(tr("Show the password"));
    m_copyPassword->setText(tr("Copy"));
    m_copyUrl->setText(tr("Copy"));
    m_pending->setText(tr("The address appears once the relay has given the database a port."));
    m_delete->setText(tr("Delete"));
    m_service->databases()->retranslate();
    validate();
    showDetails();
}

} // namespace ttalkak::deployer
