#include "monitoringpage.h"
#include "icons.h"

#include <model/monitoringsession.h>

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QValueAxis>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

namespace {
enum ChartIndex { RequestsChart, StatusChart, LatencyChart, BandwidthChart };

QLineSeries *line(const QList<QPointF> &points, const QString &name, QColor color)
{
    auto *s = new QLineSeries;
    s->setName(name);
    s->replace(points);
    QPen pen(color);
    pen.setWidthF(1.6);
    s->setPen(pen);
    return s;
}

// Cumulative lines make a stacked area chart out of QAreaSeries.
QList<QPointF> plus(const QList<QPointF> &a, const QList<QPointF> &b)
{
    QList<QPointF> out = a;
    for (qsizetype i = 0; i < out.size() && i < b.size(); ++i)
        out[i].setY(out[i].y() + b[i].y());
    return out;
}

void attachAxes(QChart *chart, qint64 from, qint64 to, bool days, double maxY)
{
    auto *x = new QDateTimeAxis;
    x->setFormat(days ? u"MM-dd"_s : u"HH:mm"_s);
    x->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    x->setTickCount(days ? 8 : 7);
    auto *y = new QValueAxis;
    y->setRange(0, maxY > 0 ? maxY * 1.15 : 1);
    y->applyNiceNumbers(); // round ticks, so small ranges do not print "1, 1, 2, 2"
    y->setLabelFormat(maxY >= 10 ? u"%.0f"_s : u"%.1f"_s);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

double maxOf(const QList<QPointF> &points)
{
    double m = 0;
    for (const QPointF &p : points)
        m = qMax(m, p.y());
    return m;
}
} // namespace

MonitoringPage::MonitoringPage(MonitoringSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"monitoringPage"_s);
    m_title = new QLabel(this);
    m_title->setObjectName(u"pageTitle"_s);
    m_back = new QPushButton(icons::icon(u"deployments"_s), QString(), this);
    m_range = new QComboBox(this);
    m_range->setObjectName(u"rangeBox"_s);
    m_range->addItems({ QString(), QString(), QString() });
    m_rangeNote = new QLabel(this);
    m_rangeNote->setObjectName(u"muted"_s);
    // Wrapped and bounded, so a long note (or error) never widens the window past its size.
    m_rangeNote->setWordWrap(true);
    m_rangeNote->setMaximumWidth(360);
    m_refresh = new QPushButton(icons::icon(u"refresh"_s), QString(), this);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch();
    header->addWidget(m_rangeNote);
    header->addWidget(m_range);
    header->addWidget(m_refresh);
    header->addWidget(m_back);

    auto *grid = new QGridLayout;
    grid->setSpacing(8);
    for (int i = 0; i < 4; ++i) {
        m_charts[i] = new QChart;
        m_charts[i]->setMargins(QMargins(4, 4, 4, 4));
        m_charts[i]->legend()->setAlignment(Qt::AlignBottom);
        m_charts[i]->setBackgroundRoundness(6);
        m_views[i] = new QChartView(m_charts[i], this);
        m_views[i]->setRenderHint(QPainter::Antialiasing);
        m_views[i]->setMinimumHeight(200);
        grid->addWidget(m_views[i], i / 2, i % 2);
    }
    auto *chartsBox = new QWidget(this);
    chartsBox->setLayout(grid);

    // Access log with filters.
    m_logTitle = new QLabel(this);
    m_logTitle->setObjectName(u"sectionTitle"_s);
    m_method = new QComboBox(this);
    m_method->addItem(QString());
    for (const auto &m : { u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s, u"HEAD"_s, u"OPTIONS"_s })
        m_method->addItem(m, m);
    m_status = new QComboBox(this);
    m_status->addItem(QString(), 0);
    for (int c = 2; c <= 5; ++c)
        m_status->addItem(u"%1xx"_s.arg(c), c);
    m_path = new QLineEdit(this);
    m_path->setObjectName(u"pathFilter"_s);
    m_path->setClearButtonEnabled(true);
    m_logRange = new QComboBox(this);
    m_logRange->addItems({ QString(), QString(), QString(), QString() });
    m_logTable = new QTableView(this);
    m_logTable->setObjectName(u"accessLogTable"_s);
    m_logTable->setModel(session->filteredAccessLog());
    m_logTable->verticalHeader()->hide();
    m_logTable->verticalHeader()->setDefaultSectionSize(24);
    m_logTable->setAlternatingRowColors(true);
    m_logTable->horizontalHeader()->setSectionResizeMode(AccessLogModel::PathColumn, QHeaderView::Stretch);
    m_logTable->setColumnWidth(AccessLogModel::TimeColumn, 150);
    m_logTable->setColumnWidth(AccessLogModel::MethodColumn, 70);
    m_logTable->setColumnWidth(AccessLogModel::StatusColumn, 60);
    m_logTable->setColumnWidth(AccessLogModel::LatencyColumn, 80);
    m_logTable->setColumnWidth(AccessLogModel::BytesInColumn, 80);
    m_logTable->setColumnWidth(AccessLogModel::BytesOutColumn, 80);
    m_logTable->setWordWrap(false);
    m_more = new QPushButton(this);
    m_logState = new QLabel(this);
    m_logState->setObjectName(u"muted"_s);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_logTitle);
    filters->addStretch();
    filters->addWidget(m_method);
    filters->addWidget(m_status);
    filters->addWidget(m_path, 1);
    filters->addWidget(m_logRange);
    auto *logFooter = new QHBoxLayout;
    logFooter->addWidget(m_logState, 1);
    logFooter->addWidget(m_more);
    auto *logBox = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addLayout(filters);
    logLayout->addWidget(m_logTable, 1);
    logLayout->addLayout(logFooter);

    // Summary.
    m_summaryTitle = new QLabel(this);
    m_summaryTitle->setObjectName(u"sectionTitle"_s);
    m_summaryMeta = new QLabel(this);
    m_summaryMeta->setObjectName(u"muted"_s);
    m_summaryMeta->setWordWrap(true);
    m_summary = new QTextBrowser(this);
    m_summary->setObjectName(u"summaryText"_s);
    m_summaryRefresh = new QPushButton(icons::icon(u"refresh"_s), QString(), this);
    auto *summaryBox = new QFrame(this);
    summaryBox->setObjectName(u"card"_s);
    auto *sl = new QVBoxLayout(summaryBox);
    auto *st = new QHBoxLayout;
    st->addWidget(m_summaryTitle, 1);
    st->addWidget(m_summaryRefresh);
    sl->addLayout(st);
    sl->addWidget(m_summaryMeta);
    sl->addWidget(m_summary, 1);
    summaryBox->setMinimumWidth(300);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(logBox);
    bottom->addWidget(summaryBox);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 1);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(chartsBox);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addWidget(vertical, 1);

    connect(m_back, &QPushButton::clicked, this, &MonitoringPage::backRequested);
    connect(m_range, &QComboBox::activated, this,
        [this](int i) {
            m_session->setRange(MonitoringSession::Range(i));
            updateRangeNote();
        });
    connect(m_refresh, &QPushButton::clicked, m_session, &MonitoringSession::refreshAll);
    connect(m_session, &MonitoringSession::metricsChanged, this, &MonitoringPage::rebuildCharts);
    connect(m_session, &MonitoringSession::metricsFailed, this,
        [this](const QString &m) {
            m_metricsError = tr("Metrics unavailable: %1").arg(m);
            updateRangeNote();
        });
    connect(m_session, &MonitoringSession::metricsChanged, this, [this] {
        m_metricsError.clear();
        updateRangeNote();
    });
    connect(m_method, &QComboBox::activated, this, &MonitoringPage::applyFilter);
    connect(m_status, &QComboBox::activated, this, &MonitoringPage::applyFilter);
    connect(m_logRange, &QComboBox::activated, this, &MonitoringPage::applyFilter);
    connect(m_path, &QLineEdit::editingFinished, this, &MonitoringPage::applyFilter);
    connect(m_more, &QPushButton::clicked, m_session, &MonitoringSession::loadMoreLogs);
    connect(m_session, &MonitoringSession::logsLoading, this, [this](bool busy) {
        m_more->setEnabled(!busy && m_session->accessLog()->hasMore());
        m_logState->setText(busy ? tr("Loading…")
                                 : tr("%n request(s) shown", nullptr, m_session->filteredAccessLog()->rowCount()));
    });
    connect(m_session, &MonitoringSession::logsFailed, m_logState, &QLabel::setText);
    connect(m_session, &MonitoringSession::summaryChanged, this, &MonitoringPage::refreshSummary);
    connect(m_session, &MonitoringSession::summaryFailed, this,
        [this](const QString &m) { m_summaryMeta->setText(tr("Summary unavailable: %1").arg(m)); });
    connect(m_summaryRefresh, &QPushButton::clicked, m_session, &MonitoringSession::refreshSummary);
    retranslateUi();
}

void MonitoringPage::updateRangeNote()
{
    // The note explains only the 7-day view; an error replaces it whatever the range.
    if (!m_metricsError.isEmpty())
        m_rangeNote->setText(m_metricsError);
    else if (m_session->range() == MonitoringSession::Range::LastWeek)
        m_rangeNote->setText(tr("7 days are fetched as seven 24-hour calls and shown per hour."));
    else
        m_rangeNote->clear();
    m_rangeNote->setVisible(!m_rangeNote->text().isEmpty());
}

void MonitoringPage::applyFilter()
{
    AccessLogFilter f;
    f.method = m_method->currentData().toString();
    f.statusClass = m_status->currentData().toInt();
    f.pathText = m_path->text().trimmed();
    static constexpr qint64 spans[] = { 0, MetricsSeries::HourMs, 24 * MetricsSeries::HourMs,
        7 * 24 * MetricsSeries::HourMs };
    if (const qint64 span = spans[qBound(0, m_logRange->currentIndex(), 3)]; span > 0)
        f.fromMs = QDateTime::currentMSecsSinceEpoch() - span;
    m_session->setFilter(f);
}

void MonitoringPage::rebuildCharts()
{
    const MetricsSeries &s = m_session->series();
    m_title->setText(tr("Monitoring · %1").arg(m_session->deploymentName()));
    const bool days = s.binMs > MetricsSeries::MinuteMs;
    const qint64 from = s.fromMs, to = s.toMs;
    for (QChart *c : m_charts) {
        c->removeAllSeries();
        for (QAbstractAxis *a : c->axes()) {
            c->removeAxis(a);
            delete a;
        }
    }
    if (from == 0)
        return;

    m_charts[RequestsChart]->addSeries(line(s.requests, tr("requests/min"), QColor(0x3b5bdb)));
    attachAxes(m_charts[RequestsChart], from, to, days, s.maxRequests);

    // Stacked status classes: each area lies on the sum of the ones below it.
    const QList<QPair<QString, QColor>> classes { { u"2xx"_s, QColor(0x37b24d) }, { u"3xx"_s, QColor(0x4dabf7) },
        { u"4xx"_s, QColor(0xf59f00) }, { u"5xx"_s, QColor(0xe03131) } };
    const QList<QPointF> *layers[] = { &s.status2xx, &s.status3xx, &s.status4xx, &s.status5xx };
    QList<QPointF> base;
    for (const QPointF &p : s.status2xx)
        base.append({ p.x(), 0 });
    double top = 0;
    for (int i = 0; i < 4; ++i) {
        const QList<QPointF> upper = plus(base, *layers[i]);
        auto *lower = new QLineSeries;
        lower->replace(base);
        auto *upperLine = new QLineSeries;
        upperLine->replace(upper);
        auto *area = new QAreaSeries(upperLine, lower);
        area->setName(classes[i].first);
        area->setColor(classes[i].second);
        area->setBorderColor(classes[i].second.darker(115));
        m_charts[StatusChart]->addSeries(area);
        base = upper;
        top = qMax(top, maxOf(upper));
    }
    attachAxes(m_charts[StatusChart], from, to, days, top);

    m_charts[LatencyChart]->addSeries(line(s.latencyP50, tr("p50 ms"), QColor(0x3b5bdb)));
    m_charts[LatencyChart]->addSeries(line(s.latencyP95, tr("p95 ms"), QColor(0xe8590c)));
    attachAxes(m_charts[LatencyChart], from, to, days, qMax(maxOf(s.latencyP50), maxOf(s.latencyP95)));

    // Bandwidth in KiB per minute, so the axis reads in familiar numbers.
    auto kib = [](const QList<QPointF> &pts) {
        QList<QPointF> out;
        out.reserve(pts.size());
        for (const QPointF &p : pts)
            out.append({ p.x(), p.y() / 1024.0 });
        return out;
    };
    const auto in = kib(s.bytesIn), out = kib(s.bytesOut);
    m_charts[BandwidthChart]->addSeries(line(in, tr("in KiB/min"), QColor(0x0ca678)));
    m_charts[BandwidthChart]->addSeries(line(out, tr("out KiB/min"), QColor(0x7048e8)));
    attachAxes(m_charts[BandwidthChart], from, to, days, qMax(maxOf(in), maxOf(out)));
}

void MonitoringPage::refreshSummary()
{
    const auto &s = m_session->summary();
    m_summary->setPlainText(s.text);
    if (s.text.isEmpty()) {
        m_summaryMeta->clear();
        return;
    }
    const QString source = s.source == u"llm"_s ? tr("phrased by an LLM") : tr("built locally from log templates");
    QString meta = tr("%1 · %2").arg(source, QLocale().toString(s.generatedAt, QLocale::ShortFormat));
    if (!s.note.isEmpty())
        meta += u"\n"_s + s.note;
    m_summaryMeta->setText(meta);
}

void MonitoringPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void MonitoringPage::retranslateUi()
{
    m_title->setText(tr("Monitoring · %1").arg(m_session->deploymentName()));
    m_back->setText(tr("Deployments"));
    m_range->setItemText(0, tr("Last hour"));
    m_range->setItemText(1, tr("Last 24 hours"));
    m_range->setItemText(2, tr("Last 7 days"));
    m_range->setCurrentIndex(int(m_session->range()));
    updateRangeNote();
    m_refresh->setText(tr("Refresh"));
    m_charts[RequestsChart]->setTitle(tr("Requests per minute"));
    m_charts[StatusChart]->setTitle(tr("Responses by status class"));
    m_charts[LatencyChart]->setTitle(tr("Latency (ms)"));
    m_charts[BandwidthChart]->setTitle(tr("Bandwidth"));
    m_logTitle->setText(tr("Access log"));
    m_method->setItemText(0, tr("Any method"));
    m_status->setItemText(0, tr("Any status"));
    m_path->setPlaceholderText(tr("Path contains…"));
    m_logRange->setItemText(0, tr("Any time"));
    m_logRange->setItemText(1, tr("Last hour"));
    m_logRange->setItemText(2, tr("Last 24 hours"));
    m_logRange->setItemText(3, tr("Last 7 days"));
    m_more->setText(tr("Load more"));
    m_summaryTitle->setText(tr("Summary"));
    m_summaryRefresh->setText(tr("Refresh"));
    m_session->accessLog()->retranslate();
    rebuildCharts();
    refreshSummary();
}

} // namespace ttalkak::deployer
