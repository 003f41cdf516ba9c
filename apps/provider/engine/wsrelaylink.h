#pragma once
// WsRelayLink: the RelayLink that speaks the relay's control WebSocket (docs/protocol.md,
// "Control WebSocket", protocol version 1) over ws:// or wss://, authenticated with the
// provider's registration key (`ttk_p_…`) as a bearer token.
//
//   WsRelayLink link({.url = QUrl(u"wss://relay.example/v1/ws"_s), .key = key});
//   engine.setRelayLink(&link);      // the engine says hello whenever the link (re)connects
//   link.start();
//   connect(&link, &WsRelayLink::registered, &tunnel, &TunnelService::setMachineId);
//
// Connection: reconnects with exponential backoff and jitter (tunnel::Backoff; reset once a
// hello is acknowledged), honours the relay's `shutdown` (waits `reconnectAfterMs`), gives up on
// a silent socket after three heartbeat intervals. connectedChanged(true) fires on `welcome`;
// registered() once the relay acknowledged `hello` (provider id, heartbeat interval).
// Heartbeats: every interval the relay's ack gives, with the running list the engine last
// reported and the usage minutes not yet acknowledged (addUsage / heartbeat()). Statuses: the
// latest per deployment is re-sent after each hello (the relay does not learn states or ports
// from hello). Nothing grows without bound while offline: one status per deployment, usage up to
// maxPendingUsage minutes, logs up to maxBufferedLogLines (the rest dropped and counted).
// Ids: the engine's ids are mapped to the relay's (OfferParser::relayId) on the wire; engine
// deployments that are not the relay's are never mentioned to it.
// Thread: the owner's. Ownership: owns its socket; the config's parser is copied.

#include "offerparser.h"
#include "relaylink.h"

#include <tunnel/backoff.h>

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <map>
#include <optional>

class QWebSocket;

namespace ttalkak::provider {

struct WsRelayLinkConfig
{
    QUrl url; // ws://host:port/v1/ws or wss://…
    QString key; // the provider registration key
    std::optional<QSslConfiguration> tls; // e.g. a private CA for wss://; default: the system's
    OfferParser parser;
    tunnel::BackoffPolicy backoff;
    int connectTimeoutMs = 10000;
    int logFlushMs = 250;
    int maxBufferedLogLines = 5000;
    int maxPendingUsage = 20000;
};

class WsRelayLink : public RelayLink
{
    Q_OBJECT
public:
    explicit WsRelayLink(WsRelayLinkConfig config, QObject *parent = nullptr);
    ~WsRelayLink() override;

    void start();
    void stop();

    bool isConnected() const override { return m_welcomed; }
    bool isRegistered() const { return m_registered; }
    QString providerId() const { return m_providerId; }
    int heartbeatIntervalMs() const { return m_heartbeatMs; }
    qint64 droppedLogLines() const { return m_droppedLogLines; }
    qint64 droppedUsageMinutes() const { return m_droppedUsage; }
    int pendingUsageMinutes() const { return int(m_usage.size()); }

    // A closed usage minute to report (UsageMeter::minuteClosed); kept until acknowledged.
    void addUsage(const ttalkak::provider::UsageReport &report);

    void hello(const Caps &caps, const MachineResources &machine, const QList<RunningDeployment> &running) override;
    void heartbeat(const QList<RunningDeployment> &running, const QList<UsageReport> &usage) override;
    void answerOffer(const QString &offer, const JobFit &fit) override;
    void reportStatus(const Deployment &deployment) override;
    void reportRemoved(const QString &deploymentId, int generation) override;
    void handBack(const QString &deploymentId, int generation, const QString &reason) override;
    void buildProgress(const QString &deploymentId, const QString &line) override;
    void logs(const QString &deploymentId, const QList<LogEntry> &entries) override;

    static QString stateName(Deployment::State state, int exitCode, bool oomKilled);

Q_SIGNALS:
    void registered(const QString &providerId);
    // An `error` answer to one of our messages (also logged).
    void relayError(const QString &type, const QString &code, const QString &message);
    void shutdownAnnounced(const QString &reason, int reconnectAfterMs);
    void heartbeatAcknowledged(int charged, int duplicates, int refused);

private:
    using UsageKey = std::pair<QString, qint64>; // local deployment id, interval start

    void connectNow();
    void scheduleReconnect();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void onAck(const QString &re, const QJsonObject &message);
    void onError(const QString &re, const QJsonObject &message);
    void onOffer(const QJsonObject &message);
    void onCommand(const QJsonObject &message);
    void onRegistered(const QJsonObject &ack);
    void sendHeartbeat();
    void flushLogs();
    void sendStatus(const QString &localId, const QJsonObject &body);
    QString send(const QString &type, QJsonObject body);
    void forgetDeployment(const QString &localId);

    WsRelayLinkConfig m_config;
    QPointer<QWebSocket> m_socket;
    tunnel::Backoff m_backoff;
    QTimer m_reconnectTimer;
    QTimer m_connectTimer;
    QTimer m_heartbeatTimer;
    QTimer m_logTimer;
    QElapsedTimer m_lastHeard;
    bool m_started = false;
    bool m_welcomed = false;
    bool m_registered = false;
    int m_reconnectAfterMs = 0; // from `shutdown`, for the next attempt only
    QString m_providerId;
    int m_heartbeatMs = 10000;

    QString m_idPrefix;
    quint64 m_nextId = 0;
    QHash<QString, QString> m_pending; // message id → type, for acks and errors
    std::deque<QString> m_pendingOrder;
    QHash<QString, QString> m_handBacks; // message id → local deployment id

    QList<RunningDeployment> m_running;
    std::map<UsageKey, UsageReport> m_usage;
    QHash<QString, QList<UsageKey>> m_usageInFlight; // heartbeat id → minutes it carried
    qint64 m_droppedUsage = 0;

    QHash<QString, QJsonObject> m_lastStatus; // local id → last status body
    QHash<QString, Deployment::State> m_lastState;
    QHash<QString, QJsonObject> m_offers; // relay id → last offered deployment (for redeploy)

    QHash<QString, QJsonArray> m_logs; // local id → lines waiting
    int m_bufferedLogLines = 0;
    qint64 m_droppedLogLines = 0;
};

} // namespace ttalkak::provider
