#include "deploymentsmodel.h"

#include <QColor>
#include <QDateTime>
#include <QJsonArray>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

DeploymentsModel::DeploymentsModel(QObject *parent)
    : RelayRowsModel(ColumnCount, parent)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

void DeploymentsModel::setRelayInfo(const RelayInfo &info)
{
    m_info = info;
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0, UrlColumn), index(rowCount() - 1, UrlColumn));
}

QVariant DeploymentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &d = m_items.at(index.row());
    const QString state = d.value(u"state"_s).toString();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return d.value(u"name"_s).toString();
        case StatusColumn:
            return stateText(state);
        case UrlColumn:
            return state == u"running"_s ? publicUrl(d, m_info).toString() : QString();
        case ProviderColumn:
            return d.value(u"providerId"_s).toString();
        case UptimeColumn:
            if (state != u"running"_s)
                return QString();
            return uptimeText(m_now() - qint64(d.value(u"updatedAt"_s).toDouble()));
        case GenerationColumn:
            return d.value(u"generation"_s).toInt();
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            if (state == u"running"_s)
                return QColor(0x2b8a3e);
            if (state == u"failed"_s)
                return QColor(0xc92a2a);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn)
            return d.value(u"detail"_s).toString();
        break;
    case IdRole:
        return d.value(u"id"_s).toString();
    case StateRole:
        return state;
    case JsonRole:
        return d;
    case UrlRole:
        return publicUrl(d, m_info);
    }
    return {};
}

QVariant DeploymentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case UrlColumn:
        return tr("URL");
    case ProviderColumn:
        return tr("Provider");
    case UptimeColumn:
        return tr("Uptime");
    case GenerationColumn:
        return tr("Generation");
    }
    return {};
}

bool DeploymentsModel::applyStatus(const QJsonObject &status)
{
    const int row = rowOf(status.value(u"deployment"_s).toString());
    if (row < 0)
        return false;
    QJsonObject &d = m_items[row];
    const QString state = status.value(u"state"_s).toString();
    if (!state.isEmpty() && state != d.value(u"state"_s).toString()) {
        d.insert(u"state"_s, state);
        d.insert(u"updatedAt"_s, double(m_now()));
    }
    for (const auto &key : { u"desired"_s, u"generation"_s, u"providerId"_s }) {
        if (status.contains(key))
            d.insert(key, status.value(key));
    }
    if (status.contains(u"reason"_s))
        d.insert(u"detail"_s, status.value(u"reason"_s));
    rowChanged(row);
    return true;
}

QUrl DeploymentsModel::publicUrl(const QJsonObject &deployment, const RelayInfo &info)
{
    if (const QString given = deployment.value(u"url"_s).toString(); !given.isEmpty())
        return QUrl(given);
    if (deployment.value(u"kind"_s).toString() == u"database"_s)
        return {}; // a database's `url` is its connection string, never derived
    return info.appUrl(deployment.value(u"name"_s).toString());
}

QString DeploymentsModel::stateText(const QString &state)
{
    if (state == u"queued"_s)
        return tr("Queued");
    if (state == u"offered"_s)
        return tr("Offered");
    if (state == u"assigned"_s)
        return tr("Assigned");
    if (state == u"building"_s)
        return tr("Building");
    if (state == u"running"_s)
        return tr("Running");
    if (state == u"stopped"_s)
        return tr("Stopped");
    if (state == u"failed"_s)
        return tr("Failed");
    if (state == u"deleting"_s)
        return tr("Deleting");
    if (state == u"deleted"_s)
        return tr("Deleted");
    return state;
}

QString DeploymentsModel::uptimeText(qint64 ms)
{
    const qint64 minutes = qMax<qint64>(0, ms) / 60000;
    if (minutes < 60)
        return tr("%n min", nullptr, int(minutes));
    if (minutes < 48 * 60)
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    return tr("%n days", nullptr, int(minutes / (24 * 60)));
}

} // namespace ttalkak::deployer
