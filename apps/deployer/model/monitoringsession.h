#pragma once
// MonitoringSession: what the monitoring page shows for one deployment —
// traffic series for a range (1 h / 24 h / 7 d; 7 d is fetched as seven 24 h
// calls, the relay's limit per call), the access log with filters and "load
// more", and the log summary in the UI language.
// Thread: GUI thread. Answers for a superseded deployment/range are dropped.

#include "accesslogmodel.h"
#include "metricsseries.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace ttalkak::deployer {

class DeployerBackend;

class MonitoringSession : public QObject
{
    Q_OBJECT
public:
    enum class Range { LastHour, LastDay, LastWeek };
    Q_ENUM(Range)
    static constexpr int PageSize = 100;

    struct Summary
    {
        QString text;
        QString source; // "local" | "llm"
        QString language;
        QString note;
        QDateTime generatedAt;
    };

    explicit MonitoringSession(DeployerBackend *backend, QObject *parent = nullptr);

    void setClock(std::function<qint64()> now) { m_now = std::move(now); }
    void setLanguage(const QString &code) { m_language = code; }

    QString deploymentId() const { return m_deployment; }
    QString deploymentName() const { return m_name; }
    void setDeployment(const QString &id, const QString &name);

    Range range() const { return m_range; }
    void setRange(Range range);
    static qint64 rangeMs(Range range);
    static QString windowParameter(Range range); // "1h" | "24h" | "7d"

    const MetricsSeries &series() const { return m_series; }
    AccessLogModel *accessLog() { return &m_log; }
    AccessLogFilterModel *filteredAccessLog() { return &m_filtered; }
    const Summary &summary() const { return m_summary; }

    void refreshMetrics();
    // Applies the filter: the relay is asked again from the newest row.
    void setFilter(const AccessLogFilter &filter);
    void reloadLogs();
    void loadMoreLogs();
    void refreshSummary();
    void refreshAll();

Q_SIGNALS:
    void metricsChanged();
    void metricsFailed(const QString &message);
    void logsLoading(bool busy);
    void logsFailed(const QString &message);
    void summaryChanged();
    void summaryFailed(const QString &message);

private:
    void fetchLogs(qint64 before);

    DeployerBackend *m_backend;
    std::function<qint64()> m_now;
    QString m_language = QStringLiteral("en");
    QString m_deployment;
    QString m_name;
    Range m_range = Range::LastHour;
    MetricsSeries m_series;
    AccessLogModel m_log;
    AccessLogFilterModel m_filtered;
    AccessLogFilter m_filter;
    Summary m_summary;
    quint64 m_metricsGen = 0;
    quint64 m_logsGen = 0;
    quint64 m_summaryGen = 0;
};

} // namespace ttalkak::deployer
