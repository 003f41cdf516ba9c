#include "wsrelaylink.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace ttalkak::provider {

namespace {
Q_LOGGING_CATEGORY(lcRelay, "ttalkak.provider.relay", QtInfoMsg)

constexpr int kMaxLinesPerMessage = 1000; // the relay's limit
constexpr qsizetype kMaxLineChars = 4096; // the relay cuts there anyway
// The relay closes the socket (1009) above --max-frame-bytes, 256 KiB by default.
constexpr qsizetype kMaxMessageBytes = 192 * 1024;
constexpr int kMaxUsagePerHeartbeat = 500;
constexpr qint64 kUsageMaxAgeSeconds = 7 * 24 * 3600 - 3600; // the relay accepts the last 7 days
constexpr int kMaxPendingMessages = 1024;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString relayIdOrEmpty(const QString &localId)
{
    // Only deployments the relay placed (their ids map back) are ever mentioned to it.
    return OfferParser::localId(OfferParser::relayId(localId)) == localId ? OfferParser::relayId(localId) : QString();
}
} // namespace

WsRelayLink::WsRelayLink(WsRelayLinkConfig config, QObject *parent)
    : RelayLink(parent)
    , m_config(std::move(config))
    , m_backoff(m_config.backoff)
    , m_idPrefix(u"p-%1-"_s.arg(uint(QRandomGenerator::system()->generate() & 0xffffff), 6, 16, QChar(u'0')))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &WsRelayLink::connectNow);
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcRelay).noquote() << "relay did not answer within" << m_config.connectTimeoutMs << "ms";
        if (m_socket)
            m_socket->abort();
    });
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &WsRelayLink::sendHeartbeat);
    m_logTimer.setInterval(m_config.logFlushMs);
    connect(&m_logTimer, &QTimer::timeout, this, &WsRelayLink::flushLogs);
}

WsRelayLink::~WsRelayLink()
{
    m_started = false;
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        delete m_socket;
    }
}

void WsRelayLink::start()
{
    if (m_started)
        return;
    m_started = true;
    connectNow();
}

void WsRelayLink::stop()
{
    m_started = false;
    m_reconnectTimer.stop();
    if (m_socket)
        m_socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"provider stopping"_s);
}

void WsRelayLink::connectNow()
{
    if (!m_started || m_socket)
        return;
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    if (m_config.tls)
        socket->setSslConfiguration(*m_config.tls);
    connect(socket, &QWebSocket::connected, this, &WsRelayLink::onConnected);
    connect(socket, &QWebSocket::disconnected, this, &WsRelayLink::onDisconnected);
    connect(socket, &QWebSocket::textMessageReceived, this, &WsRelayLink::onText);
    // Qt 6.4 names it error(); errorOccurred() came in 6.5.
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [socket](QAbstractSocket::SocketError) {
            qCInfo(lcRelay).noquote() << "relay connection error:" << socket->errorString();
        });
    connect(socket, &QWebSocket::sslErrors, this, [](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            qCWarning(lcRelay).noquote() << "TLS:" << e.errorString();
    });
    QNetworkRequest request(m_config.url);
    request.setRawHeader("Authorization", "Bearer " + m_config.key.toUtf8());
    qCInfo(lcRelay).noquote() << "connecting to" << m_config.url.toString(QUrl::RemoveUserInfo);
    m_connectTimer.start(m_config.connectTimeoutMs);
    socket->open(request);
}

void WsRelayLink::scheduleReconnect()
{
    if (!m_started || m_reconnectTimer.isActive())
        return;
    const int delay = std::max(std::exchange(m_reconnectAfterMs, 0), m_backoff.nextDelayMs());
    qCInfo(lcRelay) << "reconnecting in" << delay << "ms";
    m_reconnectTimer.start(delay);
}

void WsRelayLink::onConnected()
{
    m_lastHeard.start();
    qCDebug(lcRelay) << "socket open; waiting for welcome";
}

void WsRelayLink::onDisconnected()
{
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    m_connectTimer.stop();
    m_heartbeatTimer.stop();
    m_logTimer.stop();
    const bool wasWelcomed = std::exchange(m_welcomed, false);
    m_registered = false;
    if (socket) {
        const int code = socket->closeCode();
        qCInfo(lcRelay).noquote() << "relay connection closed:" << code << socket->closeReason();
        // Another process holds this provider's session: do not fight over it at full speed.
        if (code == 4001)
            m_reconnectAfterMs = std::max(m_reconnectAfterMs, m_config.backoff.maxMs);
        socket->deleteLater();
    }
    m_pending.clear();
    m_pendingOrder.clear();
    m_usageInFlight.clear(); // not acknowledged: the minutes stay in m_usage for the next heartbeat
    // Nobody holds those deployments for us any more: the relay re-queues them on its own.
    const QStringList handedBack = m_handBacks.values();
    m_handBacks.clear();
    for (const QString &id : handedBack)
        Q_EMIT handBackDone(id);
    if (wasWelcomed)
        Q_EMIT connectedChanged(false);
    scheduleReconnect();
}

QString WsRelayLink::send(const QString &type, QJsonObject body)
{
    if (!m_socket || !m_welcomed)
        return {};
    const QString id = m_idPrefix + QString::number(++m_nextId);
    body.insert(u"v"_s, 1);
    body.insert(u"id"_s, id);
    body.insert(u"type"_s, type);
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)));
    m_pending.insert(id, type);
    m_pendingOrder.push_back(id);
    while (m_pendingOrder.size() > kMaxPendingMessages) {
        m_pending.remove(m_pendingOrder.front());
        m_usageInFlight.remove(m_pendingOrder.front());
        m_pendingOrder.pop_front();
    }
    return id;
}

void WsRelayLink::onText(const QString &text)
{
    m_lastHeard.start();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    const QJsonObject m = doc.object();
    if (error.error != QJsonParseError::NoError || !doc.isObject() || m.value(u"v"_s).toInt() != 1) {
        qCWarning(lcRelay).noquote() << "ignoring a malformed message from the relay:" << text.left(200);
        return;
    }
    const QString type = m.value(u"type"_s).toString();
    const QString re = m.value(u"re"_s).toString();
    if (type == u"welcome") {
        m_connectTimer.stop();
        m_welcomed = true;
        qCInfo(lcRelay).noquote() << "connected as" << m.value(u"role"_s).toString();
        Q_EMIT connectedChanged(true); // the engine answers with hello()
    } else if (type == u"ack") {
        onAck(re, m);
    } else if (type == u"error") {
        onError(re, m);
    } else if (type == u"offer") {
        onOffer(m);
    } else if (type == u"command") {
        onCommand(m);
    } else if (type == u"shutdown") {
        m_reconnectAfterMs = std::clamp(m.value(u"reconnectAfterMs"_s).toInt(1000), 0, 60000);
        const QString reason = m.value(u"reason"_s).toString();
        qCInfo(lcRelay).noquote() << "relay shutting down:" << reason << "- reconnecting after" << m_reconnectAfterMs
                                  << "ms";
        Q_EMIT shutdownAnnounced(reason, m_reconnectAfterMs);
    } else {
        qCDebug(lcRelay).noquote() << "ignoring message type" << type.left(64);
    }
}

void WsRelayLink::onAck(const QString &re, const QJsonObject &m)
{
    const QString type = m_pending.take(re);
    if (type == u"hello") {
        onRegistered(m);
    } else if (type == u"heartbeat") {
        for (const UsageKey &k : m_usageInFlight.take(re))
            m_usage.erase(k);
        const QJsonArray refused = m.value(u"refused"_s).toArray();
        for (const QJsonValue &v : refused)
            qCWarning(lcRelay).noquote() << "usage refused for" << v[u"deployment"].toString() << v[u"code"].toString();
        Q_EMIT heartbeatAcknowledged(
            m.value(u"charged"_s).toInt(), m.value(u"duplicates"_s).toInt(), int(refused.size()));
        if (m.value(u"earnings"_s).isObject())
            Q_EMIT earningsChanged(m.value(u"earnings"_s).toObject());
    } else if (m_handBacks.contains(re)) {
        Q_EMIT handBackDone(m_handBacks.take(re));
    }
}

void WsRelayLink::onError(const QString &re, const QJsonObject &m)
{
    const QString type = m_pending.take(re);
    const QString code = m.value(u"code"_s).toString();
    const QString message = m.value(u"message"_s).toString();
    qCWarning(lcRelay).noquote() << "relay refused" << (type.isEmpty() ? u"a message"_s : type) << re << ":" << code
                                 << message;
    Q_EMIT relayError(type, code, message);
    if (type == u"heartbeat") {
        // A refused heartbeat would be refused again: its minutes are lost, and counted.
        const QList<UsageKey> keys = m_usageInFlight.take(re);
        for (const UsageKey &k : keys)
            m_usage.erase(k);
        m_droppedUsage += keys.size();
    } else if (type == u"hello" && m_socket) {
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, u"hello refused"_s); // try again later
    } else if (m_handBacks.contains(re)) {
        Q_EMIT handBackDone(m_handBacks.take(re)); // not placed here: nothing to give back
    }
}

void WsRelayLink::onRegistered(const QJsonObject &ack)
{
    m_registered = true;
    m_backoff.reset();
    m_providerId = ack.value(u"providerId"_s).toString();
    m_heartbeatMs = std::clamp(ack.value(u"heartbeatIntervalMs"_s).toInt(10000), 1000, 600000);
    qCInfo(lcRelay).noquote() << "registered as provider" << m_providerId << "; heartbeat every" << m_heartbeatMs
                              << "ms";
    m_heartbeatTimer.start(m_heartbeatMs);
    m_logTimer.start();
    // The relay does not learn states or ports from hello: tell it again what it may have missed.
    const QHash<QString, QJsonObject> statuses = m_lastStatus;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        send(u"status"_s, *it);
    sendHeartbeat();
    Q_EMIT registered(m_providerId);
}

void WsRelayLink::onOffer(const QJsonObject &m)
{
    const QString offer = m.value(u"offer"_s).toString();
    if (offer.isEmpty() || offer.size() > 256) {
        qCWarning(lcRelay) << "ignoring an offer without a key";
        return;
    }
    const QJsonObject deployment = m.value(u"deployment"_s).toObject();
    auto request = m_config.parser.parseDeployment(deployment);
    if (!request) {
        qCWarning(lcRelay).noquote() << "rejecting offer" << offer << ":" << request.error().message();
        send(u"reject"_s, { { u"offer"_s, offer }, { u"reason"_s, request.error().message().left(200) } });
        return;
    }
    qCInfo(lcRelay).noquote() << "offered" << deployment.value(u"id"_s).toString() << "generation"
                              << request->generation;
    QJsonObject cached = deployment;
    cached.remove(u"sourceToken"_s); // used for this clone only, never kept
    m_offers.insert(deployment.value(u"id"_s).toString(), cached);
    Q_EMIT offered(offer, *request);
}

void WsRelayLink::onCommand(const QJsonObject &m)
{
    static const QHash<QString, RelayCommand> commands {
        { u"start"_s, RelayCommand::Start },
        { u"stop"_s, RelayCommand::Stop },
        { u"restart"_s, RelayCommand::Restart },
        { u"redeploy"_s, RelayCommand::Redeploy },
        { u"delete"_s, RelayCommand::Delete },
        { u"remove"_s, RelayCommand::Remove },
    };
    const QString name = m.value(u"command"_s).toString();
    const QString relayId = m.value(u"deployment"_s).toString();
    const QString localId = OfferParser::localId(relayId);
    const int generation = m.value(u"generation"_s).toInt();
    const auto it = commands.constFind(name);
    if (it == commands.cend() || localId.isEmpty()) {
        qCWarning(lcRelay).noquote() << "ignoring command" << name.left(32) << "for" << relayId.left(64);
        return;
    }
    qCInfo(lcRelay).noquote() << "command" << name << relayId << "generation" << generation;
    if (*it == RelayCommand::Remove)
        forgetDeployment(localId); // not ours any more: no usage, no logs for it
    if (*it == RelayCommand::Redeploy) {
        // The offer this process accepted, or (after a provider restart) what the relay sends
        // along with the command: the deployment's name, kind and resources.
        QJsonObject cached = m_offers.value(relayId);
        if (cached.isEmpty() && m.contains(u"resources"_s))
            cached = { { u"id"_s, relayId }, { u"kind"_s, m.value(u"kind"_s) }, { u"name"_s, m.value(u"name"_s) },
                { u"resources"_s, m.value(u"resources"_s) } };
        if (!cached.isEmpty()) {
            QJsonObject d = cached;
            d.insert(u"generation"_s, generation);
            d.insert(u"spec"_s, m.value(u"spec"_s));
            if (m.contains(u"sourceToken"_s))
                d.insert(u"sourceToken"_s, m.value(u"sourceToken"_s));
            auto request = m_config.parser.parseDeployment(d);
            if (request) {
                d.remove(u"sourceToken"_s);
                m_offers.insert(relayId, d);
                Q_EMIT redeployRequested(*request);
            } else {
                qCWarning(lcRelay).noquote()
                    << "redeploy of" << relayId << "has a bad spec:" << request.error().message();
                send(u"status"_s,
                    { { u"deployment"_s, relayId }, { u"generation"_s, generation }, { u"state"_s, u"failed"_s },
                        { u"detail"_s, request.error().message().left(500) } });
                return;
            }
        } else {
            qCWarning(lcRelay).noquote() << "redeploy of" << relayId << "which was not offered to this process";
        }
    }
    Q_EMIT commanded(*it, localId, generation);
}

void WsRelayLink::forgetDeployment(const QString &localId)
{
    for (auto it = m_usage.begin(); it != m_usage.end();)
        it = it->first.first == localId ? m_usage.erase(it) : std::next(it);
    m_bufferedLogLines -= int(m_logs.take(localId).size());
    m_lastStatus.remove(localId);
    m_lastState.remove(localId);
    m_running.removeIf([&](const RunningDeployment &r) { return r.deploymentId == localId; });
}

void WsRelayLink::hello(const Caps &caps, const MachineResources &machine, const QList<RunningDeployment> &running)
{
    QJsonArray list;
    for (const RunningDeployment &r : running) {
        const QString id = relayIdOrEmpty(r.deploymentId);
        if (id.isEmpty() || r.state == Deployment::State::Removing)
            continue;
        list.append(QJsonObject {
            { u"deployment"_s, id }, { u"generation"_s, r.generation }, { u"state"_s, stateName(r.state, 0, false) } });
    }
    m_running.clear();
    for (const RunningDeployment &r : running)
        if (r.state == Deployment::State::Running || r.state == Deployment::State::Creating)
            m_running.append(r);
    const QJsonObject capacity { { u"cpuMillis"_s, qRound64(caps.cpuCores * 1000) }, { u"memoryMb"_s, caps.memoryMb },
        { u"diskMb"_s, caps.diskGb * 1024 }, { u"maxDeployments"_s, caps.maxDeployments } };
    const QJsonObject price { { u"cpuHour"_s, qRound64(caps.pricePerCpuHour) },
        { u"gbHour"_s, qRound64(caps.pricePerGbHour) } };
    const QJsonObject machineCaps { { u"cpuCores"_s, machine.cpuCores }, { u"memoryTotalMb"_s, machine.memoryTotalMb },
        { u"diskFreeGb"_s, machine.diskFreeGb }, { u"kinds"_s, QJsonArray { u"app"_s, u"database"_s } } };
    if (send(u"hello"_s,
            { { u"capacity"_s, capacity }, { u"price"_s, price }, { u"caps"_s, machineCaps }, { u"running"_s, list } })
            .isEmpty())
        qCDebug(lcRelay) << "hello while offline: sent again on connect";
}

void WsRelayLink::heartbeat(const QList<RunningDeployment> &running, const QList<UsageReport> &usage)
{
    m_running = running; // sent at the relay's pace by sendHeartbeat()
    for (const UsageReport &u : usage)
        addUsage(u);
}

void WsRelayLink::addUsage(const UsageReport &report)
{
    if (relayIdOrEmpty(report.deploymentId).isEmpty() || report.seconds < 1 || report.seconds > 60)
        return;
    m_usage[{ report.deploymentId, report.intervalStart }] = report;
    while (int(m_usage.size()) > m_config.maxPendingUsage) {
        // Oldest minute first would be fairer, but the map is ordered by deployment; either way
        // it is lost income, so count it.
        m_usage.erase(m_usage.begin());
        ++m_droppedUsage;
    }
}

void WsRelayLink::sendHeartbeat()
{
    if (!m_registered)
        return;
    if (m_lastHeard.isValid() && m_lastHeard.elapsed() > 3LL * m_heartbeatMs && m_socket) {
        qCWarning(lcRelay) << "relay silent for" << m_lastHeard.elapsed() << "ms; reconnecting";
        m_socket->abort();
        return;
    }
    QJsonArray running;
    for (const RunningDeployment &r : std::as_const(m_running))
        if (const QString id = relayIdOrEmpty(r.deploymentId); !id.isEmpty())
            running.append(QJsonObject { { u"deployment"_s, id }, { u"generation"_s, r.generation } });
    QJsonArray usage;
    QList<UsageKey> carried;
    QSet<UsageKey> inFlight;
    for (const QList<UsageKey> &keys : std::as_const(m_usageInFlight))
        for (const UsageKey &k : keys)
            inFlight.insert(k);
    const qint64 oldest = QDateTime::currentSecsSinceEpoch() - kUsageMaxAgeSeconds;
    for (auto it = m_usage.begin(); it != m_usage.end() && usage.size() < kMaxUsagePerHeartbeat;) {
        const UsageReport &u = it->second;
        if (u.intervalStart < oldest) {
            it = m_usage.erase(it);
            ++m_droppedUsage;
            continue;
        }
        if (!inFlight.contains(it->first)) {
            QJsonObject o { { u"deployment"_s, OfferParser::relayId(u.deploymentId) },
                { u"interval"_s, u.intervalStart }, { u"seconds"_s, u.seconds },
                { u"cpuPercent"_s, qRound(u.cpuPercent * 10) / 10.0 }, { u"memoryMb"_s, qRound64(u.memoryMb) } };
            usage.append(o);
            carried.append(it->first);
        }
        ++it;
    }
    QJsonObject body { { u"running"_s, running } };
    if (!usage.isEmpty())
        body.insert(u"usage"_s, usage);
    const QString id = send(u"heartbeat"_s, body);
    if (!id.isEmpty() && !carried.isEmpty())
        m_usageInFlight.insert(id, carried);
}

void WsRelayLink::answerOffer(const QString &offer, const JobFit &fit)
{
    if (fit)
        send(u"accept"_s, { { u"offer"_s, offer } });
    else
        send(u"reject"_s, { { u"offer"_s, offer }, { u"reason"_s, fit.reasons.join(u"; "_s).left(200) } });
}

QString WsRelayLink::stateName(Deployment::State state, int exitCode, bool oomKilled)
{
    switch (state) {
    case Deployment::State::Building: // fetching and building the image
    case Deployment::State::Creating:
        return u"building"_s;
    case Deployment::State::Running:
        return u"running"_s;
    case Deployment::State::Stopped:
        return u"stopped"_s;
    case Deployment::State::Exited:
        return exitCode == 0 && !oomKilled ? u"stopped"_s : u"failed"_s;
    case Deployment::State::Failed:
        return u"failed"_s;
    case Deployment::State::Removing:
        break;
    }
    return {};
}

void WsRelayLink::reportStatus(const Deployment &d)
{
    const QString relayId = relayIdOrEmpty(d.id);
    const QString state = stateName(d.state, d.exitCode, d.oomKilled);
    if (relayId.isEmpty() || state.isEmpty())
        return;
    // Keep the heartbeat's running list current between the engine's own (slower) heartbeats,
    // or the relay would hear about deployments that are long gone.
    m_running.removeIf([&](const RunningDeployment &r) { return r.deploymentId == d.id; });
    if (d.isActive())
        m_running.append({ d.id, d.generation, d.state });
    QJsonObject body { { u"deployment"_s, relayId }, { u"generation"_s, d.generation }, { u"state"_s, state } };
    if (!d.detail.isEmpty())
        body.insert(u"detail"_s, d.detail.left(500));
    if (d.state == Deployment::State::Running && d.hostPort)
        body.insert(u"port"_s, int(d.hostPort)); // where the tunnel agent serves it (TunnelService)
    // How a container ended is an event for the relay's summaries: report it once per exit.
    const bool ended = d.state == Deployment::State::Exited || (d.state == Deployment::State::Failed && d.oomKilled);
    if (ended && m_lastState.value(d.id, Deployment::State::Creating) != d.state) {
        body.insert(u"exitCode"_s, d.exitCode);
        body.insert(u"oomKilled"_s, d.oomKilled);
        body.insert(u"at"_s, nowMs());
    }
    m_lastState.insert(d.id, d.state);
    QJsonObject comparable = body;
    comparable.remove(u"at"_s);
    QJsonObject previous = m_lastStatus.value(d.id);
    previous.remove(u"at"_s);
    if (previous == comparable)
        return; // the engine reports every change (health, ports); the relay needs only news
    sendStatus(d.id, body);
}

void WsRelayLink::sendStatus(const QString &localId, const QJsonObject &body)
{
    m_lastStatus.insert(localId, body);
    if (m_registered)
        send(u"status"_s, body);
}

void WsRelayLink::reportRemoved(const QString &deploymentId, int generation)
{
    const QString relayId = relayIdOrEmpty(deploymentId);
    if (relayId.isEmpty())
        return;
    forgetDeployment(deploymentId);
    if (m_registered)
        send(u"status"_s,
            { { u"deployment"_s, relayId }, { u"generation"_s, generation }, { u"state"_s, u"removed"_s } });
    // Offline: the next hello does not list it, and the relay re-queues or finishes the delete.
}

void WsRelayLink::handBack(const QString &deploymentId, int generation, const QString &reason)
{
    const QString relayId = relayIdOrEmpty(deploymentId);
    const QString id = relayId.isEmpty() || !m_registered
        ? QString()
        : send(u"status"_s,
            { { u"deployment"_s, relayId }, { u"generation"_s, generation }, { u"state"_s, u"removed"_s },
                { u"detail"_s, reason.left(500) } });
    if (id.isEmpty()) {
        // Offline (or not the relay's): nobody to ask; the relay re-queues what hello omits.
        QTimer::singleShot(0, this, [this, deploymentId] { Q_EMIT handBackDone(deploymentId); });
        return;
    }
    m_handBacks.insert(id, deploymentId);
}

void WsRelayLink::buildProgress(const QString &deploymentId, const QString &line)
{
    const QString relayId = relayIdOrEmpty(deploymentId);
    if (relayId.isEmpty() || !m_registered)
        return; // live output only: nobody would read it later
    send(u"build-progress"_s, { { u"deployment"_s, relayId }, { u"line"_s, line.left(kMaxLineChars) } });
}

void WsRelayLink::logs(const QString &deploymentId, const QList<LogEntry> &entries)
{
    if (relayIdOrEmpty(deploymentId).isEmpty())
        return;
    QJsonArray &lines = m_logs[deploymentId];
    const qint64 t = nowMs();
    for (const LogEntry &e : entries) {
        if (m_bufferedLogLines >= m_config.maxBufferedLogLines) {
            if (m_droppedLogLines++ % 1000 == 0)
                qCWarning(lcRelay) << "log buffer full; dropped" << m_droppedLogLines << "line(s) so far";
            continue;
        }
        lines.append(QJsonObject { { u"line"_s, e.text.left(kMaxLineChars) },
            { u"stream"_s, e.stderrStream ? u"stderr"_s : u"stdout"_s }, { u"t"_s, t } });
        ++m_bufferedLogLines;
    }
    if (lines.isEmpty())
        m_logs.remove(deploymentId);
}

void WsRelayLink::flushLogs()
{
    if (!m_registered)
        return;
    for (auto it = m_logs.begin(); it != m_logs.end(); it = m_logs.erase(it)) {
        const QString relayId = OfferParser::relayId(it.key());
        QJsonArray batch;
        qsizetype bytes = 0;
        for (const QJsonValue &v : std::as_const(it.value())) {
            // A line is at most 4096 characters: ≤ 12 KiB as UTF-8, plus the JSON around it.
            const qsizetype size = v[u"line"].toString().size() * 3 + 64;
            if (batch.size() >= kMaxLinesPerMessage || bytes + size > kMaxMessageBytes) {
                send(u"logs"_s, { { u"deployment"_s, relayId }, { u"lines"_s, batch } });
                batch = {};
                bytes = 0;
            }
            batch.append(v);
            bytes += size;
        }
        if (!batch.isEmpty())
            send(u"logs"_s, { { u"deployment"_s, relayId }, { u"lines"_s, batch } });
    }
    m_bufferedLogLines = 0;
}

} // namespace ttalkak::provider
