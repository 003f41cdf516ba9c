#pragma once
// DatabasesModel: the user's databases (name, engine, status, address) from
// GET /v1/databases; details (GET /v1/databases/{id}, with `connection` once the
// relay gave it a TCP port) are merged in with setDetails().

#include <QAbstractTableModel>
#include <QJsonObject>

namespace ttalkak::deployer {

class DatabasesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, EngineColumn, StatusColumn, AddressColumn, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1, JsonRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setItems(const QJsonObject &page);
    void upsert(const QJsonObject &database);
    bool applyStatus(const QJsonObject &status);
    void remove(const QString &id);
    int rowOf(const QString &id) const;
    QJsonObject database(int row) const { return m_items.value(row); }
    void retranslate();

    static QString engineLabel(const QString &engine);
    // "postgres://app:••••@host:port/app", password masked unless `reveal`.
    static QString connectionString(const QJsonObject &connection, bool reveal);

private:
    QList<QJsonObject> m_items;
};

} // namespace ttalkak::deployer
