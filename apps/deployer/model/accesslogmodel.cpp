#include "accesslogmodel.h"

#include <QColor>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

QUrlQuery AccessLogFilter::query(int limit, qint64 before) const
{
    QUrlQuery q;
    q.addQueryItem(u"kind"_s, u"access"_s);
    q.addQueryItem(u"limit"_s, QString::number(limit));
    // The relay's q matches path, method or client; narrowing to the path happens in accepts().
    if (!pathText.isEmpty())
        q.addQueryItem(u"q"_s, pathText);
    if (fromMs > 0)
        q.addQueryItem(u"from"_s, QString::number(fromMs));
    if (toMs > 0)
        q.addQueryItem(u"to"_s, QString::number(toMs));
    if (before > 0)
        q.addQueryItem(u"before"_s, QString::number(before));
    return q;
}

bool AccessLogFilter::accepts(const QJsonObject &row) const
{
    if (!method.isEmpty() && row.value(u"method"_s).toString().compare(method, Qt::CaseInsensitive) != 0)
        return false;
    if (statusClass > 0 && row.value(u"status"_s).toInt() / 100 != statusClass)
        return false;
    if (!pathText.isEmpty() && !row.value(u"path"_s).toString().contains(pathText, Qt::CaseInsensitive))
        return false;
    const qint64 at = qint64(row.value(u"at"_s).toDouble());
    if (fromMs > 0 && at < fromMs)
        return false;
    if (toMs > 0 && at >= toMs)
        return false;
    return true;
}

int AccessLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccessLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccessLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &r = m_rows.at(index.row());
    const int status = r.value(u"status"_s).toInt();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(qint64(r.value(u"at"_s).toDouble()))
                .toString(u"yyyy-MM-dd HH:mm:ss"_s);
        case MethodColumn:
            return r.value(u"method"_s).toString();
        case PathColumn:
            return r.value(u"path"_s).toString();
        case StatusColumn:
            return status;
        case LatencyColumn:
            return tr("%1 ms").arg(r.value(u"latencyMs"_s).toDouble(), 0, 'f', 1);
        case BytesInColumn:
            return QLocale().formattedDataSize(qint64(r.value(u"bytesIn"_s).toDouble()));
        case BytesOutColumn:
            return QLocale().formattedDataSize(qint64(r.value(u"bytesOut"_s).toDouble()));
        case ClientColumn:
            return r.value(u"client"_s).toString();
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && status >= 500)
            return QColor(0xc92a2a);
        if (index.column() == StatusColumn && status >= 400)
            return QColor(0xb35c00);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= StatusColumn && index.column() <= BytesOutColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case JsonRole:
        return r;
    }
    return {};
}

QVariant AccessLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case LatencyColumn:
        return tr("Latency");
    case BytesInColumn:
        return tr("In");
    case BytesOutColumn:
        return tr("Out");
    case ClientColumn:
        return tr("Client");
    }
    return {};
}

void AccessLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_nextBefore = 0;
    endResetModel();
}

void AccessLogModel::appendPage(const QJsonObject &page)
{
    const QJsonArray items = page.value(u"items"_s).toArray();
    m_nextBefore = qint64(page.value(u"nextBefore"_s).toDouble());
    if (items.isEmpty())
        return;
    beginInsertRows({}, rowCount(), rowCount() + int(items.size()) - 1);
    for (const QJsonValue &v : items)
        m_rows.append(v.toObject());
    endInsertRows();
}

void AccessLogModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void AccessLogFilterModel::setFilter(const AccessLogFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

bool AccessLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    return m_filter.accepts(i.data(AccessLogModel::JsonRole).toJsonObject());
}

} // namespace ttalkak::deployer
