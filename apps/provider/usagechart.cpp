#include "usagechart.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

namespace ttalkak::provider::ui {

UsageChart::UsageChart(
    const QString &title, const QString &unit, const QColor &color, const QString &secondName, QWidget *parent)
    : QChartView(parent)
    , m_line(new QLineSeries)
    , m_x(new QValueAxis)
    , m_y(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setBackgroundRoundness(6);
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->setAnimationOptions(QChart::NoAnimation);

    auto *area = new QAreaSeries(m_line); // no lower series: the area's base is y = 0
    QColor fill = color;
    fill.setAlpha(60);
    area->setBrush(fill);
    area->setPen(QPen(color, 2));
    area->setName(secondName.isEmpty() ? unit : tr("received"));
    chart->addSeries(area);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    area->attachAxis(m_x);
    area->attachAxis(m_y);
    if (!secondName.isEmpty()) {
        m_second = new QLineSeries;
        m_second->setName(secondName);
        m_second->setPen(QPen(color.darker(160), 1.5, Qt::DashLine));
        chart->addSeries(m_second);
        m_second->attachAxis(m_x);
        m_second->attachAxis(m_y);
        chart->legend()->setAlignment(Qt::AlignBottom);
    } else {
        chart->legend()->hide();
    }
    m_x->setLabelFormat(QStringLiteral("%d s"));
    m_x->setTickCount(5);
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    m_y->setTickCount(4);
    m_y->setTitleText(unit);
    for (QValueAxis *axis : { m_x, m_y }) {
        QFont f = axis->labelsFont();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        axis->setLabelsFont(f);
        axis->setGridLineColor(QColor(0xe5, 0xe7, 0xeb));
    }
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(170);
    setPoints({});
}

void UsageChart::setWindowSeconds(int seconds)
{
    m_window = seconds;
}

void UsageChart::setPoints(const QList<QPointF> &points, const QList<QPointF> &second, double minMax)
{
    m_line->replace(points);
    if (m_second)
        m_second->replace(second);
    double top = minMax;
    for (const QList<QPointF> *list : { &points, &second })
        for (const QPointF &p : *list)
            top = qMax(top, p.y());
    // A little headroom, rounded to a readable number.
    top = top <= 0 ? 1 : top * 1.15;
    const double magnitude = std::pow(10.0, std::floor(std::log10(top)));
    top = std::ceil(top / magnitude * 2) / 2 * magnitude;
    m_y->setRange(0, top);
    m_y->setLabelFormat(top < 10 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    // Grow the time window with the data, up to the configured one, so a new deployment's
    // first seconds are not a sliver at the right edge.
    double oldest = 0;
    for (const QPointF &p : points)
        oldest = qMin(oldest, p.x());
    const double span = qBound(30.0, std::ceil(-oldest / 10) * 10, double(m_window));
    m_x->setRange(-span, 0);
    const double step = span <= 30 ? 10 : span <= 60 ? 15 : 30;
    m_x->setTickCount(int(span / step) + 1);
}

} // namespace ttalkak::provider::ui
