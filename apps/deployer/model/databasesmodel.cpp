#include "databasesmodel.h"
#include "databaseform.h"
#include "deploymentsmodel.h"

#include <QJsonArray>
#include <QUrl>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

DatabasesModel::DatabasesModel(QObject *parent)
    : RelayRowsModel(ColumnCount, parent)
{
}

QVariant DatabasesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &d = m_items.at(index.row());
    const QJsonObject spec = d.value(u"spec"_s).toObject();
    const QJsonObject conn = d.value(u"connection"_s).toObject();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return d.value(u"name"_s).toString();
        case EngineColumn: {
            const QString v = spec.value(u"version"_s).toString();
            const QString label = engineLabel(spec.value(u"engine"_s).toString());
            return v.isEmpty() ? label : u"%1 %2"_s.arg(label, v);
        }
        case StatusColumn:
            return DeploymentsModel::stateText(d.value(u"state"_s).toString());
        case AddressColumn:
            return conn.isEmpty() ? QString()
                                  : u"%1:%2"_s.arg(conn.value(u"host"_s).toString()).arg(conn.value(u"port"_s).toInt());
        }
        break;
    case IdRole:
        return d.value(u"id"_s).toString();
    case JsonRole:
        return d;
    }
    return {};
}

QVariant DatabasesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EngineColumn:
        return tr("Engine");
    case StatusColumn:
        return tr("Status");
    case AddressColumn:
        return tr("Address");
    }
    return {};
}

bool DatabasesModel::applyStatus(const QJsonObject &status)
{
    const int row = rowOf(status.value(u"deployment"_s).toString());
    if (row < 0)
        return false;
    for (const auto &key : { u"state"_s, u"desired"_s, u"generation"_s, u"providerId"_s }) {
        if (status.contains(key))
            m_items[row].insert(key, status.value(key));
    }
    rowChanged(row);
    return true;
}

QString DatabasesModel::engineLabel(const QString &engine)
{
    for (const auto &e : DatabaseForm::engines()) {
        if (e.id == engine)
            return e.label;
    }
    return engine;
}

QString DatabasesModel::connectionString(const QJsonObject &connection, bool reveal)
{
    const QString url = connection.value(u"url"_s).toString();
    const QString password = connection.value(u"password"_s).toString();
    if (url.isEmpty() || reveal || password.isEmpty())
        return url;
    // Mask the password wherever the relay's URL carries it (percent-encoded or not).
    QString masked = url;
    masked.replace(QString::fromLatin1(QUrl::toPercentEncoding(password)), u"••••••"_s);
    masked.replace(password, u"••••••"_s);
    return masked;
}

} // namespace ttalkak::deployer
