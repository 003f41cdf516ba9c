#include "jsonlistmodel.h"

namespace ttalkak::deployer {

JsonListModel::JsonListModel(QList<Column> columns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_columns(std::move(columns))
{
}

int JsonListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int JsonListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant JsonListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole)
        return m_columns.at(index.column()).value(m_items.at(index.row()));
    if (role == JsonRole)
        return m_items.at(index.row());
    return {};
}

QVariant JsonListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_columns.at(section).header();
}

void JsonListModel::setItems(const QJsonArray &items)
{
    beginResetModel();
    m_items.clear();
    for (const QJsonValue &v : items)
        m_items.append(v.toObject());
    endResetModel();
}

void JsonListModel::appendItems(const QJsonArray &items)
{
    if (items.isEmpty())
        return;
    beginInsertRows({}, rowCount(), rowCount() + int(items.size()) - 1);
    for (const QJsonValue &v : items)
        m_items.append(v.toObject());
    endInsertRows();
}

void JsonListModel::retranslate()
{
    if (!m_columns.isEmpty())
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, int(m_columns.size()) - 1);
}

} // namespace ttalkak::deployer
