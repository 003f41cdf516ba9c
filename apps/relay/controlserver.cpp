#include "controlserver.h"

#include "controlsession.h"
#include "logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;
using ttalkak::core::errorCodeName;

namespace ttalkak::relay {
namespace {

QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u'|' + QString::number(port);
}

constexpr int kMaxSubscriptions = 1000;
constexpr int kMaxLogLinesPerMessage = 1000;
constexpr qint64 kMaxClockSkewMs = 60000;
constexpr qint64 kMaxEventAgeMs = 24LL * 3600 * 1000;

} // namespace

ControlServer::ControlServer(AccountStore &accounts, ResourceStore &resources, Scheduler &scheduler, Ledger &ledger,
                             ContainerLogStore &logs, Options options, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_resources(resources)
    , m_scheduler(scheduler)
    , m_ledger(ledger)
    , m_logs(logs)
    , m_options(options)
    , m_server(new QWebSocketServer(u"ttalkak-relay"_s, QWebSocketServer::NonSecureMode, this))
{
    // TLS, when configured, is already terminated by the listener's QSslSocket.
    m_server->setHandshakeTimeout(10000);
    connect(m_server, &QWebSocketServer::newConnection, this, &ControlServer::onNewConnection);
    connect(&m_scheduler, &Scheduler::sendToProvider, this, &ControlServer::onSendToProvider);
    connect(&m_scheduler, &Scheduler::deploymentEvent, this, &ControlServer::onDeploymentEvent);
    connect(&m_scheduler, &Scheduler::providerLost, this, [this](const QString &providerId) {
        if (ControlSession *s = m_providers.value(providerId))
            s->close(4000, u"heartbeat timeout"_s);
    });
}

ControlServer::~ControlServer() = default;

bool ControlServer::acceptUpgrade(const HttpRequest &request, QTcpSocket *socket, HttpResponse *rejection)
{
    if (request.path != "/v1/ws" || request.method != "GET") {
        *rejection = HttpResponse::error(404, u"not-found"_s, tr("no such endpoint"));
        return false;
    }
    auto principal = m_accounts.authenticate(request.bearerToken());
    if (!principal) {
        qCInfo(lcAuth).noquote() << "websocket refused" << (u"peer="_s + request.peer.toString());
        *rejection = HttpResponse::error(401, u"unauthenticated"_s, tr("a valid bearer token is required"));
        rejection->headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        return false;
    }
    const QString key = peerKey(socket->peerAddress(), socket->peerPort());
    m_pending.insert(key, *principal);
    socket->setParent(this);
    connect(socket, &QObject::destroyed, this, [this, key] { m_pending.remove(key); });
    m_server->handleConnection(socket);
    return true;
}

void ControlServer::onNewConnection()
{
    while (QWebSocket *ws = m_server->nextPendingConnection()) {
        const QString key = peerKey(ws->peerAddress(), ws->peerPort());
        const auto it = m_pending.constFind(key);
        if (it == m_pending.cend()) {
            ws->close(QWebSocketProtocol::CloseCodePolicyViolated, u"unauthenticated"_s);
            ws->deleteLater();
            continue;
        }
        const Principal principal = *it;
        m_pending.erase(it);
        // Qt 6.4 sets these per socket only; larger frames/messages close it with 1009.
        ws->setMaxAllowedIncomingFrameSize(quint64(m_options.maxFrameBytes));
        ws->setMaxAllowedIncomingMessageSize(quint64(m_options.maxFrameBytes));
        auto *session = new ControlSession(ws, principal, this);
        m_sessions.insert(session);
        connect(session, &ControlSession::messageReceived, this, &ControlServer::onMessage);
        connect(session, &ControlSession::binaryReceived, this, [](ControlSession *s) {
            s->send(protocol::error({}, u"invalid-input"_s, tr("binary frames are not part of the protocol")));
        });
        connect(session, &ControlSession::closed, this, &ControlServer::onClosed);
        qCInfo(lcControl).noquote() << "session opened" << (u"role="_s + (principal.isProvider() ? u"provider"_s : u"deployer"_s))
                                    << (u"user="_s + principal.userId);
        session->send({{u"type"_s, u"welcome"_s},
                       {u"role"_s, principal.isProvider() ? u"provider"_s : u"deployer"_s},
                       {u"protocol"_s, protocol::kVersion}});
    }
}

void ControlServer::onClosed(ControlSession *session)
{
    m_sessions.remove(session);
    const QString providerId = session->principal().providerId;
    if (!providerId.isEmpty() && m_providers.value(providerId) == session) {
        // No new offers to a closed socket; its deployments stay placed until the heartbeat
        // timeout (the sweep), so a reconnect within it changes nothing.
        m_providers.remove(providerId);
        if (auto r = m_accounts.setProviderOnline(providerId, false); !r)
            qCWarning(lcControl) << "cannot mark provider offline" << r.error().toString();
    }
    for (const QString &dep : std::as_const(session->subscriptions())) {
        auto it = m_subscribers.find(dep);
        if (it != m_subscribers.end()) {
            it->remove(session);
            if (it->isEmpty())
                m_subscribers.erase(it);
        }
    }
}

void ControlServer::onMessage(ControlSession *session, const QByteArray &text)
{
    if (text.size() > m_options.maxFrameBytes) { // belt and braces for the socket limit
        session->close(QWebSocketProtocol::CloseCodeTooMuchData, u"message too large"_s);
        return;
    }
    auto m = protocol::parse(text);
    if (!m) {
        session->send(protocol::error({}, errorCodeName(m.error().code()), m.error().message()));
        return;
    }
    if (m->type == u"ack" || m->type == u"error")
        return; // answers to our messages; nothing is waiting on them (state is re-derived on hello)
    if (session->isProvider())
        handleProvider(session, *m);
    else
        handleDeployer(session, *m);
}

void ControlServer::handleProvider(ControlSession *session, const protocol::Message &m)
{
    const QString providerId = session->principal().providerId;
    const QJsonObject &b = m.body;
    auto fail = [&](const core::Error &e) { session->send(protocol::error(m.id, errorCodeName(e.code()), e.message())); };
    if (m.type == u"hello") {
        if (ControlSession *old = m_providers.value(providerId); old && old != session)
            old->close(4001, u"replaced by a newer connection"_s);
        // Registered first: reconciliation during hello sends commands to this session.
        m_providers.insert(providerId, session);
        auto r = m_scheduler.providerHello(providerId, b);
        if (!r) {
            if (!session->helloDone())
                m_providers.remove(providerId);
            return fail(r.error());
        }
        session->setHelloDone();
        QJsonObject ack = *r;
        ack.insert(u"heartbeatIntervalMs"_s, m_options.heartbeatIntervalMs);
        session->send(protocol::ack(m.id, ack));
        qCInfo(lcControl).noquote() << "provider hello" << (u"provider="_s + providerId);
        return;
    }
    if (!session->helloDone())
        return fail(core::Error(core::ErrorCode::InvalidInput, tr("send hello first")));
    if (m.type == u"heartbeat") {
        if (!b.value(u"running"_s).isArray() && b.contains(u"running"_s))
            return fail(core::Error(core::ErrorCode::InvalidInput, tr("running must be an array")));
        if (!b.value(u"usage"_s).isArray() && b.contains(u"usage"_s))
            return fail(core::Error(core::ErrorCode::InvalidInput, tr("usage must be an array")));
        if (auto r = m_scheduler.providerHeartbeat(providerId, b.value(u"running"_s).toArray()); !r)
            return fail(r.error());
        int charged = 0;
        int duplicates = 0;
        QJsonArray refused;
        const QJsonArray usage = b.value(u"usage"_s).toArray();
        for (const QJsonValue &v : usage) {
            const QJsonObject u = v.toObject();
            const QString dep = u.value(u"deployment"_s).toString();
            auto r = m_ledger.recordUsage(providerId, dep, u.value(u"interval"_s).toInteger(-1), u.value(u"seconds"_s).toInt(-1));
            if (!r) {
                refused.append(QJsonObject{{u"deployment"_s, dep}, {u"code"_s, errorCodeName(r.error().code())}});
                continue;
            }
            *r ? ++charged : ++duplicates;
            QJsonObject metrics{{u"type"_s, u"metrics"_s}, {u"deployment"_s, dep}, {u"interval"_s, u.value(u"interval"_s)},
                                {u"seconds"_s, u.value(u"seconds"_s)}};
            if (u.contains(u"cpuPercent"_s))
                metrics.insert(u"cpuPercent"_s, u.value(u"cpuPercent"_s).toDouble());
            if (u.contains(u"memoryMb"_s))
                metrics.insert(u"memoryMb"_s, u.value(u"memoryMb"_s).toInteger());
            publish(dep, metrics);
        }
        QJsonObject result{{u"charged"_s, charged}, {u"duplicates"_s, duplicates}, {u"refused"_s, refused}};
        if (charged > 0 || !session->earningsSent()) {
            if (auto e = m_ledger.providerEarnings(providerId); e) {
                result.insert(u"earnings"_s, *e);
                session->setEarningsSent();
            }
        }
        session->send(protocol::ack(m.id, result));
        return;
    }
    if (m.type == u"accept" || m.type == u"reject") {
        const QString offer = b.value(u"offer"_s).toString();
        if (offer.isEmpty())
            return fail(core::Error(core::ErrorCode::InvalidInput, tr("\"offer\" is required")));
        auto r = m_scheduler.offerAnswered(providerId, offer, m.type == u"accept", b.value(u"reason"_s).toString());
        if (!r)
            return fail(r.error());
        session->send(protocol::ack(m.id));
        return;
    }
    if (m.type == u"status") {
        const QString dep = b.value(u"deployment"_s).toString();
        // `port`: the container port the provider's tunnel agent serves this deployment on.
        const int port = b.contains(u"port"_s) ? b.value(u"port"_s).toInt(-1) : 0;
        if (port < 0 || port > 65535 || (b.contains(u"port"_s) && port == 0))
            return fail(core::Error(core::ErrorCode::InvalidInput, tr("\"port\" must be a port number (1-65535)")));
        const int generation = b.value(u"generation"_s).toInt(-1);
        const QString state = b.value(u"state"_s).toString();
        auto r = m_scheduler.statusReported(providerId, dep, generation, state, b.value(u"detail"_s).toString());
        if (!r)
            return fail(r.error());
        if (state == u"running" || state == u"stopped" || state == u"failed") {
            if (auto p = m_resources.setIngressPort(dep, providerId, generation, state == u"running" ? port : 0); !p)
                return fail(p.error());
        }
        recordContainerEvent(b);
        session->send(protocol::ack(m.id));
        return;
    }
    if (m.type == u"logs")
        return handleLogs(session, m);
    if (m.type == u"build-progress") {
        const QString dep = b.value(u"deployment"_s).toString();
        const QString line = b.value(u"line"_s).toString();
        if (dep.isEmpty() || !b.value(u"line"_s).isString())
            return fail(core::Error(core::ErrorCode::InvalidInput, tr("\"deployment\" and \"line\" are required")));
        if (!m_scheduler.isPlacedOn(dep, providerId))
            return fail(core::Error(core::ErrorCode::NotFound, tr("this deployment is not placed on this provider")));
        publish(dep, {{u"type"_s, u"build-log"_s}, {u"deployment"_s, dep}, {u"line"_s, line.left(4096)}});
        session->send(protocol::ack(m.id));
        return;
    }
    fail(core::Error(core::ErrorCode::Unsupported, tr("unknown message type \"%1\"").arg(m.type.left(64))));
}

void ControlServer::handleLogs(ControlSession *session, const protocol::Message &m)
{
    const QString providerId = session->principal().providerId;
    const QJsonObject &b = m.body;
    auto fail = [&](const core::Error &e) { session->send(protocol::error(m.id, errorCodeName(e.code()), e.message())); };
    const QString dep = b.value(u"deployment"_s).toString();
    const QJsonArray items = b.value(u"lines"_s).toArray();
    if (dep.isEmpty() || !b.value(u"lines"_s).isArray() || items.isEmpty() || items.size() > kMaxLogLinesPerMessage)
        return fail(core::Error(core::ErrorCode::InvalidInput, tr("\"deployment\" and 1 to 1000 \"lines\" are required")));
    QList<ContainerLogLine> lines;
    lines.reserve(items.size());
    const qint64 now = Database::nowMs();
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        const QString stream = o.value(u"stream"_s).toString(u"stdout"_s);
        if (!o.value(u"line"_s).isString() || (stream != u"stdout" && stream != u"stderr"))
            return fail(core::Error(core::ErrorCode::InvalidInput, tr("each line needs \"line\" (text) and \"stream\" stdout or stderr")));
        // Provider clocks are trusted up to a small skew: a line from the future is stamped now.
        qint64 at = o.value(u"t"_s).toInteger(now);
        if (at <= 0 || at > now + kMaxClockSkewMs)
            at = now;
        lines.append({0, at, stream, o.value(u"line"_s).toString(), 0});
    }
    if (!m_scheduler.isPlacedOn(dep, providerId))
        return fail(core::Error(core::ErrorCode::NotFound, tr("this deployment is not placed on this provider")));
    auto r = m_logs.append(dep, lines);
    if (!r)
        return fail(r.error());
    QJsonArray published;
    for (const ContainerLogLine &l : std::as_const(lines))
        published.append(QJsonObject{{u"t"_s, l.at}, {u"stream"_s, l.stream}, {u"line"_s, l.line}, {u"templateId"_s, qint64(l.templateId)}});
    publish(dep, {{u"type"_s, u"log"_s}, {u"deployment"_s, dep}, {u"lines"_s, published}});
    session->send(protocol::ack(m.id, {{u"stored"_s, *r}}));
}

void ControlServer::recordContainerEvent(const QJsonObject &status)
{
    // Only reports that say how a container ended are events: a restart after an exit, an
    // exit, an OOM kill (docs/protocol.md, `status`).
    if (!status.contains(u"exitCode"_s) && !status.value(u"oomKilled"_s).toBool())
        return;
    const qint64 now = Database::nowMs();
    ContainerEvent e;
    e.at = status.value(u"at"_s).toInteger(now);
    if (e.at > now + kMaxClockSkewMs || e.at < now - kMaxEventAgeMs)
        e.at = now;
    const QString state = status.value(u"state"_s).toString();
    e.kind = state == u"running" || state == u"building" ? u"restart"_s : u"exit"_s;
    e.exitCode = status.value(u"exitCode"_s).toInt(-1);
    e.oomKilled = status.value(u"oomKilled"_s).toBool();
    e.detail = status.value(u"detail"_s).toString();
    if (auto r = m_logs.recordEvent(status.value(u"deployment"_s).toString(), e); !r)
        qCWarning(lcControl).noquote() << "container event not stored" << r.error().toString();
}

void ControlServer::handleDeployer(ControlSession *session, const protocol::Message &m)
{
    const QString userId = session->principal().userId;
    auto fail = [&](const core::Error &e) { session->send(protocol::error(m.id, errorCodeName(e.code()), e.message())); };
    if (m.type == u"subscribe") {
        const QString dep = m.body.value(u"deployment"_s).toString();
        auto d = m_resources.deployment(userId, dep); // NotFound for someone else's
        if (!d)
            return fail(d.error());
        if (session->subscriptions().size() >= kMaxSubscriptions && !session->subscriptions().contains(dep))
            return fail(core::Error(core::ErrorCode::TooLarge, tr("too many subscriptions")));
        session->subscriptions().insert(dep);
        m_subscribers[dep].insert(session);
        session->send(protocol::ack(m.id, {{u"deployment"_s, d->publicJson()}})); // no database secrets
        return;
    }
    if (m.type == u"unsubscribe") {
        const QString dep = m.body.value(u"deployment"_s).toString();
        if (!session->subscriptions().remove(dep))
            return fail(core::Error(core::ErrorCode::NotFound, tr("not subscribed")));
        m_subscribers[dep].remove(session);
        session->send(protocol::ack(m.id));
        return;
    }
    fail(core::Error(core::ErrorCode::Unsupported, tr("unknown message type \"%1\"").arg(m.type.left(64))));
}

void ControlServer::onSendToProvider(const QString &providerId, const QJsonObject &message)
{
    if (ControlSession *s = m_providers.value(providerId))
        s->send(message);
}

void ControlServer::onDeploymentEvent(const QString &ownerId, const QString &deploymentId, const QJsonObject &event)
{
    publish(deploymentId, event, ownerId);
}

void ControlServer::publish(const QString &deploymentId, const QJsonObject &event, const QString &ownerId)
{
    const auto it = m_subscribers.constFind(deploymentId);
    if (it == m_subscribers.cend())
        return;
    for (ControlSession *s : *it) {
        // Subscriptions were ownership-checked; the owner check here is a second guard.
        if (ownerId.isEmpty() || s->principal().userId == ownerId)
            s->send(event);
    }
}

void ControlServer::shutdown()
{
    m_server->close();
    const auto sessions = m_sessions;
    for (ControlSession *s : sessions) {
        s->send({{u"type"_s, u"shutdown"_s}, {u"reason"_s, tr("the relay is restarting")}, {u"reconnectAfterMs"_s, 1000}});
        s->close(QWebSocketProtocol::CloseCodeGoingAway, u"relay shutting down"_s);
    }
}

} // namespace ttalkak::relay
