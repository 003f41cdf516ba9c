#include "envvarseditor.h"
#include "icons.h"

#include <model/envvarsmodel.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

namespace {
// Edits a secret value in a password field unless secrets are revealed, so a
// shoulder-surfer sees dots while it is typed, too.
class ValueDelegate : public QStyledItemDelegate
{
public:
    ValueDelegate(EnvVarsModel *model, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_model(model)
    {
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            const bool secret
                = index.siblingAtColumn(EnvVarsModel::SecretColumn).data(Qt::CheckStateRole).toInt() == Qt::Checked;
            if (secret && !m_model->revealSecrets())
                line->setEchoMode(QLineEdit::Password);
        }
        return editor;
    }

private:
    EnvVarsModel *m_model;
};
} // namespace

EnvVarsEditor::EnvVarsEditor(EnvVarsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_hint(new QLabel(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_reveal(new QToolButton(this))
    , m_view(new QTableView(this))
    , m_errors(new QLabel(this))
{
    m_hint->setObjectName(u"muted"_s);
    m_hint->setWordWrap(true);
    for (QToolButton *b : { m_add, m_remove, m_reveal })
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add->setObjectName(u"addEnvButton"_s);
    m_add->setIcon(icons::icon(u"add"_s));
    m_remove->setObjectName(u"removeEnvButton"_s);
    m_remove->setIcon(icons::icon(u"remove"_s));
    m_reveal->setObjectName(u"revealSecretsButton"_s);
    m_reveal->setIcon(icons::icon(u"eye"_s));
    m_reveal->setCheckable(true);

    m_view->setObjectName(u"envView"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(EnvVarsModel::ValueColumn, new ValueDelegate(m_model, m_view));
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_view->horizontalHeader()->setSectionResizeMode(EnvVarsModel::NameColumn, QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(EnvVarsModel::ValueColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(EnvVarsModel::SecretColumn, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(EnvVarsModel::NameColumn, 200);
    m_view->setAlternatingRowColors(true);

    m_errors->setObjectName(u"errorText"_s);
    m_errors->setWordWrap(true);
    m_errors->setTextFormat(Qt::PlainText);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(4);
    bar->addWidget(m_add);
    bar->addWidget(m_remove);
    bar->addStretch();
    bar->addWidget(m_reveal);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(m_hint);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_errors);

    connect(m_add, &QToolButton::clicked, this, &EnvVarsEditor::addRow);
    connect(m_remove, &QToolButton::clicked, this, &EnvVarsEditor::removeSelected);
    connect(m_reveal, &QToolButton::toggled, m_model, &EnvVarsModel::setRevealSecrets);
    connect(m_model, &EnvVarsModel::validityChanged, this, &EnvVarsEditor::updateErrors);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EnvVarsEditor::updateErrors);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] { m_remove->setEnabled(m_view->selectionModel()->hasSelection()); });
    m_remove->setEnabled(false);
    retranslateUi();
    updateErrors();
}

void EnvVarsEditor::addRow()
{
    const int row = m_model->addVariable();
    const QModelIndex name = m_model->index(row, EnvVarsModel::NameColumn);
    m_view->setCurrentIndex(name);
    m_view->edit(name);
}

void EnvVarsEditor::removeSelected()
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &i : selected)
        rows.append(i.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int r : rows)
        m_model->removeRows(r, 1);
}

void EnvVarsEditor::updateErrors()
{
    const QStringList errors = m_model->errors();
    m_errors->setText(errors.join(u'\n'));
    m_errors->setVisible(!errors.isEmpty());
}

void EnvVarsEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateErrors();
    }
    QWidget::changeEvent(event);
}

void EnvVarsEditor::retranslateUi()
{
    m_hint->setText(tr("Variables are passed to the container at run time. Mark passwords and tokens as secret: "
                       "they are masked here and never written into the Dockerfile."));
    m_add->setText(tr("Add"));
    m_remove->setText(tr("Remove"));
    m_reveal->setText(tr("Show secret values"));
}

} // namespace ttalkak::deployer
