#include "containerlogstore.h"

#include "logging.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::LogTemplateMiner;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {
const QString kTable = u"container_logs"_s;
}

QJsonObject ContainerLogLine::toJson() const
{
    return { { u"id"_s, id }, { u"at"_s, at }, { u"stream"_s, stream }, { u"line"_s, line },
        { u"templateId"_s, qint64(templateId) } };
}

QJsonObject ContainerEvent::toJson() const
{
    QJsonObject o { { u"at"_s, at }, { u"kind"_s, kind }, { u"oomKilled"_s, oomKilled } };
    if (exitCode >= 0)
        o.insert(u"exitCode"_s, exitCode);
    if (!detail.isEmpty())
        o.insert(u"detail"_s, detail);
    return o;
}

ContainerLogStore::ContainerLogStore(Database &db, LogRetention retention, LogTemplateMiner::Params params)
    : m_db(db)
    , m_retention(retention)
    , m_params(std::move(params))
{
}

ContainerLogStore::~ContainerLogStore() = default;

Result<LogTemplateMiner *> ContainerLogStore::miner(const QString &deploymentId)
{
    if (auto it = m_miners.find(deploymentId); it != m_miners.end())
        return it->second.get();
    auto miner = std::make_unique<LogTemplateMiner>(m_params);
    auto q = m_db.exec(u"SELECT snapshot FROM log_template_state WHERE deployment_id = ?"_s, { deploymentId });
    if (!q)
        return q.error();
    if (q->next()) {
        const QByteArray state = QByteArray::fromBase64(q->value(0).toString().toLatin1());
        // A damaged snapshot costs the old templates, not the logs: start afresh and say so.
        if (auto r = miner->restore(state); !r)
            qCWarning(lcStore).noquote() << "log template state not restored" << (u"deployment="_s + deploymentId)
                                         << r.error().toString();
    }
    return m_miners.emplace(deploymentId, std::move(miner)).first->second.get();
}

Result<int> ContainerLogStore::append(const QString &deploymentId, QList<ContainerLogLine> &lines)
{
    auto m = miner(deploymentId);
    if (!m)
        return m.error();
    LogTemplateMiner *miner = *m;
    // The miner learns before the transaction; if the transaction fails, the in-memory state is
    // reloaded from the last committed snapshot so memory and store never disagree for long.
    for (ContainerLogLine &l : lines) {
        if (l.line.size() > kMaxLineChars)
            l.line.truncate(kMaxLineChars);
        if (l.stream != u"stderr")
            l.stream = u"stdout"_s;
        l.templateId = miner->add(QStringView(l.line), l.at).templateId;
    }
    const QString snapshot = QString::fromLatin1(miner->snapshot().toBase64());
    const qint64 now = Database::nowMs();
    auto stored = m_db.transaction<int>([&]() -> Result<int> {
        for (ContainerLogLine &l : lines) {
            auto q = m_db.exec(u"INSERT INTO container_logs (deployment_id, at, stream, line, template_id, size)"
                               " VALUES (?, ?, ?, ?, ?, ?)"_s,
                { deploymentId, l.at, l.stream, l.line, qint64(l.templateId), int(32 + l.line.toUtf8().size()) });
            if (!q)
                return q.error();
        }
        auto s = m_db.exec(
            u"INSERT INTO log_template_state (deployment_id, snapshot, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (deployment_id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at"_s,
            { deploymentId, snapshot, now });
        if (!s)
            return s.error();
        return int(lines.size());
    });
    if (!stored) {
        m_miners.erase(deploymentId);
        return stored;
    }
    if (auto r = retention::enforce(m_db, kTable, deploymentId, m_retention, now); !r)
        return r.error();
    return stored;
}

Result<QList<ContainerLogLine>> ContainerLogStore::query(const QString &deploymentId, const LogQuery &lq) const
{
    QString sql
        = u"SELECT id, at, stream, line, template_id FROM container_logs WHERE deployment_id = ? AND at >= ? AND at < ?"_s;
    QVariantList binds { deploymentId, lq.fromMs, lq.toMs };
    if (lq.beforeId > 0) {
        sql += u" AND id < ?"_s;
        binds << lq.beforeId;
    }
    if (!lq.text.isEmpty()) {
        sql += u" AND LOWER(line) LIKE ? ESCAPE '\\'"_s;
        binds << likePattern(lq.text);
    }
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    binds << lq.limit;
    auto q = m_db.exec(sql, binds);
    if (!q)
        return q.error();
    QList<ContainerLogLine> out;
    while (q->next())
        out.append({ q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(), q->value(3).toString(),
            q->value(4).toULongLong() });
    return out;
}

Result<QList<TemplateCount>> ContainerLogStore::templateCounts(
    const QString &deploymentId, qint64 fromMs, qint64 toMs) const
{
    auto q = m_db.exec(u"SELECT template_id, stream, COUNT(*), MIN(at) FROM container_logs WHERE deployment_id = ?"
                       " AND at >= ? AND at < ? GROUP BY template_id, stream"_s,
        { deploymentId, fromMs, toMs });
    if (!q)
        return q.error();
    QList<TemplateCount> out;
    while (q->next()) {
        const quint64 id = q->value(0).toULongLong();
        auto it = std::find_if(out.begin(), out.end(), [&](const TemplateCount &c) { return c.templateId == id; });
        if (it == out.end()) {
            out.append(TemplateCount { id, 0, 0, q->value(3).toLongLong() });
            it = out.end() - 1;
        }
        const int n = q->value(2).toInt();
        it->count += n;
        if (q->value(1).toString() == u"stderr")
            it->stderrCount += n;
        it->firstAt = std::min(it->firstAt, q->value(3).toLongLong());
    }
    return out;
}

Result<QStringList> ContainerLogStore::sampleLines(
    const QString &deploymentId, quint64 templateId, qint64 fromMs, qint64 toMs, int limit) const
{
    auto q = m_db.exec(
        u"SELECT line FROM container_logs WHERE deployment_id = ? AND template_id = ? AND at >= ? AND at < ?"
        " ORDER BY id DESC LIMIT ?"_s,
        { deploymentId, qint64(templateId), fromMs, toMs, limit });
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

Result<qint64> ContainerLogStore::latestLineId(const QString &deploymentId) const
{
    auto q = m_db.exec(u"SELECT COALESCE(MAX(id), 0) FROM container_logs WHERE deployment_id = ?"_s, { deploymentId });
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<void> ContainerLogStore::recordEvent(const QString &deploymentId, const ContainerEvent &e)
{
    auto q = m_db.exec(
        u"INSERT INTO container_events (deployment_id, at, kind, exit_code, oom_killed, detail) VALUES (?, ?, ?, ?, ?, ?)"_s,
        { deploymentId, e.at, e.kind, e.exitCode >= 0 ? QVariant(e.exitCode) : QVariant(), e.oomKilled ? 1 : 0,
            e.detail.left(1024) });
    if (!q)
        return q.error();
    return {};
}

Result<QList<ContainerEvent>> ContainerLogStore::events(const QString &deploymentId, qint64 fromMs, qint64 toMs) const
{
    auto q = m_db.exec(u"SELECT at, kind, exit_code, oom_killed, detail FROM container_events WHERE deployment_id = ?"
                       " AND at >= ? AND at < ? ORDER BY at, id"_s,
        { deploymentId, fromMs, toMs });
    if (!q)
        return q.error();
    QList<ContainerEvent> out;
    while (q->next())
        out.append({ q->value(0).toLongLong(), q->value(1).toString(), q->value(2).isNull() ? -1 : q->value(2).toInt(),
            q->value(3).toInt() != 0, q->value(4).toString() });
    return out;
}

Result<int> ContainerLogStore::sweep(qint64 nowMs)
{
    auto lines = retention::sweep(m_db, kTable, m_retention, nowMs);
    if (!lines)
        return lines;
    auto events = retention::sweep(m_db, u"container_events"_s, m_retention, nowMs);
    if (!events)
        return events;
    return *lines + *events;
}

} // namespace ttalkak::relay
