#pragma once
// Scheduler: places queued deployments on providers and keeps placements true.
//
// Placement: a deployment fits a provider only within the provider's own caps (CPU, memory,
// disk, max deployments) minus everything already placed there (offered or running). Among the
// providers that fit and have not refused this deployment: cheapest for this deployment's
// reservation first, then least loaded (CPU fraction after placement), then id.
//
// Every state change is a compare-and-set UPDATE inside a transaction, and the assignments
// table holds at most one active row per deployment (a partial unique index), so a job is
// never assigned twice and never lost: it is durable as soon as submit() returns, and a relay
// killed at any point resumes from the store (expired offers are re-queued, pending offers are
// re-sent when their provider says hello).
//
// Outputs are signals: sendToProvider() (routed by ControlServer to the provider's socket if
// connected) and deploymentEvent() (to the owner's subscribers). Thread: the relay's main thread.

#include "accountstore.h"
#include "database.h"
#include "records.h"
#include "resourcestore.h"
#include "sourcetokenstore.h"

#include <QJsonArray>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace ttalkak::relay {

class Scheduler : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int offerTimeoutMs = 15000;
        int heartbeatTimeoutMs = 30000;
        int batchSize = 200; // deployments placed per transaction
    };

    Scheduler(Database &db, AccountStore &accounts, ResourceStore &resources, Options options, QObject *parent = nullptr);

    // Starts the timeout sweep and an initial pass (picks up work left by a previous run).
    void start();
    void stop();

    // Persists a queued deployment and schedules a placement pass. `sourceToken` (private git
    // repos) goes only into generation 1's offer, see SourceTokenStore.
    // `alsoStore` runs in the same transaction, after the row exists (e.g. a database's port).
    core::Result<Deployment> submit(const QString &ownerId, const Deployment &draft, const QString &sourceToken = {},
                                    const std::function<core::Result<void>(const Deployment &)> &alsoStore = {});
    // What a redeploy may change: the spec (validated by the caller) and the source token.
    struct Redeploy
    {
        std::optional<QJsonObject> spec;
        QString sourceToken;
    };
    // start | stop | restart | redeploy | delete, from the deployment's owner.
    core::Result<Deployment> command(const QString &ownerId, const QString &deploymentId, const QString &command,
                                     const Redeploy &redeploy = {});

    // From the control protocol (the provider is authenticated by ControlServer).
    core::Result<QJsonObject> providerHello(const QString &providerId, const QJsonObject &hello);
    core::Result<void> providerHeartbeat(const QString &providerId, const QJsonArray &running);
    core::Result<void> offerAnswered(const QString &providerId, const QString &offer, bool accepted, const QString &reason);
    core::Result<void> statusReported(const QString &providerId, const QString &deploymentId, int generation,
                                      const QString &state, const QString &detail);
    // Stops every running deployment of a user (out of credit). Returns how many were stopped.
    core::Result<int> stopAllFor(const QString &ownerId, const QString &reason);
    // True when `deploymentId` is placed on `providerId` right now (usage and logs are accepted).
    bool isPlacedOn(const QString &deploymentId, const QString &providerId) const;

    // Placement pass; normally triggered by kick(), public for tests and benchmarks.
    core::Result<int> runPass();
    // Offer timeouts and lost providers; normally on a timer, public for tests.
    core::Result<void> sweep();
    void kick();

Q_SIGNALS:
    void sendToProvider(const QString &providerId, const QJsonObject &message);
    void deploymentEvent(const QString &ownerId, const QString &deploymentId, const QJsonObject &event);
    void providerLost(const QString &providerId);

private:
    core::Result<void> requeue(const Deployment &d, const QString &outcome, bool exclude, const QString &detail);
    core::Result<void> providerGone(const QString &providerId);
    void emitStatus(const Deployment &d, const QString &reason = {});
    QJsonObject offerMessage(const Deployment &d) const;
    QJsonObject commandMessage(const QString &command, const Deployment &d) const;
    static QString offerKey(const Deployment &d);

    Database &m_db;
    AccountStore &m_accounts;
    ResourceStore &m_resources;
    SourceTokenStore m_sourceTokens;
    Options m_options;
    QTimer m_passTimer;
    QTimer m_sweepTimer;
    quint64 m_messageCounter = 0;
};

} // namespace ttalkak::relay
