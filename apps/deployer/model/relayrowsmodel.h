#pragma once
// RelayRowsModel: the list mechanics the deployments and databases tables share — rows of
// relay JSON objects keyed by "id", newest first like the relay's lists; a page replaces them,
// one object updates or inserts its row, a delete removes it. Subclasses say what the columns
// show.

#include <QAbstractTableModel>
#include <QJsonObject>

namespace ttalkak::deployer {

class RelayRowsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    RelayRowsModel(int columnCount, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;

    // A list page {"items":[…], …}: replaces the rows.
    void setItems(const QJsonObject &page);
    void remove(const QString &id);
    int rowOf(const QString &id) const;
    QStringList ids() const;
    // Headers and cells again, after a language change.
    void retranslate();

protected:
    // The row with the same id is replaced (or, with `merge`, gets these keys on top of what it
    // had); an unknown id becomes the first row.
    void upsertRow(const QJsonObject &object, bool merge);
    void rowChanged(int row);

    QList<QJsonObject> m_items;

private:
    int m_columns;
};

} // namespace ttalkak::deployer
