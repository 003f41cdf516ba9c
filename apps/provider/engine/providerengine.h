#pragma once
// ProviderEngine: the provider's local half, shared by the GUI and --headless. It watches the
// Docker engine, holds the owner's caps, decides whether jobs fit, runs them as hardened
// containers, follows their state through Docker events (never polling), streams their stats
// and logs into bounded buffers, and re-adopts its containers by label after a restart.
//
//   ProviderEngine engine(client, settings);
//   engine.setRelayLink(&link);                 // optional; OfflineRelayLink by default
//   engine.start();                             // health → events → reconcile (re-adopt)
//   connect(&engine, &ProviderEngine::deploymentChanged, view, ...);
//   const JobFit fit = engine.run(request);     // launches when it fits, else says why
//
// Shutting down (shutdown() or destruction) closes streams only: containers keep running and are
// re-adopted by the next start(). Ownership: the client, settings and relay link outlive the
// engine. Thread: the owner thread; every signal fires from its event loop.

#include "caps.h"
#include "deployment.h"
#include "enginehealth.h"
#include "jobfit.h"
#include "logbuffer.h"
#include "relaylink.h"
#include "sourceaccess.h"
#include "usagehistory.h"

#include <docker/eventsjob.h>

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <map>
#include <memory>

class QNetworkAccessManager;

namespace ttalkak::core {
class Settings;
}
namespace ttalkak::docker {
class DockerClient;
class DockerJob;
} // namespace ttalkak::docker

namespace ttalkak::provider {

class ContainerStreams;
class OfflineRelayLink;

class ProviderEngine : public QObject
{
    Q_OBJECT
public:
    // Sharing: accepting jobs. Paused: runs what it has, accepts nothing new. Draining: handing
    // everything back to the relay, then stopping it. Drained: nothing left here.
    enum class Sharing { Sharing, Paused, Draining, Drained };
    Q_ENUM(Sharing)

    ProviderEngine(docker::DockerClient &client, core::Settings &settings, QObject *parent = nullptr);
    ~ProviderEngine() override;

    // Scope: an extra label (key=value) this engine puts on, and requires of, everything it
    // manages — so a test or a second instance never adopts another one's containers.
    void setScopeLabel(const QString &key, const QString &value);
    void setRelayLink(RelayLink *link); // nullptr: back to the offline link
    // Where sources come from and the limits on them, for jobs with a build spec.
    void setSourceAccess(const SourceAccess &access);
    const SourceAccess &sourceAccess() const { return m_access; }
    RelayLink *relayLink() const;

    void start();
    void shutdown();

    EngineHealth &health() { return m_health; }
    const EngineHealth &health() const { return m_health; }
    Isolation isolation() const;
    // Healthy, events subscribed and the first reconcile done.
    bool isReady() const { return m_ready; }

    // Caps
    const Caps &caps() const { return m_caps; }
    const MachineResources &machine() const { return m_machine; }
    void refreshMachine();
    QList<CapIssue> validateCaps(const Caps &caps) const { return caps.validate(m_machine); }
    // Refuses caps with Error issues (InvalidInput, the issues joined); persists the rest.
    core::Result<void> setCaps(const Caps &caps);
    Committed committed() const;

    // Jobs
    JobFit fit(const JobRequest &request) const;
    // Launches when it fits (deploymentAdded fires at once, launchFinished later). With a build
    // spec the deployment is Building first (buildProgress lines, also kept in its logs), then
    // runs the built or reused image; a failed build ends Failed with the builder's error.
    JobFit run(const JobRequest &request);

    // The next generation of a deployment (new spec or image): built and started beside the
    // running one, switched to once it answers, then the old container is removed. Not here
    // yet: runs it like a new job.
    void redeploy(const JobRequest &request);

    // Commands; failures arrive as commandFailed.
    void startDeployment(const QString &id);
    void stopDeployment(const QString &id);
    void restartDeployment(const QString &id);
    void removeDeployment(const QString &id); // container, network and data volume

    // Deployments, in the order they appeared.
    QStringList deploymentIds() const { return m_order; }
    const Deployment *deployment(const QString &id) const;
    QList<UsagePoint> usage(const QString &id) const;
    QList<LogEntry> logs(const QString &id) const;

    // Sharing state
    Sharing sharing() const { return m_sharing; }
    bool isAccepting() const { return m_sharing == Sharing::Sharing; }
    void pauseSharing();
    void resumeSharing();
    void drain();

Q_SIGNALS:
    void healthChanged();
    void readyChanged(bool ready);
    void sharingChanged(ttalkak::provider::ProviderEngine::Sharing sharing);
    void capsChanged();
    void deploymentAdded(const QString &id);
    void deploymentChanged(const QString &id);
    void deploymentRemoved(const QString &id);
    void usageSampled(const QString &id, const ttalkak::provider::UsagePoint &point);
    void logsAppended(const QString &id, const QList<ttalkak::provider::LogEntry> &entries);
    void launchFinished(const QString &id, bool ok, const QString &message);
    // One line of source fetch or image build output for a Building deployment.
    void buildProgress(const QString &id, const QString &line);
    void commandFailed(const QString &id, const QString &message);
    // A reconcile finished: how many containers were adopted from the engine.
    void reconciled(int adopted);
    // Forwarded from whichever relay link is set (it may change after construction).
    void relayConnectedChanged(bool connected);
    void earningsChanged(const QJsonObject &earnings);

private:
    struct Entry;

    void onHealthChanged();
    void subscribeEvents();
    void onEvent(const docker::DockerEvent &event);
    void onEventsEnded(docker::DockerJob *job);
    void reconcile();
    void onReconcileList(docker::DockerJob *job);
    void launch(const JobRequest &request, bool networkPrepared = false);
    void scoped(JobRequest &request) const; // the scope's label and name prefix
    void startBuild(JobRequest request);
    void onBuilt(JobRequest request, const core::Result<QString> &tag);
    void appendBuildLine(const QString &id, const QString &line, bool error = false);
    void removeNetworkAndVolume(const QString &id, const QString &network, const QString &volume);
    void removeNetworkOnly(const QString &id, const QString &network, const QString &volume);
    void onRedeployed(const QString &id, const QString &oldContainerId, const core::Result<Deployment> &launched);
    QNetworkAccessManager &network();
    void onLaunched(const Deployment &deployment, const core::Error &error);
    void refreshPort(const QString &id);
    void attachStreams(Entry &entry);
    void addEntry(const Deployment &deployment);
    void updated(Entry &entry, bool report = true);
    void eraseEntry(const QString &id);
    void command(const QString &id, const QString &what, docker::DockerJob *job);
    void finishDrainIfDone();
    void sweepEgressRules();
    void setReady(bool ready);
    void sayHello();
    void onRelayOffer(const QString &offer, const JobRequest &request);
    void onRelayCommand(RelayCommand command, const QString &id, int generation);
    Entry *entry(const QString &id) const;
    QStringList labelFilters() const;

    docker::DockerClient &m_client;
    core::Settings &m_settings;
    EngineHealth m_health;
    Caps m_caps;
    MachineResources m_machine;
    std::unique_ptr<OfflineRelayLink> m_offline;
    QPointer<RelayLink> m_relay;
    SourceAccess m_access;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QPointer<docker::EventsJob> m_events;
    QPointer<docker::DockerJob> m_reconcileJob;
    bool m_reconcileAgain = false;
    QTimer m_heartbeat;
    std::map<QString, std::unique_ptr<Entry>> m_entries;
    QStringList m_order;
    mutable int m_egress = -1; // EgressGuard available: unknown, no, yes (asked once, lazily)
    mutable QString m_egressNote;
    QString m_scopeKey;
    QString m_scopeValue;
    Sharing m_sharing = Sharing::Sharing;
    bool m_ready = false;
    bool m_egressSwept = false; // stale filter rules of vanished networks removed (once per start)
    bool m_started = false;
};

} // namespace ttalkak::provider
