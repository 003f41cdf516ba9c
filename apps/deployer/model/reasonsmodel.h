#pragma once
// ReasonsModel: the plan's "why" list as a table — what was decided, from which
// file (and line), and the value that caused it.
// Columns: Decision, Source ("package.json:12", or "default"), Value.

#include <strategies/plan.h>

#include <QAbstractTableModel>

namespace ttalkak::deployer {

class ReasonsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DecisionColumn, SourceColumn, ValueColumn, ColumnCount };
    enum Role { FileRole = Qt::UserRole + 1, LineRole };

    explicit ReasonsModel(QObject *parent = nullptr);

    void setReasons(const QList<strategies::Reason> &reasons);
    const QList<strategies::Reason> &reasons() const { return m_reasons; }
    void clear() { setReasons({}); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Re-emits the header after a language switch.
    void retranslate();

private:
    QList<strategies::Reason> m_reasons;
};

} // namespace ttalkak::deployer
