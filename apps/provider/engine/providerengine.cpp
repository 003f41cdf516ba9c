#include "providerengine.h"
#include "containerstreams.h"
#include "deploymentlauncher.h"
#include "deploymentspec.h"
#include "imagebuilder.h"
#include "logging.h"
#include "offlinerelaylink.h"
#include "egressguard.h"
#include "networkpreparer.h"
#include "redeployer.h"

#include <core/settings.h>
#include <docker/dockerclient.h>

#include <QJsonArray>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace ttalkak::provider {

using docker::ApiJob;
using docker::DockerJob;
using State = Deployment::State;

struct ProviderEngine::Entry
{
    Deployment deployment;
    UsageHistory usage { 300 }; // five minutes at one sample a second
    LogBuffer logs { 2000, 1024 * 1024 };
    std::unique_ptr<ContainerStreams> streams;
    QPointer<ImageBuilder> builder; // while Building
    QPointer<NetworkPreparer> networkPreparer; // beside the build
    bool networkPrepared = false;
    QPointer<Redeployer> redeployer; // while the next generation comes up beside this one
    bool stopRequested = false; // a `die` after our own stop is Stopped, not Exited
    bool handingBack = false;
};

ProviderEngine::ProviderEngine(docker::DockerClient &client, core::Settings &settings, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_settings(settings)
    , m_health(client)
    , m_caps(Caps::load(settings))
    , m_offline(std::make_unique<OfflineRelayLink>())
{
    setRelayLink(nullptr);
    connect(&m_health, &EngineHealth::changed, this, &ProviderEngine::onHealthChanged);
    m_heartbeat.setInterval(15000);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        QList<RunningDeployment> running;
        for (const QString &id : std::as_const(m_order))
            if (const Deployment *d = deployment(id); d && d->isActive())
                running.append({ d->id, d->generation, d->state });
        // Per-minute usage metering for the ledger comes with the relay client.
        m_relay->heartbeat(running, {});
    });
    refreshMachine();
}

ProviderEngine::~ProviderEngine()
{
    shutdown();
}

Isolation ProviderEngine::isolation() const
{
    Isolation i = m_health.isolation();
    if (m_egress < 0) { // once: it runs iptables
        EgressGuard guard;
        m_egress = guard.isAvailable() ? 1 : 0;
        m_egressNote = guard.unavailableReason();
        if (!m_egress)
            qCWarning(lcEngine).noquote() << "container egress is not filtered:" << m_egressNote;
    }
    i.egressFiltered = m_egress == 1;
    i.egressNote = m_egressNote;
    return i;
}

void ProviderEngine::setScopeLabel(const QString &key, const QString &value)
{
    m_scopeKey = key;
    m_scopeValue = value;
}

void ProviderEngine::setRelayLink(RelayLink *link)
{
    if (m_relay)
        disconnect(m_relay, nullptr, this, nullptr);
    m_relay = link ? link : m_offline.get();
    connect(m_relay, &RelayLink::offered, this, &ProviderEngine::onRelayOffer);
    connect(m_relay, &RelayLink::commanded, this, &ProviderEngine::onRelayCommand);
    connect(m_relay, &RelayLink::redeployRequested, this, &ProviderEngine::redeploy);
    connect(m_relay, &RelayLink::connectedChanged, this, &ProviderEngine::relayConnectedChanged);
    connect(m_relay, &RelayLink::earningsChanged, this, &ProviderEngine::earningsChanged);
    connect(m_relay, &RelayLink::connectedChanged, this, [this](bool connected) {
        if (connected && m_ready)
            sayHello();
    });
    connect(m_relay, &RelayLink::handBackDone, this, [this](const QString &id) {
        if (Entry *e = entry(id); e && e->handingBack)
            removeDeployment(id);
    });
}

void ProviderEngine::setSourceAccess(const SourceAccess &access)
{
    m_access = access;
}

QNetworkAccessManager &ProviderEngine::network()
{
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    return *m_network;
}

RelayLink *ProviderEngine::relayLink() const
{
    return m_relay;
}

void ProviderEngine::start()
{
    if (m_started)
        return;
    m_started = true;
    qCInfo(lcEngine).noquote() << "starting; Docker endpoint" << m_client.endpoint().toString();
    m_health.start();
    m_heartbeat.start();
}

void ProviderEngine::shutdown()
{
    if (!m_started)
        return;
    m_started = false;
    m_health.stop();
    m_heartbeat.stop();
    if (m_events) {
        disconnect(m_events, nullptr, this, nullptr);
        m_events->kill();
    }
    if (m_reconcileJob)
        disconnect(m_reconcileJob, nullptr, this, nullptr);
    for (auto &[id, e] : m_entries)
        e->streams->detach();
    setReady(false);
    qCInfo(lcEngine).noquote() << "stopped;" << m_entries.size()
                               << "deployment(s) keep running and will be re-adopted on the next start";
}

void ProviderEngine::refreshMachine()
{
    m_machine = MachineResources::probe(m_health.dataRoot());
}

core::Result<void> ProviderEngine::setCaps(const Caps &caps)
{
    const QList<CapIssue> issues = validateCaps(caps);
    if (Caps::hasErrors(issues)) {
        QStringList messages;
        for (const CapIssue &i : issues)
            if (i.severity == CapIssue::Severity::Error)
                messages << i.message;
        return core::Error(core::ErrorCode::InvalidInput, messages.join(u' '));
    }
    if (caps == m_caps)
        return {};
    m_caps = caps;
    m_caps.save(m_settings);
    qCInfo(lcEngine).noquote() << "caps:" << caps.cpuCores << "cores," << caps.memoryMb << "MB," << caps.diskGb << "GB,"
                               << caps.maxDeployments << "deployments";
    Q_EMIT capsChanged();
    if (m_ready && m_relay->isConnected())
        sayHello();
    return {};
}

Committed ProviderEngine::committed() const
{
    Committed c;
    for (const auto &[id, e] : m_entries) {
        const Deployment &d = e->deployment;
        // A stopped deployment still holds its place: it may be started again at any time.
        if (d.state == State::Removing || d.state == State::Failed)
            continue;
        c.cpuCores += d.cpuCores;
        c.memoryMb += d.memoryMb;
        c.diskGb += d.diskGb;
        ++c.deployments;
    }
    return c;
}

JobFit ProviderEngine::fit(const JobRequest &request) const
{
    FitContext ctx;
    ctx.engineHealthy = m_health.isHealthy();
    ctx.accepting = isAccepting();
    ctx.duplicate = entry(request.deploymentId) != nullptr;
    return JobFit::evaluate(request, m_caps, committed(), ctx);
}

JobFit ProviderEngine::run(const JobRequest &request)
{
    const JobFit verdict = fit(request);
    if (!verdict) {
        qCInfo(lcEngine).noquote() << "refused" << request.deploymentId << ":" << verdict.reasons.join(u"; ");
        return verdict;
    }
    JobRequest r = request;
    scoped(r);
    addEntry(DeploymentSpec::fromRequest(r));
    if (r.build)
        startBuild(r);
    else
        launch(r);
    return verdict;
}

void ProviderEngine::scoped(JobRequest &r) const
{
    if (m_scopeKey.isEmpty())
        return;
    r.extraLabels.insert(m_scopeKey, m_scopeValue);
    // Docker names allow [a-zA-Z0-9_.-]; anything else in the scope value becomes '-'.
    QString tag = m_scopeValue;
    for (QChar &c : tag)
        if (c.unicode() > 127 || (!c.isLetterOrNumber() && c != u'_' && c != u'.' && c != u'-'))
            c = u'-';
    r.namePrefix = u"ttalkak-"_s + tag.left(40) + u'-';
}

void ProviderEngine::launch(const JobRequest &request, bool networkPrepared)
{
    auto *launcher = new DeploymentLauncher(m_client, request, isolation(), this);
    launcher->setNetworkPrepared(networkPrepared);
    connect(launcher, &DeploymentLauncher::finished, this, &ProviderEngine::onLaunched);
    launcher->start();
}

void ProviderEngine::startBuild(JobRequest request)
{
    Entry *e = entry(request.deploymentId);
    e->deployment.state = State::Building;
    updated(*e);
    QMap<QString, QString> labels = request.extraLabels;
    labels.insert(DeploymentSpec::kDeploymentLabel, request.deploymentId);
    auto *builder = new ImageBuilder(m_client, network(), m_access, request.deploymentId, *request.build, labels, this);
    e->builder = builder;
    request.build->source.token.clear(); // only the builder's clone needs it
    const QString id = request.deploymentId;
    connect(builder, &ImageBuilder::progress, this, [this, id](const QString &line) { appendBuildLine(id, line); });
    connect(builder, &ImageBuilder::finished, this,
        [this, request](const core::Result<QString> &tag) { onBuilt(request, tag); });
    builder->start();
    // The network is ready by the time the image is: it costs the launch no time.
    auto *preparer = new NetworkPreparer(
        m_client, e->deployment.network, DeploymentSpec::objectLabels(request), isolation(), this);
    e->networkPreparer = preparer;
    connect(preparer, &NetworkPreparer::finished, this, [this, id](const QString &step, const core::Error &) {
        if (Entry *en = entry(id))
            en->networkPrepared = step.isEmpty(); // a failure: the launch tries again and reports it
    });
    preparer->start();
}

void ProviderEngine::appendBuildLine(const QString &id, const QString &line, bool error)
{
    Entry *e = entry(id);
    if (!e)
        return;
    e->logs.append(LogEntry { line, error });
    Q_EMIT buildProgress(id, line);
}

void ProviderEngine::onBuilt(JobRequest request, const core::Result<QString> &tag)
{
    Entry *e = entry(request.deploymentId);
    if (!e || e->deployment.state != State::Building)
        return; // removed while building
    e->builder = nullptr;
    Deployment &d = e->deployment;
    if (!tag) {
        const QString message = tag.error().toString();
        appendBuildLine(d.id, tr("Build failed: %1").arg(message), true);
        d.state = State::Failed;
        d.detail = message;
        updated(*e);
        Q_EMIT launchFinished(d.id, false, message);
        return;
    }
    request.image = *tag;
    d.image = *tag;
    d.state = State::Creating;
    updated(*e);
    if (e->networkPreparer && !e->networkPreparer->isDone()) { // a build faster than the network
        connect(e->networkPreparer, &NetworkPreparer::finished, this, [this, request] {
            if (const Entry *en = entry(request.deploymentId); en && en->deployment.state == State::Creating)
                launch(request, en->networkPrepared);
        });
        return;
    }
    launch(request, e->networkPrepared);
}

void ProviderEngine::redeploy(const JobRequest &request)
{
    Entry *e = entry(request.deploymentId);
    if (!e) {
        run(request);
        return;
    }
    Deployment &d = e->deployment;
    if (d.state == State::Removing)
        return;
    delete e->redeployer; // a newer generation supersedes one still coming up
    delete e->builder;
    JobRequest r = request;
    scoped(r);
    // Side by side only when the old one serves and nothing is shared between the two.
    const bool replaceFirst = r.kind == DeploymentKind::Database || d.state != State::Running || d.containerId.isEmpty();
    const QString id = r.deploymentId;
    const QString oldContainer = d.containerId;
    auto *rd = new Redeployer(m_client, network(), m_access, isolation(), r, oldContainer, replaceFirst, this);
    e->redeployer = rd;
    if (replaceFirst) { // nothing serves meanwhile: say so
        e->streams->detach();
        d.generation = r.generation;
        d.state = r.build ? State::Building : State::Creating;
        updated(*e);
    }
    appendBuildLine(id, tr("Redeploying as generation %1").arg(r.generation));
    connect(rd, &Redeployer::progress, this, [this, id](const QString &line) { appendBuildLine(id, line); });
    connect(rd, &Redeployer::finished, this, [this, id, oldContainer](const core::Result<Deployment> &launched) {
        onRedeployed(id, oldContainer, launched);
    });
    rd->start();
}

void ProviderEngine::onRedeployed(const QString &id, const QString &oldContainerId, const core::Result<Deployment> &launched)
{
    Entry *e = entry(id);
    if (!e || !e->redeployer) {
        if (launched) // removed meanwhile: the new container has no owner
            m_client.removeContainer(launched->containerId, true, false)->start();
        return;
    }
    const JobRequest next = e->redeployer->request();
    const bool replaced = e->redeployer->replacesFirst();
    e->redeployer = nullptr;
    Deployment &d = e->deployment;
    d.generation = next.generation;
    if (!launched) {
        const QString message = launched.error().message();
        appendBuildLine(id, tr("Redeploy failed: %1").arg(message), true);
        // The relay now considers the deployment failed and stops routing to it, so the old
        // container has nothing left to do.
        if (!replaced && !oldContainerId.isEmpty())
            m_client.removeContainer(oldContainerId, true, false)->start();
        e->streams->detach();
        d.containerId.clear();
        d.hostPort = 0;
        d.state = State::Failed;
        d.detail = message;
        updated(*e);
        Q_EMIT launchFinished(id, false, message);
        return;
    }
    e->streams->detach();
    const Deployment fresh = DeploymentSpec::fromRequest(next);
    d.name = fresh.name;
    d.image = next.image;
    d.cpuCores = fresh.cpuCores;
    d.memoryMb = fresh.memoryMb;
    d.diskGb = fresh.diskGb;
    d.containerPort = fresh.containerPort;
    d.containerId = launched->containerId;
    d.hostPort = launched->hostPort;
    d.startedAt = launched->startedAt;
    d.state = State::Running;
    d.health.clear();
    d.exitCode = 0;
    d.oomKilled = false;
    d.detail.clear();
    e->stopRequested = false;
    attachStreams(*e);
    updated(*e); // the tunnel route moves to the new port; the relay hears `running`
    Q_EMIT launchFinished(id, true, {});
    if (replaced || oldContainerId.isEmpty())
        return;
    // Requests already inside the old container finish during its graceful stop.
    auto *stop = m_client.stopContainer(oldContainerId, 10);
    connect(stop, &DockerJob::result, this, [this, oldContainerId](DockerJob *) {
        m_client.removeContainer(oldContainerId, true, false)->start();
    });
    stop->start();
}

void ProviderEngine::onLaunched(const Deployment &launched, const core::Error &error)
{
    Entry *e = entry(launched.id);
    if (!e)
        return; // removed while launching
    const bool failed = !error.message().isEmpty();
    Deployment &d = e->deployment;
    d.containerId = launched.containerId;
    d.hostPort = launched.hostPort;
    if (failed) {
        d.state = State::Failed;
        d.detail = launched.detail;
    } else if (d.state == State::Creating) { // the start event may have come first
        d.state = launched.state;
        d.startedAt = launched.startedAt;
    }
    if (d.state == State::Running)
        attachStreams(*e);
    updated(*e);
    Q_EMIT launchFinished(d.id, !failed, failed ? d.detail : QString());
}

void ProviderEngine::onHealthChanged()
{
    Q_EMIT healthChanged();
    if (m_health.isHealthy()) {
        if (!m_events && m_started) {
            refreshMachine();
            subscribeEvents();
            reconcile();
        }
    } else {
        if (m_events) {
            disconnect(m_events, nullptr, this, nullptr);
            m_events->kill();
        }
        setReady(false);
    }
}

QStringList ProviderEngine::labelFilters() const
{
    QStringList filters { DeploymentSpec::managedFilter() };
    if (!m_scopeKey.isEmpty())
        filters << m_scopeKey + u'=' + m_scopeValue;
    return filters;
}

void ProviderEngine::subscribeEvents()
{
    docker::EventFilters f;
    f.types = { u"container"_s };
    f.labels = labelFilters();
    m_events = m_client.events(f);
    connect(m_events, &docker::EventsJob::event, this, &ProviderEngine::onEvent);
    connect(m_events, &DockerJob::result, this, &ProviderEngine::onEventsEnded);
    m_events->start();
}

void ProviderEngine::onEventsEnded(DockerJob *job)
{
    // The stream only ends when the engine goes away (or restarts): find out which at once.
    qCWarning(lcEngine).noquote() << "Docker events stream ended:"
                                  << (job->failed() ? job->errorString() : u"closed by the engine"_s);
    m_events = nullptr;
    setReady(false);
    m_health.checkNow();
    // Healthy again without a status change (a quick engine restart): resubscribe ourselves.
    QTimer::singleShot(1000, this, [this] {
        if (m_started && !m_events && m_health.isHealthy()) {
            subscribeEvents();
            reconcile();
        }
    });
}

void ProviderEngine::reconcile()
{
    if (m_reconcileJob) {
        m_reconcileAgain = true;
        return;
    }
    m_reconcileJob = m_client.listContainers(labelFilters(), true);
    connect(m_reconcileJob, &DockerJob::result, this, &ProviderEngine::onReconcileList);
    m_reconcileJob->start();
}

void ProviderEngine::onReconcileList(DockerJob *job)
{
    m_reconcileJob = nullptr;
    if (job->failed()) {
        qCWarning(lcEngine).noquote() << "cannot list containers:" << job->errorString();
        m_health.checkNow();
        return;
    }
    int adopted = 0;
    QSet<QString> seen;
    const QJsonArray list = static_cast<ApiJob *>(job)->json().array();
    for (const QJsonValue &v : list) {
        Deployment found = DeploymentSpec::fromListEntry(v.toObject());
        if (found.id.isEmpty())
            continue;
        seen.insert(found.id);
        Entry *e = entry(found.id);
        if (!e) {
            qCInfo(lcEngine).noquote() << "re-adopted" << found.id << "container" << found.containerId.left(12)
                                       << Deployment::stateName(found.state);
            addEntry(found);
            e = entry(found.id);
            ++adopted;
        } else if (e->redeployer) {
            continue; // two generations side by side for a moment; the redeploy picks
        } else if (found.containerId != e->deployment.containerId && !e->deployment.containerId.isEmpty()
            && found.generation != e->deployment.generation) {
            // Two generations of one deployment (a crash mid-redeploy): keep the newer one.
            const bool foundIsNewer = found.generation > e->deployment.generation;
            const QString stale = foundIsNewer ? e->deployment.containerId : found.containerId;
            qCInfo(lcEngine).noquote() << "removing stale container" << stale.left(12) << "of" << found.id;
            m_client.removeContainer(stale, true, false)->start();
            if (!foundIsNewer)
                continue;
            e->streams->detach();
            e->deployment = found;
            updated(*e, false);
        } else if (e->deployment.state != State::Creating && e->deployment.state != State::Removing) {
            e->deployment.containerId = found.containerId;
            e->deployment.state = found.state;
            if (found.hostPort)
                e->deployment.hostPort = found.hostPort;
            if (!found.health.isEmpty())
                e->deployment.health = found.health;
            updated(*e, false);
        }
        if (e->deployment.state == State::Running)
            attachStreams(*e);
    }
    // Known here but gone from the engine (removed behind our back while we were away).
    const QStringList ids = m_order;
    for (const QString &id : ids) {
        const Entry *e = entry(id);
        if (!seen.contains(id) && e->deployment.state != State::Creating && e->deployment.state != State::Removing
            && e->deployment.state != State::Failed && e->deployment.state != State::Building)
            eraseEntry(id);
    }
    if (m_reconcileAgain) {
        m_reconcileAgain = false;
        reconcile();
        return;
    }
    setReady(true);
    sweepEgressRules();
    Q_EMIT reconciled(adopted);
    if (m_relay->isConnected())
        sayHello();
}

void ProviderEngine::onEvent(const docker::DockerEvent &event)
{
    const QString id = event.attributes.value(DeploymentSpec::kDeploymentLabel);
    Entry *e = entry(id);
    const QString &action = event.action;
    qCDebug(lcEngine).noquote() << "event" << action << id;
    if (!e) {
        if (action == u"create" || action == u"start")
            reconcile(); // created by a previous run or by hand: adopt it
        return;
    }
    Deployment &d = e->deployment;
    if (e->redeployer)
        return; // the redeploy sets the outcome itself; old and new containers both send events
    if (d.containerId.isEmpty())
        d.containerId = event.actorId; // the launcher is still between create and start
    else if (d.containerId != event.actorId)
        return; // an old container of the same deployment
    if (action == u"start") {
        d.state = State::Running;
        d.startedAt = event.time;
        d.exitCode = 0;
        d.oomKilled = false;
        d.health.clear();
        d.detail.clear();
        e->stopRequested = false;
        attachStreams(*e);
        refreshPort(id); // an ephemeral host port changes on every start
    } else if (action == u"die") {
        d.exitCode = event.attributes.value(u"exitCode"_s).toInt();
        if (d.state != State::Removing)
            d.state = e->stopRequested ? State::Stopped : State::Exited;
        d.health.clear();
        if (!e->stopRequested)
            d.detail = d.oomKilled ? tr("Killed: out of memory (limit %1 MB).").arg(d.memoryMb)
                                   : tr("Exited with code %1.").arg(d.exitCode);
    } else if (action == u"oom") {
        d.oomKilled = true;
        d.detail = tr("Killed: out of memory (limit %1 MB).").arg(d.memoryMb);
    } else if (action.startsWith(u"health_status")) {
        d.health = action.section(u':', 1).trimmed();
    } else if (action == u"destroy") {
        if (d.state != State::Removing) {
            qCInfo(lcEngine).noquote() << "container of" << id << "was removed outside Ttalkak";
            eraseEntry(id);
        }
        return;
    } else {
        return; // stop, kill, attach... carry nothing die/start do not
    }
    updated(*e);
}

void ProviderEngine::refreshPort(const QString &id)
{
    const Entry *e = entry(id);
    if (!e || !e->deployment.containerPort)
        return;
    auto *job = m_client.inspectContainer(e->deployment.containerId);
    connect(job, &DockerJob::result, this, [this, id](DockerJob *j) {
        Entry *en = entry(id);
        if (j->failed() || !en)
            return;
        const quint16 port = DeploymentSpec::hostPortFromInspect(
            static_cast<ApiJob *>(j)->json().object(), en->deployment.containerPort);
        if (port && port != en->deployment.hostPort) {
            en->deployment.hostPort = port;
            updated(*en);
        }
    });
    job->start();
}

void ProviderEngine::attachStreams(Entry &e)
{
    if (!e.deployment.containerId.isEmpty() && m_started)
        e.streams->attach(e.deployment.containerId);
}

void ProviderEngine::addEntry(const Deployment &deployment)
{
    auto e = std::make_unique<Entry>();
    e->deployment = deployment;
    e->streams = std::make_unique<ContainerStreams>(m_client);
    const QString id = deployment.id;
    connect(e->streams.get(), &ContainerStreams::sample, this, [this, id](const docker::StatsSample &s) {
        if (Entry *en = entry(id))
            Q_EMIT usageSampled(id, en->usage.append(s));
    });
    connect(e->streams.get(), &ContainerStreams::lines, this, [this, id](const QList<docker::LogLine> &lines) {
        Entry *en = entry(id);
        if (!en)
            return;
        QList<LogEntry> batch;
        batch.reserve(lines.size());
        for (const docker::LogLine &l : lines) {
            LogEntry le { QString::fromUtf8(l.text), l.stream == docker::LogStream::Stderr };
            en->logs.append(le);
            batch.append(std::move(le));
        }
        Q_EMIT logsAppended(id, batch);
    });
    m_entries[id] = std::move(e);
    m_order.append(id);
    Q_EMIT deploymentAdded(id);
}

void ProviderEngine::updated(Entry &e, bool report)
{
    Q_EMIT deploymentChanged(e.deployment.id);
    if (report)
        m_relay->reportStatus(e.deployment);
}

void ProviderEngine::eraseEntry(const QString &id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    it->second->streams->detach();
    m_entries.erase(it);
    m_order.removeOne(id);
    Q_EMIT deploymentRemoved(id);
    finishDrainIfDone();
}

ProviderEngine::Entry *ProviderEngine::entry(const QString &id) const
{
    const auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : it->second.get();
}

const Deployment *ProviderEngine::deployment(const QString &id) const
{
    const Entry *e = entry(id);
    return e ? &e->deployment : nullptr;
}

QList<UsagePoint> ProviderEngine::usage(const QString &id) const
{
    const Entry *e = entry(id);
    return e ? e->usage.points() : QList<UsagePoint>();
}

QList<LogEntry> ProviderEngine::logs(const QString &id) const
{
    const Entry *e = entry(id);
    return e ? e->logs.lines() : QList<LogEntry>();
}

void ProviderEngine::command(const QString &id, const QString &what, DockerJob *job)
{
    connect(job, &DockerJob::result, this, [this, id, what](DockerJob *j) {
        if (!j->failed())
            return;
        qCWarning(lcEngine).noquote() << what << id << "failed:" << j->errorString();
        if (Entry *e = entry(id)) {
            e->deployment.detail = j->errorString();
            updated(*e, false);
        }
        Q_EMIT commandFailed(id, j->errorString());
    });
    job->start();
}

void ProviderEngine::startDeployment(const QString &id)
{
    Entry *e = entry(id);
    if (!e || e->deployment.containerId.isEmpty() || e->deployment.state == State::Removing)
        return;
    e->stopRequested = false;
    command(id, u"start"_s, m_client.startContainer(e->deployment.containerId));
}

void ProviderEngine::stopDeployment(const QString &id)
{
    Entry *e = entry(id);
    if (!e || e->deployment.containerId.isEmpty() || e->deployment.state == State::Removing)
        return;
    e->stopRequested = true;
    command(id, u"stop"_s, m_client.stopContainer(e->deployment.containerId, 5));
}

void ProviderEngine::restartDeployment(const QString &id)
{
    Entry *e = entry(id);
    if (!e || e->deployment.containerId.isEmpty() || e->deployment.state == State::Removing)
        return;
    e->stopRequested = false;
    command(id, u"restart"_s, m_client.restartContainer(e->deployment.containerId, 5));
}

void ProviderEngine::removeDeployment(const QString &id)
{
    Entry *e = entry(id);
    if (!e || e->deployment.state == State::Removing)
        return;
    Deployment &d = e->deployment;
    delete e->builder; // cancels the fetch or build and removes its work directory
    delete e->redeployer; // and a next generation coming up (its container is swept below)
    d.state = State::Removing;
    e->streams->detach();
    updated(*e, false);
    qCInfo(lcEngine).noquote() << "removing" << id;
    const QString network = d.network;
    const QString volume = d.volume;
    auto finishRemoval = [this, id, network, volume] {
        // Any other generation's container too (one left by a redeploy cut short), then the
        // network and volume; failures here only leave garbage behind.
        auto *list = m_client.listContainers(labelFilters() << DeploymentSpec::kDeploymentLabel + u'=' + id, true);
        connect(list, &DockerJob::result, this, [this, id, network, volume](DockerJob *l) {
            // Network and volume once the last container is gone (1 = the listing itself).
            auto pending = std::make_shared<int>(1);
            auto done = [this, id, network, volume, pending] {
                if (--*pending == 0)
                    removeNetworkAndVolume(id, network, volume);
            };
            if (!l->failed()) {
                for (const QJsonValue &c : static_cast<ApiJob *>(l)->json().array()) {
                    ++*pending;
                    auto *rm = m_client.removeContainer(c.toObject().value(u"Id").toString(), true, false);
                    connect(rm, &DockerJob::result, this, [done](DockerJob *) { done(); });
                    rm->start();
                }
            }
            done();
        });
        list->start();
    };
    if (d.containerId.isEmpty()) {
        if (e->networkPreparer && !e->networkPreparer->isDone()) // it would re-create what goes now
            connect(e->networkPreparer, &NetworkPreparer::finished, this, finishRemoval);
        else
            finishRemoval();
        return;
    }
    auto *job = m_client.removeContainer(d.containerId, true, true);
    connect(job, &DockerJob::result, this, [this, id, finishRemoval](DockerJob *j) {
        if (j->failed() && j->error().code() != core::ErrorCode::NotFound) {
            if (Entry *en = entry(id)) {
                en->deployment.state = State::Failed;
                en->deployment.detail = j->errorString();
                updated(*en, false);
            }
            Q_EMIT commandFailed(id, j->errorString());
            return;
        }
        finishRemoval();
    });
    job->start();
}

void ProviderEngine::removeNetworkAndVolume(const QString &id, const QString &network, const QString &volume)
{
    if (isolation().egressFiltered) { // the network's filter rules go with it
        auto *inspect = m_client.inspectNetwork(network);
        connect(inspect, &DockerJob::result, this, [this, id, network, volume](DockerJob *j) {
            if (!j->failed()) {
                for (const QString &subnet : EgressGuard::ipv4Subnets(static_cast<ApiJob *>(j)->json().object()))
                    (void)EgressGuard().release(subnet);
            }
            removeNetworkOnly(id, network, volume);
        });
        inspect->start();
        return;
    }
    removeNetworkOnly(id, network, volume);
}

void ProviderEngine::removeNetworkOnly(const QString &id, const QString &network, const QString &volume)
{
    auto *net = m_client.removeNetwork(network);
    connect(net, &DockerJob::result, this, [this, id, volume](DockerJob *) {
        if (!volume.isEmpty())
            m_client.removeVolume(volume, true)->start();
        if (const Entry *en = entry(id))
            m_relay->reportRemoved(id, en->deployment.generation);
        eraseEntry(id);
    });
    net->start();
}

void ProviderEngine::pauseSharing()
{
    if (m_sharing != Sharing::Sharing)
        return;
    m_sharing = Sharing::Paused;
    qCInfo(lcEngine) << "sharing paused: no new jobs";
    Q_EMIT sharingChanged(m_sharing);
}

void ProviderEngine::resumeSharing()
{
    if (m_sharing == Sharing::Sharing || m_sharing == Sharing::Draining)
        return;
    m_sharing = Sharing::Sharing;
    qCInfo(lcEngine) << "sharing resumed";
    Q_EMIT sharingChanged(m_sharing);
}

void ProviderEngine::drain()
{
    if (m_sharing == Sharing::Draining || m_sharing == Sharing::Drained)
        return;
    m_sharing = Sharing::Draining;
    qCInfo(lcEngine).noquote() << "draining" << m_entries.size() << "deployment(s)";
    Q_EMIT sharingChanged(m_sharing);
    for (const QString &id : std::as_const(m_order)) {
        Entry *e = entry(id);
        e->handingBack = true;
        m_relay->handBack(id, e->deployment.generation, tr("The provider is draining."));
    }
    finishDrainIfDone();
}

void ProviderEngine::finishDrainIfDone()
{
    if (m_sharing != Sharing::Draining || !m_entries.empty())
        return;
    m_sharing = Sharing::Drained;
    qCInfo(lcEngine) << "drained: nothing runs here any more";
    Q_EMIT sharingChanged(m_sharing);
}

void ProviderEngine::sweepEgressRules()
{
    if (m_egressSwept || !isolation().egressFiltered)
        return;
    m_egressSwept = true;
    // Every provider's networks on this engine count (--scope shares one engine), not only ours.
    auto *job = m_client.listNetworks({ DeploymentSpec::managedFilter() });
    connect(job, &DockerJob::result, this, [](DockerJob *j) {
        if (j->failed()) {
            qCWarning(lcEngine).noquote() << "cannot list networks to sweep filter rules:" << j->errorString();
            return;
        }
        QStringList keep;
        for (const QJsonValue &network : static_cast<ApiJob *>(j)->json().array())
            keep += EgressGuard::ipv4Subnets(network.toObject());
        auto released = EgressGuard().releaseAllExcept(keep);
        if (!released)
            qCWarning(lcEngine).noquote() << "cannot sweep filter rules:" << released.error().message();
        else if (!released->isEmpty())
            qCInfo(lcEngine).noquote() << "removed the filter rules of vanished networks" << released->join(u", ");
    });
    job->start();
}

void ProviderEngine::setReady(bool ready)
{
    if (ready == m_ready)
        return;
    m_ready = ready;
    Q_EMIT readyChanged(ready);
}

void ProviderEngine::sayHello()
{
    QList<RunningDeployment> running;
    for (const QString &id : std::as_const(m_order))
        if (const Deployment *d = deployment(id))
            running.append({ d->id, d->generation, d->state });
    m_relay->hello(m_caps, m_machine, running);
}

void ProviderEngine::onRelayOffer(const QString &offer, const JobRequest &request)
{
    const JobFit verdict = fit(request);
    m_relay->answerOffer(offer, verdict);
    if (verdict)
        run(request);
}

void ProviderEngine::onRelayCommand(RelayCommand command, const QString &id, int)
{
    switch (command) {
    case RelayCommand::Start:
        return startDeployment(id);
    case RelayCommand::Stop:
        return stopDeployment(id);
    case RelayCommand::Restart:
        return restartDeployment(id);
    case RelayCommand::Delete:
    case RelayCommand::Remove:
        return removeDeployment(id);
    case RelayCommand::Redeploy:
        // The link emitted redeployRequested with the new request just before this.
        return;
    }
}

} // namespace ttalkak::provider
