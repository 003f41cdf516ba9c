#include "logsjob.h"

#include "httpconnection_p.h"

#include "query_p.h"
#include <QUrl>

namespace ttalkak::docker {

namespace {
QString unixTime(const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    return QString::number(ms / 1000) + u'.' + QString::number(ms % 1000).rightJustified(3, u'0');
}
} // namespace

LogsJob::LogsJob(std::shared_ptr<Internal::ClientContext> context, const QString &container, const LogsOptions &options,
    QObject *parent)
    : DockerJob(std::move(context), parent)
    , m_container(container)
    , m_options(options)
    , m_demuxer(options.mode, options.timestamps)
{
}

LogsJob::~LogsJob() = default;

void LogsJob::pause()
{
    m_paused = true;
    setReadPaused(true);
}

void LogsJob::resume()
{
    m_paused = false;
    setReadPaused(false);
}

Internal::HttpRequest LogsJob::makeRequest()
{
    Internal::Query q;
    const auto flag = [](bool b) { return b ? QStringLiteral("1") : QStringLiteral("0"); };
    q.add("follow", flag(m_options.follow));
    q.add("stdout", flag(m_options.stdoutStream));
    q.add("stderr", flag(m_options.stderrStream));
    q.add("timestamps", flag(m_options.timestamps));
    if (m_options.since.isValid())
        q.add("since", unixTime(m_options.since));
    if (m_options.until.isValid())
        q.add("until", unixTime(m_options.until));
    q.add("tail", m_options.tail < 0 ? QStringLiteral("all") : QString::number(m_options.tail));
    Internal::HttpRequest req;
    req.target = versioned(q.appendTo("/containers/" + QUrl::toPercentEncoding(m_container) + "/logs"));
    return req;
}

void LogsJob::deliver(QList<LogLine> &batch)
{
    if (batch.isEmpty())
        return;
    if (m_collect)
        m_collected.append(batch);
    Q_EMIT lines(batch);
}

void LogsJob::handleData(const QByteArray &data)
{
    QList<LogLine> batch;
    if (auto r = m_demuxer.feed(data, batch); !r) {
        deliver(batch);
        if (!isFinished())
            finish(r.error());
        return;
    }
    deliver(batch);
    if (m_paused && !isFinished())
        setReadPaused(true); // a slot may have resumed and paused again
}

void LogsJob::handleFinished()
{
    QList<LogLine> batch;
    m_demuxer.flush(batch);
    deliver(batch);
    if (!isFinished())
        finish();
}

} // namespace ttalkak::docker
