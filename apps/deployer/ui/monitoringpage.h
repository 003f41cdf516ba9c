#pragma once
// MonitoringPage: one deployment's traffic charts (requests/min, status classes
// stacked, latency p50/p95, bandwidth in/out) for 1 h / 24 h / 7 d, the access
// log with filters and "Load more", and the log summary with Refresh.
// Renders MonitoringSession; the charts are Qt Charts views rebuilt from
// MetricsSeries whenever it changes.

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace ttalkak::deployer {

class MonitoringSession;

class MonitoringPage : public QWidget
{
    Q_OBJECT
public:
    explicit MonitoringPage(MonitoringSession *session, QWidget *parent = nullptr);

    QTableView *logTable() const { return m_logTable; }
    QChart *requestsChart() const { return m_charts[0]; }

Q_SIGNALS:
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildCharts();
    void applyFilter();
    void updateRangeNote();
    void refreshSummary();
    void retranslateUi();

    MonitoringSession *m_session;
    QLabel *m_title;
    QPushButton *m_back;
    QComboBox *m_range;
    QLabel *m_rangeNote;
    QString m_metricsError;
    QPushButton *m_refresh;
    QChartView *m_views[4];
    QChart *m_charts[4];
    QLabel *m_logTitle;
    QComboBox *m_method;
    QComboBox *m_status;
    QLineEdit *m_path;
    QComboBox *m_logRange;
    QTableView *m_logTable;
    QPushButton *m_more;
    QLabel *m_logState;
    QLabel *m_summaryTitle;
    QLabel *m_summaryMeta;
    QTextBrowser *m_summary;
    QPushButton *m_summaryRefresh;
};

} // namespace ttalkak::deployer
