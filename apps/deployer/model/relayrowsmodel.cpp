#include "relayrowsmodel.h"

#include <QJsonArray>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

RelayRowsModel::RelayRowsModel(int columnCount, QObject *parent)
    : QAbstractTableModel(parent)
    , m_columns(columnCount)
{
}

int RelayRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int RelayRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

void RelayRowsModel::setItems(const QJsonObject &page)
{
    beginResetModel();
    m_items.clear();
    for (const QJsonValue &v : page.value(u"items"_s).toArray())
        m_items.append(v.toObject());
    endResetModel();
}

void RelayRowsModel::upsertRow(const QJsonObject &object, bool merge)
{
    const int row = rowOf(object.value(u"id"_s).toString());
    if (row < 0) {
        beginInsertRows({}, 0, 0); // newest first, like the relay's lists
        m_items.prepend(object);
        endInsertRows();
        return;
    }
    if (merge) {
        for (auto it = object.begin(); it != object.end(); ++it)
            m_items[row].insert(it.key(), it.value());
    } else {
        m_items[row] = object;
    }
    rowChanged(row);
}

void RelayRowsModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, m_columns - 1));
}

void RelayRowsModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
}

int RelayRowsModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).value(u"id"_s).toString() == id)
            return i;
    }
    return -1;
}

QStringList RelayRowsModel::ids() const
{
    QStringList out;
    for (const QJsonObject &o : m_items)
        out.append(o.value(u"id"_s).toString());
    return out;
}

void RelayRowsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, m_columns - 1);
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, m_columns - 1));
}

} // namespace ttalkak::deployer
