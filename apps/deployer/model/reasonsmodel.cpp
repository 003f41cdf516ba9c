#include "reasonsmodel.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

ReasonsModel::ReasonsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReasonsModel::setReasons(const QList<strategies::Reason> &reasons)
{
    beginResetModel();
    m_reasons = reasons;
    endResetModel();
}

int ReasonsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_reasons.size());
}

int ReasonsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReasonsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const strategies::Reason &r = m_reasons.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DecisionColumn:
            return r.decision;
        case SourceColumn:
            if (r.file.isEmpty())
                return tr("default");
            return r.line > 0 ? u"%1:%2"_s.arg(r.file).arg(r.line) : r.file;
        case ValueColumn:
            return r.value;
        }
        break;
    case Qt::ToolTipRole:
        return r.toString();
    case Qt::ForegroundRole:
        if (index.column() == SourceColumn && r.file.isEmpty())
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::FontRole:
        if (index.column() == ValueColumn) {
            QFont f(u"DejaVu Sans Mono"_s);
            f.setStyleHint(QFont::Monospace);
            return f;
        }
        break;
    case FileRole:
        return r.file;
    case LineRole:
        return r.line;
    }
    return {};
}

QVariant ReasonsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DecisionColumn:
        return tr("Decision");
    case SourceColumn:
        return tr("Source");
    case ValueColumn:
        return tr("Value");
    }
    return {};
}

void ReasonsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_reasons.isEmpty())
        Q_EMIT dataChanged(index(0, SourceColumn), index(rowCount() - 1, SourceColumn), { Qt::DisplayRole });
}

} // namespace ttalkak::deployer
