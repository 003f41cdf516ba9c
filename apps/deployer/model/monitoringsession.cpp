#include "monitoringsession.h"
#include "deployerbackend.h"

#include <memory>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

MonitoringSession::MonitoringSession(DeployerBackend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_filtered.setSourceModel(&m_log);
}

void MonitoringSession::setDeployment(const QString &id, const QString &name)
{
    m_deployment = id;
    m_name = name;
    ++m_metricsGen;
    ++m_logsGen;
    ++m_summaryGen;
    m_series = {};
    m_summary = {};
    m_log.clear();
    Q_EMIT metricsChanged();
    Q_EMIT summaryChanged();
}

void MonitoringSession::setRange(Range range)
{
    if (m_range == range)
        return;
    m_range = range;
    refreshMetrics();
    refreshSummary();
}

qint64 MonitoringSession::rangeMs(Range range)
{
    switch (range) {
    case Range::LastHour:
        return MetricsSeries::HourMs;
    case Range::LastDay:
        return 24 * MetricsSeries::HourMs;
    case Range::LastWeek:
        return 7 * 24 * MetricsSeries::HourMs;
    }
    return MetricsSeries::HourMs;
}

QString MonitoringSession::windowParameter(Range range)
{
    switch (range) {
    case Range::LastHour:
        return u"1h"_s;
    case Range::LastDay:
        return u"24h"_s;
    case Range::LastWeek:
        return u"7d"_s;
    }
    return u"1h"_s;
}

void MonitoringSession::refreshMetrics()
{
    if (m_deployment.isEmpty())
        return;
    const quint64 gen = ++m_metricsGen;
    const qint64 to = m_now();
    const qint64 from = to - rangeMs(m_range);
    const auto windows = MetricsSeries::chunks(from, to);
    // Collected in call order; built once every chunk has answered.
    auto answers = std::make_shared<QList<QJsonObject>>(windows.size());
    auto pending = std::make_shared<int>(int(windows.size()));
    auto failed = std::make_shared<bool>(false);
    for (int i = 0; i < windows.size(); ++i) {
        m_backend->metrics(m_deployment, windows[i].first, windows[i].second, this,
            [this, gen, i, answers, pending, failed, from, to](core::Result<QJsonObject> r) {
                if (gen != m_metricsGen || *failed)
                    return;
                if (!r) {
                    *failed = true;
                    Q_EMIT metricsFailed(r.error().message());
                    return;
                }
                (*answers)[i] = *r;
                if (--*pending > 0)
                    return;
                m_series = MetricsSeries::build(*answers, from, to, MetricsSeries::binFor(to - from));
                Q_EMIT metricsChanged();
            });
    }
}

void MonitoringSession::setFilter(const AccessLogFilter &filter)
{
    m_filter = filter;
    m_filtered.setFilter(filter);
    reloadLogs();
}

void MonitoringSession::reloadLogs()
{
    m_log.clear();
    fetchLogs(0);
}

void MonitoringSession::loadMoreLogs()
{
    if (m_log.hasMore())
        fetchLogs(m_log.nextBefore());
}

void MonitoringSession::fetchLogs(qint64 before)
{
    if (m_deployment.isEmpty())
        return;
    const quint64 gen = ++m_logsGen;
    Q_EMIT logsLoading(true);
    m_backend->logs(m_deployment, m_filter.query(PageSize, before), this, [this, gen](core::Result<QJsonObject> r) {
        if (gen != m_logsGen)
            return;
        if (r)
            m_log.appendPage(*r);
        Q_EMIT logsLoading(false);
        if (!r)
            Q_EMIT logsFailed(r.error().message());
    });
}

void MonitoringSession::refreshSummary()
{
    if (m_deployment.isEmpty())
        return;
    const quint64 gen = ++m_summaryGen;
    m_backend->summary(m_deployment, windowParameter(m_range), m_language, this,
        [this, gen](core::Result<QJsonObject> r) {
            if (gen != m_summaryGen)
                return;
            if (!r) {
                Q_EMIT summaryFailed(r.error().message());
                return;
            }
            m_summary.text = r->value(u"text"_s).toString();
            m_summary.source = r->value(u"source"_s).toString();
            m_summary.language = r->value(u"language"_s).toString();
            m_summary.note = r->value(u"note"_s).toString();
            m_summary.generatedAt = QDateTime::fromMSecsSinceEpoch(m_now());
            Q_EMIT summaryChanged();
        });
}

void MonitoringSession::refreshAll()
{
    refreshMetrics();
    reloadLogs();
    refreshSummary();
}

} // namespace ttalkak::deployer
