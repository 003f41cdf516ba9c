#pragma once
// LogsJob: GET /containers/{id}/logs, demultiplexed into stdout/stderr lines (see LogDemuxer).
// `lines` fires with each batch of complete lines as they arrive. With follow the job runs until
// the container stops or kill(); without, until the requested logs were sent.
// Back-pressure: pause() stops reading the socket; the engine then blocks on a full socket
// buffer instead of this process buffering without bound. resume() continues.

#include "dockerjob.h"
#include "logdemuxer.h"

#include <QDateTime>

namespace ttalkak::docker {

struct LogsOptions
{
    bool follow = false;
    bool timestamps = false;
    bool stdoutStream = true;
    bool stderrStream = true;
    QDateTime since; // invalid: from the start
    QDateTime until; // invalid: no end
    int tail = -1; // -1: all lines
    LogDemuxer::Mode mode = LogDemuxer::Mode::Auto; // Raw for TTY containers if known
};

class LogsJob : public DockerJob
{
    Q_OBJECT
public:
    LogsJob(std::shared_ptr<Internal::ClientContext> context, const QString &container, const LogsOptions &options,
        QObject *parent = nullptr);
    ~LogsJob() override;

    void pause();
    void resume();
    bool isPaused() const { return m_paused; }
    // Lines received so far, when nobody is connected to `lines` (convenient for short reads).
    const QList<LogLine> &collected() const { return m_collected; }
    void setCollect(bool collect) { m_collect = collect; }

Q_SIGNALS:
    void lines(const QList<ttalkak::docker::LogLine> &lines);

protected:
    Internal::HttpRequest makeRequest() override;
    void handleData(const QByteArray &data) override;
    void handleFinished() override;
    bool isStream() const override { return m_options.follow; }

private:
    void deliver(QList<LogLine> &batch);

    QString m_container;
    LogsOptions m_options;
    LogDemuxer m_demuxer;
    QList<LogLine> m_collected;
    bool m_collect = true;
    bool m_paused = false;
};

} // namespace ttalkak::docker
