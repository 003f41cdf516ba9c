#pragma once
// JsonListModel: a read-only table over a list of JSON objects, with columns
// given as (header, value) functions. Used for GitHub's repositories, branches
// and commits, which are shown as they come.

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace ttalkak::deployer {

class JsonListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Column
    {
        std::function<QString()> header; // translated at call time
        std::function<QVariant(const QJsonObject &)> value;
    };
    enum Roles { JsonRole = Qt::UserRole + 1 };

    explicit JsonListModel(QList<Column> columns, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setItems(const QJsonArray &items);
    void appendItems(const QJsonArray &items);
    QJsonObject item(int row) const { return m_items.value(row); }
    void retranslate();

private:
    QList<Column> m_columns;
    QList<QJsonObject> m_items;
};

} // namespace ttalkak::deployer
