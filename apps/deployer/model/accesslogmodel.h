#pragma once
// AccessLogModel: access-log rows of one deployment (GET /v1/deployments/{id}/logs
// ?kind=access), newest first, appended page by page ("load more" continues
// below nextBefore). AccessLogFilter narrows what is shown (AccessLogFilterModel)
// and what is asked for (query(): path text → q, time range → from/to).

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QSortFilterProxyModel>
#include <QUrlQuery>

namespace ttalkak::deployer {

struct AccessLogFilter
{
    QString method; // "" = any
    int statusClass = 0; // 2..5 for 2xx..5xx, 0 = any
    QString pathText; // case-insensitive substring of the path
    qint64 fromMs = 0; // 0 = open
    qint64 toMs = 0;

    // The relay's query for one page; `before` = 0 for the first page.
    QUrlQuery query(int limit, qint64 before = 0) const;
    bool accepts(const QJsonObject &row) const;
    friend bool operator==(const AccessLogFilter &, const AccessLogFilter &) = default;
};

class AccessLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        MethodColumn,
        PathColumn,
        StatusColumn,
        LatencyColumn,
        BytesInColumn,
        BytesOutColumn,
        ClientColumn,
        ColumnCount
    };
    enum Roles { JsonRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void clear();
    // One answer {deployment, kind, items, nextBefore}: rows go below the current ones.
    void appendPage(const QJsonObject &page);
    bool hasMore() const { return m_nextBefore != 0; }
    qint64 nextBefore() const { return m_nextBefore; }
    void retranslate();

private:
    QList<QJsonObject> m_rows;
    qint64 m_nextBefore = 0;
};

class AccessLogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setFilter(const AccessLogFilter &filter);
    AccessLogFilter filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    AccessLogFilter m_filter;
};

} // namespace ttalkak::deployer
