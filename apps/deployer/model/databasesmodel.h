#pragma once
// DatabasesModel: the user's databases (name, engine, status, address) from
// GET /v1/databases; details (GET /v1/databases/{id}, with `connection` once the
// relay gave it a TCP port) are merged in with setDetails().

#include "relayrowsmodel.h"

namespace ttalkak::deployer {

class DatabasesModel : public RelayRowsModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, EngineColumn, StatusColumn, AddressColumn, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1, JsonRole };

    explicit DatabasesModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Details carry `connection`; a later list row without it must not drop it: merged.
    void upsert(const QJsonObject &database) { upsertRow(database, true); }
    bool applyStatus(const QJsonObject &status);
    QJsonObject database(int row) const { return m_items.value(row); }

    static QString engineLabel(const QString &engine);
    // "postgres://app:••••@host:port/app", password masked unless `reveal`.
    static QString connectionString(const QJsonObject &connection, bool reveal);
};

} // namespace ttalkak::deployer
