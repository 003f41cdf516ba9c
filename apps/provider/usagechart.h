#pragma once
// UsageChart: one metric of one deployment over the last minutes (CPU %, memory MB, network
// KB/s), an area under a line, newest at the right. Renders points it is given; no logic.

#include <QChartView>
#include <QList>
#include <QPointF>

class QAreaSeries;
class QLineSeries;
class QValueAxis;

namespace ttalkak::provider::ui {

class UsageChart : public QChartView
{
    Q_OBJECT
public:
    // A second series (e.g. network tx beside rx) when secondName is not empty.
    UsageChart(const QString &title, const QString &unit, const QColor &color, const QString &secondName = {},
        QWidget *parent = nullptr);

    // x: seconds relative to now (<= 0); y in the chart's unit. minMax: the y axis never shrinks
    // below this (e.g. the memory limit, 100 % of the CPU share).
    void setPoints(const QList<QPointF> &points, const QList<QPointF> &second = {}, double minMax = 0);
    void setWindowSeconds(int seconds);

private:
    QLineSeries *m_line;
    QLineSeries *m_second = nullptr;
    QValueAxis *m_x;
    QValueAxis *m_y;
    int m_window = 120;
};

} // namespace ttalkak::provider::ui
