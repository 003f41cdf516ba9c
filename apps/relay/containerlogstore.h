#pragma once
// ContainerLogStore: container stdout/stderr lines streamed by providers, the log templates mined
// from them per deployment (core::LogTemplateMiner, state snapshotted into the store so a relay
// restart keeps template ids), and the container events providers report (restarts, exits,
// OOM kills). Retention (LogRetention) is enforced by append().
// Thread: the thread that owns the Database. Miners are loaded lazily, one per deployment.

#include "logretention.h"

#include <core/logtemplates/logtemplateminer.h>

#include <QJsonObject>
#include <QList>

#include <map>
#include <memory>

namespace ttalkak::relay {

struct ContainerLogLine
{
    qint64 id = 0; // assigned by the store
    qint64 at = 0; // epoch ms
    QString stream; // "stdout" or "stderr"
    QString line; // capped at kMaxLineChars
    quint64 templateId = 0; // assigned by the store
    QJsonObject toJson() const;
};

struct ContainerEvent
{
    qint64 at = 0;
    QString kind; // "restart" (came back up after an exit) or "exit" (stopped/failed)
    int exitCode = -1; // -1 when unknown
    bool oomKilled = false;
    QString detail;
    QJsonObject toJson() const;
};

// Lines per template within a time range, split by stream.
struct TemplateCount
{
    quint64 templateId = 0;
    int count = 0;
    int stderrCount = 0;
    qint64 firstAt = 0;
};

class ContainerLogStore
{
public:
    static constexpr int kMaxLineChars = 4096;

    ContainerLogStore(Database &db, LogRetention retention, core::LogTemplateMiner::Params params = {});
    ~ContainerLogStore();

    // Mines and stores the lines (one transaction, with the miner's new snapshot), then applies
    // retention. Fills in each line's templateId.
    core::Result<int> append(const QString &deploymentId, QList<ContainerLogLine> &lines);
    core::Result<QList<ContainerLogLine>> query(const QString &deploymentId, const LogQuery &q) const;
    core::Result<QList<TemplateCount>> templateCounts(const QString &deploymentId, qint64 fromMs, qint64 toMs) const;
    // A few stored lines of one template in [fromMs, toMs), newest first.
    core::Result<QStringList> sampleLines(
        const QString &deploymentId, quint64 templateId, qint64 fromMs, qint64 toMs, int limit) const;
    // Lines stored for the deployment so far (id of the newest, 0 when none): a cheap "new logs?" check.
    core::Result<qint64> latestLineId(const QString &deploymentId) const;

    // The deployment's miner (restored from the store on first use).
    core::Result<core::LogTemplateMiner *> miner(const QString &deploymentId);

    core::Result<void> recordEvent(const QString &deploymentId, const ContainerEvent &event);
    core::Result<QList<ContainerEvent>> events(const QString &deploymentId, qint64 fromMs, qint64 toMs) const;

    core::Result<int> sweep(qint64 nowMs);

private:
    Database &m_db;
    LogRetention m_retention;
    core::LogTemplateMiner::Params m_params;
    std::map<QString, std::unique_ptr<core::LogTemplateMiner>> m_miners;
};

} // namespace ttalkak::relay
