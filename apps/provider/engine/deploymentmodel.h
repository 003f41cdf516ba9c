#pragma once
// DeploymentModel: the engine's deployments as a table, one row per deployment in the order they
// appeared, with the latest CPU and memory reading. Read-only; actions go to the engine.
// Rows follow ProviderEngine's added/changed/removed signals; usage columns update on each sample.

#include "usagehistory.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ttalkak::provider {

class ProviderEngine;

class DeploymentModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Kind, State, Cpu, Memory, Port, Health, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StateRole, // Deployment::State as int
        CpuPercentRole, // double
        MemoryMbRole, // double
        AdoptedRole, // bool
    };

    explicit DeploymentModel(ProviderEngine &engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString idAt(int row) const { return m_ids.value(row); }
    int rowOf(const QString &id) const { return int(m_ids.indexOf(id)); }

private:
    void onAdded(const QString &id);
    void onChanged(const QString &id);
    void onRemoved(const QString &id);
    void onUsage(const QString &id, const UsagePoint &point);

    ProviderEngine &m_engine;
    QStringList m_ids;
    QHash<QString, UsagePoint> m_last;
};

} // namespace ttalkak::provider
