#include "envvarsmodel.h"

#include <strategies/dockerfiletext.h>

#include <QColor>
#include <QFont>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

EnvVarsModel::EnvVarsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString EnvVarsModel::maskedText()
{
    return QString(8, QChar(0x2022)); // ••••••••
}

int EnvVarsModel::addVariable(const EnvVar &var)
{
    const int row = int(m_vars.size());
    beginInsertRows({}, row, row);
    m_vars.append(var);
    endInsertRows();
    // A new row may duplicate another's name: refresh every row's error state.
    if (row > 0)
        rowsTouched(0, row - 1, { ErrorRole, Qt::ToolTipRole, Qt::ForegroundRole });
    Q_EMIT validityChanged();
    return row;
}

void EnvVarsModel::setVariables(const QList<EnvVar> &vars)
{
    beginResetModel();
    m_vars = vars;
    endResetModel();
    Q_EMIT validityChanged();
}

void EnvVarsModel::setRevealSecrets(bool reveal)
{
    if (m_reveal == reveal)
        return;
    m_reveal = reveal;
    if (!m_vars.isEmpty())
        Q_EMIT dataChanged(index(0, ValueColumn), index(rowCount() - 1, ValueColumn), { Qt::DisplayRole });
}

QString EnvVarsModel::rowError(int row) const
{
    if (row < 0 || row >= m_vars.size())
        return {};
    const EnvVar &v = m_vars.at(row);
    if (v.name.isEmpty())
        return tr("enter a name");
    if (auto r = strategies::validateEnvValue(v.name, v.value); !r)
        return r.error().message();
    for (int i = 0; i < m_vars.size(); ++i) {
        if (i != row && m_vars.at(i).name == v.name)
            return tr("%1 is defined more than once").arg(v.name);
    }
    return {};
}

bool EnvVarsModel::isValid() const
{
    for (int i = 0; i < m_vars.size(); ++i)
        if (!rowError(i).isEmpty())
            return false;
    return true;
}

QStringList EnvVarsModel::errors() const
{
    QStringList out;
    for (int i = 0; i < m_vars.size(); ++i) {
        const QString e = rowError(i);
        if (!e.isEmpty())
            out.append(m_vars.at(i).name.isEmpty() ? tr("row %1: %2").arg(i + 1).arg(e)
                                                   : u"%1: %2"_s.arg(m_vars.at(i).name, e));
    }
    return out;
}

int EnvVarsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_vars.size());
}

int EnvVarsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnvVarsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EnvVar &v = m_vars.at(index.row());
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (col == NameColumn)
            return v.name;
        if (col == ValueColumn)
            return v.secret && !m_reveal && !v.value.isEmpty() ? maskedText() : v.value;
        break;
    case Qt::EditRole:
        if (col == NameColumn)
            return v.name;
        if (col == ValueColumn)
            return v.value;
        break;
    case Qt::CheckStateRole:
        if (col == SecretColumn)
            return v.secret ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (col != SecretColumn) {
            const QString e = rowError(index.row());
            if (!e.isEmpty())
                return e;
        } else {
            return tr("Secret values are masked here and sent to the relay encrypted in transit; "
                      "they are never written to the Dockerfile or to settings.");
        }
        break;
    case Qt::ForegroundRole:
        if (col == NameColumn && !rowError(index.row()).isEmpty())
            return QColor(0xc6, 0x28, 0x28);
        break;
    case Qt::FontRole:
        if (col == NameColumn || col == ValueColumn) {
            QFont f(u"DejaVu Sans Mono"_s);
            f.setStyleHint(QFont::Monospace);
            return f;
        }
        break;
    case ErrorRole:
        return rowError(index.row());
    }
    return {};
}

bool EnvVarsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    EnvVar &v = m_vars[index.row()];
    const int col = index.column();
    if (role == Qt::EditRole && col == NameColumn) {
        const QString name = value.toString().trimmed();
        if (name == v.name)
            return true;
        v.name = name;
        // Renaming can create or resolve a duplicate anywhere.
        rowsTouched(
            0, rowCount() - 1, { Qt::DisplayRole, Qt::EditRole, ErrorRole, Qt::ToolTipRole, Qt::ForegroundRole });
        Q_EMIT validityChanged();
        return true;
    }
    if (role == Qt::EditRole && col == ValueColumn) {
        if (value.toString() == v.value)
            return true;
        v.value = value.toString();
        rowsTouched(index.row(), index.row(),
            { Qt::DisplayRole, Qt::EditRole, ErrorRole, Qt::ToolTipRole, Qt::ForegroundRole });
        Q_EMIT validityChanged();
        return true;
    }
    if (role == Qt::CheckStateRole && col == SecretColumn) {
        const bool secret = value.toInt() == Qt::Checked;
        if (secret == v.secret)
            return true;
        v.secret = secret;
        Q_EMIT dataChanged(index.siblingAtColumn(ValueColumn), index, { Qt::DisplayRole, Qt::CheckStateRole });
        return true;
    }
    return false;
}

Qt::ItemFlags EnvVarsModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == SecretColumn)
        f |= Qt::ItemIsUserCheckable;
    else
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant EnvVarsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case SecretColumn:
        return tr("Secret");
    }
    return {};
}

bool EnvVarsModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_vars.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_vars.remove(row, count);
    endRemoveRows();
    if (!m_vars.isEmpty())
        rowsTouched(0, rowCount() - 1, { ErrorRole, Qt::ToolTipRole, Qt::ForegroundRole });
    Q_EMIT validityChanged();
    return true;
}

void EnvVarsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_vars.isEmpty())
        rowsTouched(0, rowCount() - 1, { Qt::ToolTipRole, ErrorRole });
}

void EnvVarsModel::rowsTouched(int first, int last, const QList<int> &roles)
{
    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1), roles);
}

} // namespace ttalkak::deployer
