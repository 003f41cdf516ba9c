#include "scheduler.h"

#include "logging.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <limits>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {

// A deployment occupies its provider's capacity in every state but these.
const QString kNotPlaced = u"('queued','deleted')"_s;

struct Candidate
{
    QString id;
    Resources capacity;
    int maxDeployments = 0;
    qint64 priceCpuHour = 0;
    qint64 priceGbHour = 0;
    Resources used;
    int count = 0;
};

// Why a deployment is still queued, for its status detail.
QString waitingReason(const Deployment &d, const QList<Candidate> &candidates, const QStringList &excluded)
{
    if (candidates.isEmpty())
        return Scheduler::tr("Waiting for a provider: none is online.");
    bool allExcluded = true;
    for (const Candidate &c : candidates)
        allExcluded = allExcluded && excluded.contains(c.id);
    if (allExcluded)
        return Scheduler::tr("Waiting for a provider: every online one has declined or failed it.");
    return Scheduler::tr("Waiting for a provider with room for %1 CPU, %2 MB of memory and %3 MB of disk.")
        .arg(QString::number(d.resources.cpuMillis / 1000.0, 'g', 3))
        .arg(d.resources.memoryMb)
        .arg(d.resources.diskMb);
}

} // namespace

Scheduler::Scheduler(Database &db, AccountStore &accounts, ResourceStore &resources, Options options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_accounts(accounts)
    , m_resources(resources)
    , m_sourceTokens(db)
    , m_options(options)
{
    m_passTimer.setSingleShot(true);
    m_passTimer.setInterval(0);
    connect(&m_passTimer, &QTimer::timeout, this, [this] {
        if (auto r = runPass(); !r)
            qCWarning(lcScheduler) << "placement pass failed" << r.error().toString();
    });
    m_sweepTimer.setInterval(std::max(10, std::min(m_options.offerTimeoutMs, m_options.heartbeatTimeoutMs) / 4));
    connect(&m_sweepTimer, &QTimer::timeout, this, [this] {
        if (auto r = sweep(); !r)
            qCWarning(lcScheduler) << "sweep failed" << r.error().toString();
    });
}

void Scheduler::start()
{
    // After a restart nobody is connected yet: every provider must say hello again.
    if (auto r = m_db.exec(u"UPDATE providers SET online = 0, last_seen_at = ? WHERE online = 1"_s, {Database::nowMs()}); !r)
        qCWarning(lcScheduler) << "cannot reset provider presence" << r.error().toString();
    m_sweepTimer.start();
    kick();
}

void Scheduler::stop()
{
    m_sweepTimer.stop();
    m_passTimer.stop();
}

void Scheduler::kick()
{
    if (!m_passTimer.isActive())
        m_passTimer.start();
}

QString Scheduler::offerKey(const Deployment &d)
{
    return d.id + u':' + QString::number(d.generation) + u':' + QString::number(d.attempt);
}

QJsonObject Scheduler::offerMessage(const Deployment &d) const
{
    QJsonObject deployment{{u"id"_s, d.id},
                           {u"kind"_s, d.kind},
                           {u"name"_s, d.name},
                           {u"spec"_s, d.spec},
                           {u"resources"_s, d.resources.toJson()},
                           {u"generation"_s, d.generation}};
    auto token = m_sourceTokens.token(d.id, d.generation);
    if (!token)
        qCWarning(lcScheduler).noquote() << "cannot read the source token" << (u"deployment="_s + d.id) << token.error().toString();
    else if (!token->isEmpty())
        deployment.insert(u"sourceToken"_s, *token);
    return {{u"type"_s, u"offer"_s},
            {u"offer"_s, offerKey(d)},
            {u"expiresInMs"_s, m_options.offerTimeoutMs},
            {u"deployment"_s, deployment}};
}

QJsonObject Scheduler::commandMessage(const QString &command, const Deployment &d) const
{
    QJsonObject o{{u"type"_s, u"command"_s}, {u"command"_s, command}, {u"deployment"_s, d.id}, {u"generation"_s, d.generation}};
    if (command == u"redeploy") {
        // Everything an offer carries, so a provider that restarted since the offer can rebuild.
        o.insert(u"spec"_s, d.spec);
        o.insert(u"kind"_s, d.kind);
        o.insert(u"name"_s, d.name);
        o.insert(u"resources"_s, d.resources.toJson());
        auto token = m_sourceTokens.token(d.id, d.generation);
        if (token && !token->isEmpty())
            o.insert(u"sourceToken"_s, *token);
    }
    return o;
}

void Scheduler::emitStatus(const Deployment &d, const QString &reason)
{
    QJsonObject event{{u"type"_s, u"status"_s},
                      {u"deployment"_s, d.id},
                      {u"state"_s, d.state},
                      {u"desired"_s, d.desired},
                      {u"generation"_s, d.generation}};
    if (!d.providerId.isEmpty())
        event.insert(u"providerId"_s, d.providerId);
    if (!reason.isEmpty())
        event.insert(u"reason"_s, reason);
    if (!d.statusDetail.isEmpty()) // the provider's word on it, e.g. the failing build step
        event.insert(u"detail"_s, d.statusDetail);
    Q_EMIT deploymentEvent(d.ownerId, d.id, event);
}

Result<Deployment> Scheduler::submit(const QString &ownerId, const Deployment &draft, const QString &sourceToken,
                                     const std::function<Result<void>(const Deployment &)> &alsoStore)
{
    auto d = m_db.transaction<Deployment>([&]() -> Result<Deployment> {
        auto created = m_resources.createDeployment(ownerId, draft);
        if (!created)
            return created;
        if (auto t = m_sourceTokens.put(created->id, created->generation, sourceToken); !t)
            return t.error();
        if (alsoStore) {
            if (auto a = alsoStore(*created); !a)
                return a.error();
        }
        return created;
    });
    if (!d)
        return d;
    qCInfo(lcScheduler).noquote() << "deployment queued" << (u"deployment="_s + d->id);
    emitStatus(*d);
    kick();
    return d;
}

Result<int> Scheduler::runPass()
{
    const qint64 now = Database::nowMs();
    QList<Candidate> candidates;
    {
        auto q = m_db.exec(u"SELECT id, cpu_millis, memory_mb, disk_mb, max_deployments, price_cpu_hour, price_gb_hour"
                           " FROM providers WHERE online = 1 AND deleted_at IS NULL AND max_deployments > 0"_s);
        if (!q)
            return q.error();
        while (q->next()) {
            Candidate c;
            c.id = q->value(0).toString();
            c.capacity = {q->value(1).toLongLong(), q->value(2).toLongLong(), q->value(3).toLongLong()};
            c.maxDeployments = q->value(4).toInt();
            c.priceCpuHour = q->value(5).toLongLong();
            c.priceGbHour = q->value(6).toLongLong();
            candidates.append(c);
        }
    }
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < candidates.size(); ++i)
        index.insert(candidates[i].id, i);
    {
        auto q = m_db.exec(u"SELECT provider_id, SUM(cpu_millis), SUM(memory_mb), SUM(disk_mb), COUNT(*) FROM deployments"
                           " WHERE provider_id IS NOT NULL AND state NOT IN "_s + kNotPlaced + u" GROUP BY provider_id"_s);
        if (!q)
            return q.error();
        while (q->next()) {
            const auto it = index.constFind(q->value(0).toString());
            if (it == index.cend())
                continue;
            Candidate &c = candidates[*it];
            c.used = {q->value(1).toLongLong(), q->value(2).toLongLong(), q->value(3).toLongLong()};
            c.count = q->value(4).toInt();
        }
    }

    int placedTotal = 0;
    qint64 skip = 0;
    for (;;) {
        QList<Deployment> offered;
        QList<Deployment> waiting; // still queued, with a new reason to show for it
        int fetched = 0;
        auto tx = m_db.transaction<void>([&]() -> Result<void> {
            auto q = m_db.exec(u"SELECT "_s + ResourceStore::deploymentColumns()
                                   + u", excluded FROM deployments WHERE state = 'queued' AND desired = 'running'"
                                     " ORDER BY created_at, id LIMIT ? OFFSET ?"_s,
                               {m_options.batchSize, skip});
            if (!q)
                return q.error();
            QList<std::pair<Deployment, QStringList>> queued;
            while (q->next())
                queued.append({Deployment::fromQuery(*q), q->value(18).toString().split(u',', Qt::SkipEmptyParts)});
            fetched = int(queued.size());
            for (auto &[d, excluded] : queued) {
                Candidate *best = nullptr;
                qint64 bestPrice = std::numeric_limits<qint64>::max();
                double bestLoad = 2.0;
                for (Candidate &c : candidates) {
                    if (excluded.contains(c.id) || c.count + 1 > c.maxDeployments
                        || c.used.cpuMillis + d.resources.cpuMillis > c.capacity.cpuMillis
                        || c.used.memoryMb + d.resources.memoryMb > c.capacity.memoryMb
                        || c.used.diskMb + d.resources.diskMb > c.capacity.diskMb)
                        continue;
                    // Price of this reservation per hour (micro-units); load as CPU fraction after placing.
                    const qint64 price = d.resources.cpuMillis * c.priceCpuHour / 1000 + d.resources.memoryMb * c.priceGbHour / 1024;
                    const double load = c.capacity.cpuMillis > 0
                        ? double(c.used.cpuMillis + d.resources.cpuMillis) / double(c.capacity.cpuMillis)
                        : 1.0;
                    if (price < bestPrice || (price == bestPrice && (load < bestLoad || (load == bestLoad && best && c.id < best->id)))) {
                        best = &c;
                        bestPrice = price;
                        bestLoad = load;
                    }
                }
                if (!best) {
                    ++skip;
                    const QString reason = waitingReason(d, candidates, excluded);
                    if (d.statusDetail == reason)
                        continue; // already said; no write on every scheduling pass
                    auto n = m_db.execCount(u"UPDATE deployments SET status_detail = ?, updated_at = ?"
                                            " WHERE id = ? AND state = 'queued' AND status_detail <> ?"_s,
                                            {reason, now, d.id, reason});
                    if (!n)
                        return n.error();
                    if (*n == 1) { // said once per change, not on every scheduling pass
                        d.statusDetail = reason;
                        waiting.append(d);
                    }
                    continue;
                }
                d.attempt += 1;
                d.providerId = best->id;
                d.state = u"offered"_s;
                d.offerExpiresAt = now + m_options.offerTimeoutMs;
                auto n = m_db.execCount(u"UPDATE deployments SET state = 'offered', provider_id = ?, attempt = ?, offer_expires_at = ?,"
                                        " status_detail = '', ingress_port = 0, updated_at = ? WHERE id = ? AND state = 'queued'"_s,
                                        {d.providerId, d.attempt, d.offerExpiresAt, now, d.id});
                if (!n)
                    return n.error();
                if (*n != 1)
                    continue; // someone else (another relay) took it
                if (auto a = m_db.exec(u"INSERT INTO assignments (deployment_id, provider_id, generation, attempt, outcome, active, created_at)"
                                       " VALUES (?, ?, ?, ?, 'offered', 1, ?)"_s,
                                       {d.id, d.providerId, d.generation, d.attempt, now});
                    !a)
                    return a.error();
                best->used.cpuMillis += d.resources.cpuMillis;
                best->used.memoryMb += d.resources.memoryMb;
                best->used.diskMb += d.resources.diskMb;
                best->count += 1;
                offered.append(d);
            }
            return {};
        });
        if (!tx)
            return tx.error();
        // Only after the commit: a provider never hears of an offer the store does not hold.
        for (const Deployment &d : offered) {
            qCInfo(lcScheduler).noquote() << "offered" << (u"deployment="_s + d.id) << (u"provider="_s + d.providerId)
                                          << (u"attempt="_s + QString::number(d.attempt));
            Q_EMIT sendToProvider(d.providerId, offerMessage(d));
            emitStatus(d);
        }
        for (const Deployment &d : waiting) {
            qCInfo(lcScheduler).noquote() << "waiting" << (u"deployment="_s + d.id) << d.statusDetail;
            emitStatus(d);
        }
        placedTotal += int(offered.size());
        if (fetched < m_options.batchSize)
            break;
    }
    return placedTotal;
}

Result<void> Scheduler::requeue(const Deployment &d, const QString &outcome, bool exclude, const QString &detail)
{
    const qint64 now = Database::nowMs();
    Deployment after = d;
    after.state = d.desired == u"deleted" ? u"deleted"_s : d.desired == u"stopped" ? u"stopped"_s : u"queued"_s;
    after.providerId.clear();
    after.statusDetail = detail;
    auto r = m_db.transaction<bool>([&]() -> Result<bool> {
        QString excluded;
        if (exclude) {
            auto q = m_db.exec(u"SELECT excluded FROM deployments WHERE id = ?"_s, {d.id});
            if (!q)
                return q.error();
            if (q->next())
                excluded = q->value(0).toString();
            excluded += u',' + d.providerId;
        }
        // The public port belonged to the old placement: no ingress to a provider that lost it.
        auto n = m_db.execCount(u"UPDATE deployments SET state = ?, provider_id = NULL, offer_expires_at = NULL, ingress_port = 0,"
                                " excluded = CASE WHEN ? = 1 THEN ? ELSE excluded END, status_detail = ?, updated_at = ?"
                                " WHERE id = ? AND provider_id = ? AND state = ?"_s,
                                {after.state, exclude ? 1 : 0, excluded, detail, now, d.id, d.providerId, d.state});
        if (!n)
            return n.error();
        if (*n != 1)
            return false;
        if (auto a = m_db.exec(u"UPDATE assignments SET active = 0, outcome = ?, ended_at = ? WHERE deployment_id = ? AND active = 1"_s,
                               {outcome, now, d.id});
            !a)
            return a.error();
        return true;
    });
    if (!r)
        return r.error();
    if (*r) {
        qCInfo(lcScheduler).noquote() << "requeued" << (u"deployment="_s + d.id) << (u"from="_s + d.providerId)
                                      << (u"outcome="_s + outcome);
        emitStatus(after, detail);
        kick();
    }
    return {};
}

Result<void> Scheduler::sweep()
{
    const qint64 now = Database::nowMs();
    QList<Deployment> expired;
    {
        auto q = m_db.exec(u"SELECT "_s + ResourceStore::deploymentColumns()
                               + u" FROM deployments WHERE state = 'offered' AND offer_expires_at < ?"_s,
                           {now});
        if (!q)
            return q.error();
        while (q->next())
            expired.append(Deployment::fromQuery(*q));
    }
    for (const Deployment &d : expired) {
        if (auto r = requeue(d, u"timeout"_s, true, tr("the provider did not answer the offer")); !r)
            return r;
        Q_EMIT sendToProvider(d.providerId, commandMessage(u"remove"_s, d)); // in case it answers late
    }
    QStringList lost;
    {
        // Silent for too long: connected-but-mute ones, and disconnected ones that still hold
        // deployments (a disconnect alone is only a blip until the timeout).
        auto q = m_db.exec(u"SELECT id FROM providers WHERE (last_seen_at IS NULL OR last_seen_at < ?) AND (online = 1 OR id IN"
                           " (SELECT provider_id FROM deployments WHERE provider_id IS NOT NULL AND state NOT IN "_s + kNotPlaced + u"))"_s,
                           {now - m_options.heartbeatTimeoutMs});
        if (!q)
            return q.error();
        while (q->next())
            lost << q->value(0).toString();
    }
    for (const QString &id : std::as_const(lost)) {
        qCWarning(lcScheduler).noquote() << "provider lost" << (u"provider="_s + id);
        if (auto r = providerGone(id); !r)
            return r;
        Q_EMIT providerLost(id);
    }
    return {};
}

Result<void> Scheduler::providerGone(const QString &providerId)
{
    if (auto r = m_accounts.setProviderOnline(providerId, false); !r)
        return r;
    QList<Deployment> placed;
    {
        auto q = m_db.exec(u"SELECT "_s + ResourceStore::deploymentColumns()
                               + u" FROM deployments WHERE provider_id = ? AND state NOT IN "_s + kNotPlaced,
                           {providerId});
        if (!q)
            return q.error();
        while (q->next())
            placed.append(Deployment::fromQuery(*q));
    }
    for (const Deployment &d : placed) {
        if (auto r = requeue(d, u"lost"_s, false, tr("the provider stopped answering; rescheduling")); !r)
            return r;
    }
    return {};
}

bool Scheduler::isPlacedOn(const QString &deploymentId, const QString &providerId) const
{
    auto q = m_db.exec(u"SELECT 1 FROM deployments WHERE id = ? AND provider_id = ? AND state NOT IN ('queued','deleted','offered')"_s,
                       {deploymentId, providerId});
    return q && q->next();
}

Result<QJsonObject> Scheduler::providerHello(const QString &providerId, const QJsonObject &hello)
{
    const QJsonObject capacity = hello.value(u"capacity"_s).toObject();
    const QJsonObject price = hello.value(u"price"_s).toObject();
    const Resources caps = Resources::fromJson(capacity);
    const qint64 maxDeployments = capacity.value(u"maxDeployments"_s).toInteger(-1);
    const qint64 priceCpu = price.value(u"cpuHour"_s).toInteger(-1);
    const qint64 priceGb = price.value(u"gbHour"_s).toInteger(-1);
    constexpr qint64 kSane = qint64(1) << 40;
    if (caps.cpuMillis < 0 || caps.memoryMb < 0 || caps.diskMb < 0 || maxDeployments < 0 || maxDeployments > 100000
        || priceCpu < 0 || priceGb < 0 || caps.cpuMillis > kSane || caps.memoryMb > kSane || caps.diskMb > kSane
        || priceCpu > kSane || priceGb > kSane)
        return Error(ErrorCode::InvalidInput,
                     tr("hello needs capacity {cpuMillis, memoryMb, diskMb, maxDeployments} and price {cpuHour, gbHour} as non-negative integers"));
    if (!hello.value(u"running"_s).isArray() && hello.contains(u"running"_s))
        return Error(ErrorCode::InvalidInput, tr("running must be an array"));
    if (auto r = m_accounts.updateProviderOffer(providerId, caps, int(maxDeployments), priceCpu, priceGb,
                                                hello.value(u"caps"_s).toObject());
        !r)
        return r.error();

    // Reconcile what the provider says it runs with what the store says it should run.
    QSet<QString> reported;
    const QJsonArray running = hello.value(u"running"_s).toArray();
    for (const QJsonValue &v : running) {
        const QString id = v.toObject().value(u"deployment"_s).toString();
        const int generation = v.toObject().value(u"generation"_s).toInt();
        if (id.isEmpty())
            continue;
        reported.insert(id);
        auto d = m_resources.deploymentById(id);
        if (!d || d->providerId != providerId || d->state == u"queued" || d->state == u"deleted") {
            // Rescheduled elsewhere (or unknown) while this provider was away: it must go.
            Deployment gone;
            gone.id = id;
            gone.generation = generation;
            qCInfo(lcScheduler).noquote() << "telling returning provider to remove" << (u"deployment="_s + id)
                                          << (u"provider="_s + providerId);
            Q_EMIT sendToProvider(providerId, commandMessage(u"remove"_s, gone));
            continue;
        }
        if (d->state == u"offered") {
            // It runs what we offered: the accept got lost. Count it as accepted.
            if (auto r = offerAnswered(providerId, offerKey(*d), true, {}); !r)
                qCWarning(lcScheduler) << "cannot adopt offered deployment" << r.error().toString();
        }
        if (d->desired == u"deleted")
            Q_EMIT sendToProvider(providerId, commandMessage(u"delete"_s, *d));
        else if (generation < d->generation)
            Q_EMIT sendToProvider(providerId, commandMessage(u"redeploy"_s, *d));
        else if (d->desired == u"stopped" && v.toObject().value(u"state"_s).toString() == u"running")
            Q_EMIT sendToProvider(providerId, commandMessage(u"stop"_s, *d));
    }
    // Placed here but not reported: offers are re-sent, anything else is lost and re-queued.
    QList<Deployment> placed;
    {
        auto q = m_db.exec(u"SELECT "_s + ResourceStore::deploymentColumns()
                               + u" FROM deployments WHERE provider_id = ? AND state NOT IN "_s + kNotPlaced,
                           {providerId});
        if (!q)
            return q.error();
        while (q->next())
            placed.append(Deployment::fromQuery(*q));
    }
    for (Deployment &d : placed) {
        if (reported.contains(d.id))
            continue;
        if (d.state == u"offered") {
            d.offerExpiresAt = Database::nowMs() + m_options.offerTimeoutMs;
            if (auto r = m_db.exec(u"UPDATE deployments SET offer_expires_at = ? WHERE id = ? AND state = 'offered'"_s,
                                   {d.offerExpiresAt, d.id});
                !r)
                return r.error();
            Q_EMIT sendToProvider(providerId, offerMessage(d));
        } else if (d.state == u"deleting") {
            if (auto r = statusReported(providerId, d.id, d.generation, u"removed"_s, {}); !r)
                return r.error();
        } else if (d.state != u"stopped") {
            if (auto r = requeue(d, u"missing"_s, false, tr("the provider no longer runs this deployment; rescheduling")); !r)
                return r.error();
        }
    }
    kick();
    return QJsonObject{{u"providerId"_s, providerId}};
}

Result<void> Scheduler::providerHeartbeat(const QString &providerId, const QJsonArray &running)
{
    auto r = m_db.exec(u"UPDATE providers SET last_seen_at = ?, online = 1 WHERE id = ?"_s, {Database::nowMs(), providerId});
    if (!r)
        return r.error();
    if (running.isEmpty())
        return {};
    QSet<QString> mine;
    auto q = m_db.exec(u"SELECT id FROM deployments WHERE provider_id = ? AND state NOT IN "_s + kNotPlaced, {providerId});
    if (!q)
        return q.error();
    while (q->next())
        mine.insert(q->value(0).toString());
    for (const QJsonValue &v : running) {
        const QString id = v.toObject().value(u"deployment"_s).toString();
        if (!id.isEmpty() && !mine.contains(id)) {
            Deployment gone;
            gone.id = id;
            gone.generation = v.toObject().value(u"generation"_s).toInt();
            Q_EMIT sendToProvider(providerId, commandMessage(u"remove"_s, gone));
        }
    }
    return {};
}

Result<void> Scheduler::offerAnswered(const QString &providerId, const QString &offer, bool accepted, const QString &reason)
{
    const QStringList parts = offer.split(u':');
    auto d = parts.size() == 3 ? m_resources.deploymentById(parts[0]) : Result<Deployment>(Error(ErrorCode::NotFound, {}));
    if (!d || d->providerId != providerId || d->state != u"offered" || offerKey(*d) != offer)
        return Error(ErrorCode::InvalidInput, tr("this offer is no longer valid"));
    if (!accepted)
        return requeue(*d, u"rejected"_s, true, reason.isEmpty() ? tr("rejected by the provider") : reason.left(200));
    const qint64 now = Database::nowMs();
    auto r = m_db.transaction<bool>([&]() -> Result<bool> {
        auto n = m_db.execCount(u"UPDATE deployments SET state = 'assigned', offer_expires_at = NULL, updated_at = ?"
                                " WHERE id = ? AND provider_id = ? AND state = 'offered' AND attempt = ?"_s,
                                {now, d->id, providerId, d->attempt});
        if (!n)
            return n.error();
        if (*n != 1)
            return false;
        if (auto a = m_db.exec(u"UPDATE assignments SET outcome = 'accepted' WHERE deployment_id = ? AND active = 1"_s, {d->id}); !a)
            return a.error();
        return true;
    });
    if (!r)
        return r.error();
    if (!*r)
        return Error(ErrorCode::InvalidInput, tr("this offer is no longer valid"));
    d->state = u"assigned"_s;
    qCInfo(lcScheduler).noquote() << "accepted" << (u"deployment="_s + d->id) << (u"provider="_s + providerId);
    emitStatus(*d);
    return {};
}

Result<void> Scheduler::statusReported(const QString &providerId, const QString &deploymentId, int generation,
                                       const QString &state, const QString &detail)
{
    static const QStringList states{u"building"_s, u"running"_s, u"stopped"_s, u"failed"_s, u"removed"_s};
    if (!states.contains(state))
        return Error(ErrorCode::InvalidInput, tr("unknown state"));
    auto d = m_resources.deploymentById(deploymentId);
    if (!d || d->providerId != providerId || d->state == u"queued" || d->state == u"deleted" || d->state == u"offered")
        return Error(ErrorCode::NotFound, tr("this deployment is not placed on this provider"));
    if (generation != d->generation)
        return {}; // a report about an older build: harmless, ignored
    // The clone is over (or hopeless): the source token has done its job.
    // (A "removed" that re-queues keeps it: the next provider clones again.)
    if (state == u"running" || state == u"failed" || (state == u"removed" && d->desired == u"deleted")) {
        if (auto t = state == u"removed" ? m_sourceTokens.dropAll(d->id) : m_sourceTokens.drop(d->id, generation); !t)
            return t;
    }
    const qint64 now = Database::nowMs();
    if (state == u"removed") {
        if (d->desired != u"deleted")
            return requeue(*d, u"removed"_s, false, tr("removed by the provider; rescheduling"));
        auto r = m_db.transaction<void>([&]() -> Result<void> {
            if (auto n = m_db.exec(u"UPDATE deployments SET state = 'deleted', updated_at = ? WHERE id = ? AND provider_id = ?"_s,
                                   {now, d->id, providerId});
                !n)
                return n.error();
            if (auto a = m_db.exec(u"UPDATE assignments SET active = 0, outcome = 'removed', ended_at = ? WHERE deployment_id = ? AND active = 1"_s,
                                   {now, d->id});
                !a)
                return a.error();
            return {};
        });
        if (!r)
            return r;
        d->state = u"deleted"_s;
        emitStatus(*d);
        kick(); // capacity freed
        return {};
    }
    if (d->state == u"deleting")
        return {}; // it is going away; a late "running" must not resurrect it
    auto n = m_db.exec(u"UPDATE deployments SET state = ?, status_detail = ?, updated_at = ? WHERE id = ? AND provider_id = ?"_s,
                       {state, detail.left(500), now, d->id, providerId});
    if (!n)
        return n.error();
    d->state = state;
    d->statusDetail = detail.left(500);
    emitStatus(*d);
    return {};
}

Result<Deployment> Scheduler::command(const QString &ownerId, const QString &deploymentId, const QString &command,
                                     const Redeploy &redeploy)
{
    auto found = m_resources.deployment(ownerId, deploymentId);
    if (!found)
        return found;
    Deployment d = *found;
    const qint64 now = Database::nowMs();
    const bool placed = !d.providerId.isEmpty() && d.state != u"queued" && d.state != u"deleted" && d.state != u"offered";
    auto set = [&](const QString &desired, const QString &state, int generation) -> Result<void> {
        auto n = m_db.execCount(u"UPDATE deployments SET desired = ?, state = ?, generation = ?, excluded = CASE WHEN ? = 1 THEN '' ELSE excluded END,"
                                " updated_at = ? WHERE id = ? AND state = ? AND generation = ?"_s,
                                {desired, state, generation, generation != d.generation ? 1 : 0, now, d.id, d.state, d.generation});
        if (!n)
            return n.error();
        if (*n != 1)
            return Error(ErrorCode::Unavailable, tr("the deployment changed meanwhile; try again"));
        d.desired = desired;
        d.state = state;
        d.generation = generation;
        return {};
    };
    Result<void> r;
    if (command == u"stop") {
        if (d.state == u"offered") {
            if (r = set(u"stopped"_s, d.state, d.generation); r)
                r = requeue(d, u"cancelled"_s, false, {});
            Q_EMIT sendToProvider(found->providerId, commandMessage(u"remove"_s, d));
        } else if (placed) {
            if (r = set(u"stopped"_s, d.state, d.generation); r)
                Q_EMIT sendToProvider(d.providerId, commandMessage(u"stop"_s, d));
        } else {
            r = set(u"stopped"_s, d.state == u"queued" ? u"stopped"_s : d.state, d.generation);
        }
    } else if (command == u"start") {
        if (placed) {
            if (r = set(u"running"_s, d.state, d.generation); r)
                Q_EMIT sendToProvider(d.providerId, commandMessage(u"start"_s, d));
        } else {
            r = set(u"running"_s, d.state == u"stopped" ? u"queued"_s : d.state, d.generation);
        }
    } else if (command == u"restart") {
        if (!placed)
            return Error(ErrorCode::Unsupported, tr("the deployment is not running on any provider"));
        if (r = set(u"running"_s, d.state, d.generation); r)
            Q_EMIT sendToProvider(d.providerId, commandMessage(u"restart"_s, d));
    } else if (command == u"redeploy") {
        if (d.state == u"offered")
            return Error(ErrorCode::Unavailable, tr("the deployment is being placed; try again"));
        // The new generation, its spec and its token together, before anyone hears of it.
        r = m_db.transaction<void>([&]() -> Result<void> {
            if (auto s = set(u"running"_s, placed ? u"assigned"_s : u"queued"_s, d.generation + 1); !s)
                return s;
            if (redeploy.spec) {
                if (auto u = m_db.exec(u"UPDATE deployments SET spec = ? WHERE id = ?"_s, {toJsonText(*redeploy.spec), d.id}); !u)
                    return u.error();
                d.spec = *redeploy.spec;
            }
            return m_sourceTokens.put(d.id, d.generation, redeploy.sourceToken);
        });
        if (r && placed)
            Q_EMIT sendToProvider(d.providerId, commandMessage(u"redeploy"_s, d));
    } else if (command == u"delete") {
        if (auto t = m_sourceTokens.dropAll(d.id); !t)
            return t.error();
        if (placed || d.state == u"offered") {
            const QString provider = d.providerId;
            if (r = set(u"deleted"_s, u"deleting"_s, d.generation); r)
                Q_EMIT sendToProvider(provider, commandMessage(u"delete"_s, d));
            if (r && found->state == u"offered") {
                // Nothing runs yet: finish at once instead of waiting for the provider.
                auto a = m_db.exec(u"UPDATE assignments SET active = 0, outcome = 'cancelled', ended_at = ? WHERE deployment_id = ? AND active = 1"_s,
                                   {now, d.id});
                auto s = m_db.exec(u"UPDATE deployments SET state = 'deleted' WHERE id = ?"_s, {d.id});
                if (!a || !s)
                    r = !a ? a.error() : s.error();
                d.state = u"deleted"_s;
            }
        } else {
            r = set(u"deleted"_s, u"deleted"_s, d.generation);
        }
    } else {
        return Error(ErrorCode::InvalidInput, tr("unknown command; use start, stop, restart, redeploy or delete"));
    }
    if (!r)
        return r.error();
    qCInfo(lcScheduler).noquote() << "command" << (u"deployment="_s + d.id) << (u"command="_s + command);
    emitStatus(d);
    kick();
    return d;
}

Result<int> Scheduler::stopAllFor(const QString &ownerId, const QString &reason)
{
    QStringList ids;
    {
        auto q = m_db.exec(u"SELECT id FROM deployments WHERE owner_id = ? AND desired = 'running' AND state <> 'deleted'"_s, {ownerId});
        if (!q)
            return q.error();
        while (q->next())
            ids << q->value(0).toString();
    }
    int stopped = 0;
    for (const QString &id : std::as_const(ids)) {
        auto r = command(ownerId, id, u"stop"_s);
        if (!r)
            qCWarning(lcScheduler).noquote() << "cannot stop" << (u"deployment="_s + id) << r.error().toString();
        else
            ++stopped;
    }
    if (stopped)
        qCWarning(lcScheduler).noquote() << "stopped deployments" << (u"user="_s + ownerId) << (u"count="_s + QString::number(stopped))
                                         << reason;
    return stopped;
}

} // namespace ttalkak::relay
