#include "deploymentmodel.h"
#include "providerengine.h"

namespace ttalkak::provider {

DeploymentModel::DeploymentModel(ProviderEngine &engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
    , m_ids(engine.deploymentIds())
{
    for (const QString &id : std::as_const(m_ids)) {
        const QList<UsagePoint> points = engine.usage(id);
        if (!points.isEmpty())
            m_last.insert(id, points.constLast());
    }
    connect(&engine, &ProviderEngine::deploymentAdded, this, &DeploymentModel::onAdded);
    connect(&engine, &ProviderEngine::deploymentChanged, this, &DeploymentModel::onChanged);
    connect(&engine, &ProviderEngine::deploymentRemoved, this, &DeploymentModel::onRemoved);
    connect(&engine, &ProviderEngine::usageSampled, this, &DeploymentModel::onUsage);
}

int DeploymentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int DeploymentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeploymentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString id = m_ids.at(index.row());
    const Deployment *d = m_engine.deployment(id);
    if (!d)
        return {};
    const bool live = d->state == Deployment::State::Running && m_last.contains(id);
    const UsagePoint usage = m_last.value(id);
    switch (role) {
    case IdRole:
        return id;
    case StateRole:
        return int(d->state);
    case CpuPercentRole:
        return live ? usage.cpuPercent : 0.0;
    case MemoryMbRole:
        return live ? usage.memoryMb : 0.0;
    case AdoptedRole:
        return d->adopted;
    case Qt::ToolTipRole:
        return d->detail.isEmpty() ? d->image : d->image + u'\n' + d->detail;
    case Qt::TextAlignmentRole:
        if (index.column() == Cpu || index.column() == Memory || index.column() == Port)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Name:
        return d->name;
    case Kind:
        return Deployment::kindName(d->kind);
    case State:
        if (d->state == Deployment::State::Exited)
            return tr("Exited (%1)").arg(d->exitCode);
        return Deployment::stateName(d->state);
    case Cpu:
        return live ? tr("%1 %").arg(usage.cpuPercent, 0, 'f', 1) : QStringLiteral("–");
    case Memory:
        return live ? tr("%1 / %2 MB").arg(usage.memoryMb, 0, 'f', 0).arg(d->memoryMb)
                    : tr("— / %1 MB").arg(d->memoryMb);
    case Port:
        return d->hostPort ? QString::number(d->hostPort) : QStringLiteral("–");
    case Health:
        return d->health.isEmpty() ? QStringLiteral("–") : d->health;
    default:
        return {};
    }
}

QVariant DeploymentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Deployment");
    case Kind:
        return tr("Kind");
    case State:
        return tr("State");
    case Cpu:
        return tr("CPU");
    case Memory:
        return tr("Memory");
    case Port:
        return tr("Local port");
    case Health:
        return tr("Health");
    default:
        return {};
    }
}

QHash<int, QByteArray> DeploymentModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "deploymentId");
    names.insert(StateRole, "state");
    names.insert(CpuPercentRole, "cpuPercent");
    names.insert(MemoryMbRole, "memoryMb");
    names.insert(AdoptedRole, "adopted");
    return names;
}

void DeploymentModel::onAdded(const QString &id)
{
    if (m_ids.contains(id))
        return;
    const int row = int(m_ids.size());
    beginInsertRows({}, row, row);
    m_ids.append(id);
    endInsertRows();
}

void DeploymentModel::onChanged(const QString &id)
{
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void DeploymentModel::onRemoved(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_ids.removeAt(row);
    m_last.remove(id);
    endRemoveRows();
}

void DeploymentModel::onUsage(const QString &id, const UsagePoint &point)
{
    m_last.insert(id, point);
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, Cpu), index(row, Memory), { Qt::DisplayRole, CpuPercentRole, MemoryMbRole });
}

} // namespace ttalkak::provider
