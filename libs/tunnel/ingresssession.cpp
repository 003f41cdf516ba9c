#include "ingresssession_p.h"

#include "errorpage.h"
#include "httpingress.h"
#include "logging.h"
#include "stream.h"
#include "tokenbucket.h"
#include "tunnelhub.h"
#include "writethrough.h"

#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace ttalkak::tunnel::Internal {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kHighWater = 32 * 1024; // stop reading the client with this much unsent upstream
constexpr qint64 kReadChunk = 32 * 1024;
constexpr qint64 kClientReadBuffer = 32 * 1024;

QString pathOf(const QByteArray &target)
{
    const qsizetype q = target.indexOf('?');
    return QString::fromUtf8(q < 0 ? target : target.left(q));
}

QByteArray clientAddressText(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    return (mapped ? QHostAddress(v4) : address).toString().toLatin1();
}
} // namespace

IngressSession::IngressSession(HttpIngress *ingress, QTcpSocket *socket)
    : QObject(ingress)
    , m_ingress(ingress)
    , m_socket(socket)
    , m_rewriter(clientAddressText(socket->peerAddress()), ingress->m_config.forwardedProto)
    , m_peer(socket->peerAddress())
    , m_clock(new QTimer(this))
    , m_throttleTimer(new QTimer(this))
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kClientReadBuffer);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_clock->setSingleShot(true);
    m_clock->setTimerType(Qt::PreciseTimer);
    m_throttleTimer->setSingleShot(true);
    connect(m_clock, &QTimer::timeout, this, &IngressSession::onClock);
    connect(m_throttleTimer, &QTimer::timeout, this, [this] {
        creditStream(0);
        if (m_readPaused)
            onClientData();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &IngressSession::onClientData);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &IngressSession::onClientBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &IngressSession::onClientGone);
    armTimers();
}

IngressSession::~IngressSession()
{
    if (m_route)
        m_ingress->release(m_route->deployment);
}

void IngressSession::onClientData()
{
    if (m_done)
        return;
    m_readPaused = false;
    while (m_socket->bytesAvailable() > 0) {
        if (m_closing) {
            m_socket->readAll(); // after an error page or a host change: nothing more is read
            return;
        }
        if ((m_stream && m_stream->pendingBytes() >= kHighWater) || (m_bucket && m_bucket->delayMs() > 0)) {
            m_readPaused = true;
            if (m_bucket && m_bucket->delayMs() > 0 && !m_throttleTimer->isActive())
                m_throttleTimer->start(m_bucket->delayMs());
            return; // resumed by Stream::drained or the throttle timer
        }
        // Exactly what is buffered: read(kReadChunk) would allocate the whole chunk for a short request.
        const QByteArray data = m_socket->read(std::min(m_socket->bytesAvailable(), kReadChunk));
        if (data.isEmpty())
            break;
        m_clientBytes += data.size();
        if (m_bucket)
            m_bucket->consume(data.size());
        if (m_upgraded) {
            if (m_stream)
                m_stream->write(data);
            continue;
        }
        QByteArray up;
        const bool ok = m_rewriter.feed(data.constData(), data.size(), up);
        const QList<RequestRewriter::Head> heads = m_rewriter.takeHeads();
        qsizetype forwardUpTo = up.size();
        for (const RequestRewriter::Head &head : heads) {
            if (!handleHead(head)) {
                forwardUpTo = head.outputOffset;
                break;
            }
        }
        if (m_done)
            return;
        if (m_stream && forwardUpTo > 0)
            m_stream->write(forwardUpTo == up.size() ? up : up.left(forwardUpTo));
        // Rows of requests whose bodies finished here get their byte counts.
        const QList<qint64> completed = m_rewriter.takeCompleted();
        for (qint64 bytes : completed) {
            const int index = int(m_pending.size()) - m_incomplete;
            if (index >= 0 && index < m_pending.size()) {
                m_pending[index].row.bytesIn = bytes;
                m_pending[index].complete = true;
                --m_incomplete;
            }
        }
        if (m_rewriter.isUpgraded())
            m_upgraded = true;
        if (!ok) {
            qCInfo(lcIngress) << "bad request from" << m_peer << m_rewriter.errorString();
            if (m_pending.isEmpty() || m_incomplete > 0) {
                sendError(m_rewriter.errorStatus(), m_rewriter.errorString());
                return;
            }
            m_closing = true;
        }
    }
    armTimers();
}

bool IngressSession::handleHead(const RequestRewriter::Head &head)
{
    Pending p;
    p.clock.start();
    p.row.time = QDateTime::currentDateTimeUtc();
    p.row.method = QString::fromLatin1(head.method);
    p.row.path = pathOf(head.target);
    p.row.host = QString::fromLatin1(head.host);
    p.row.client = m_peer;
    if (!m_route) {
        m_pending.append(p);
        ++m_incomplete;
        if (!openRoute(head.host, p.row.path))
            return false;
        m_pending.last().row.deployment = m_route->deployment;
    } else if (head.host != m_host) {
        // One stream per client connection: a client switching sites on a kept-alive connection
        // (not something browsers do over HTTP/1.1) is closed after what it already asked.
        qCInfo(lcIngress) << "host changed on a connection from" << m_peer;
        m_closing = true;
        return false;
    } else {
        p.row.deployment = m_route->deployment;
        m_pending.append(p);
        ++m_incomplete;
    }
    m_observer.expectRequest(head.method);
    return true;
}

bool IngressSession::openRoute(const QByteArray &host, const QString &path)
{
    std::optional<Route> route = m_ingress->resolve(host);
    if (!route) {
        if (const std::optional<QByteArray> body = m_ingress->answerLocally(host, path)) {
            sendResponse(200,
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nCache-Control: no-store\r\n"
                "Content-Length: "
                    + QByteArray::number(body->size()) + "\r\nConnection: close\r\n\r\n" + *body);
            return false;
        }
        sendError(404, tr("Nothing is deployed at %1.").arg(QString::fromLatin1(host)));
        return false;
    }
    m_pending.last().row.deployment = route->deployment;
    HttpIngress::DeploymentState &state = m_ingress->state(*route);
    if (route->maxConnections > 0 && state.connections >= route->maxConnections) {
        qCInfo(lcIngress) << "deployment" << route->deployment << "at its connection limit" << route->maxConnections;
        sendError(503, tr("Too many connections to this deployment."));
        return false;
    }
    Stream *stream = m_ingress->m_hub->openStream(route->machineId, route->deployment, route->port);
    if (!stream) {
        sendError(502, tr("The provider running this deployment is offline."));
        return false;
    }
    ++state.connections;
    m_bucket = state.bucket;
    m_route = route;
    m_host = host;
    m_stream = stream;
    stream->setSinkBacklogProbe([socket = QPointer<QTcpSocket>(m_socket)] { return unsentBytes(socket); });
    connect(stream, &Stream::dataReceived, this, &IngressSession::onStreamData);
    connect(stream, &Stream::drained, this, &IngressSession::onClientData);
    connect(stream, &Stream::aborted, this, &IngressSession::onStreamAborted);
    connect(stream, &Stream::remoteFinished, this, &IngressSession::onStreamFinished);
    return true;
}

void IngressSession::onStreamData(const QByteArray &data)
{
    if (m_done)
        return;
    if (m_bucket)
        m_bucket->consume(data.size());
    if (const qint64 direct = writeThrough(m_socket, data); direct > 0)
        creditStream(direct); // what Qt buffered is credited on bytesWritten()
    if (m_upgraded && m_observer.isUpgraded())
        return;
    if (!m_observer.feed(data.constData(), data.size())) {
        qCWarning(lcIngress) << "deployment" << (m_route ? m_route->deployment : QString())
                             << "sent a malformed response:" << m_observer.errorString();
        if (!m_pending.isEmpty())
            logFront(502, m_observer.currentBytes());
        m_stream->disconnect(this);
        m_stream->reset(ResetCode::Protocol, u"malformed response"_s);
        finishSession();
        return;
    }
    if (m_observer.currentHeadSeen())
        m_responseDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
    handleCompletedResponses();
}

void IngressSession::handleCompletedResponses()
{
    const QList<ResponseObserver::Response> done = m_observer.takeCompleted();
    for (const ResponseObserver::Response &r : done) {
        logFront(r.status, r.bytes);
        if (!r.keepAlive)
            m_closing = true;
        if (r.upgrade)
            m_upgraded = true; // both directions are raw from here on
    }
    if (!done.isEmpty())
        armTimers();
    if (m_closing && m_pending.isEmpty())
        closeWhenFlushed();
}

void IngressSession::logFront(int status, qint64 bytesOut)
{
    if (m_pending.isEmpty())
        return;
    Pending p = m_pending.takeFirst();
    if (!p.complete) {
        p.row.bytesIn = m_rewriter.currentRequestBytes();
        m_incomplete = std::max(0, m_incomplete - 1);
    }
    p.row.status = status;
    p.row.bytesOut = bytesOut;
    p.row.latencyUs = p.clock.nsecsElapsed() / 1000;
    Q_EMIT m_ingress->requestLogged(p.row);
}

void IngressSession::onStreamAborted(ResetCode code, const QString &reason)
{
    if (m_done)
        return;
    qCInfo(lcIngress) << "stream for" << (m_route ? m_route->deployment : QString()) << "aborted:" << int(code)
                      << reason;
    if (!m_pending.isEmpty() && m_observer.currentBytes() == 0) {
        const QString detail = code == ResetCode::Refused ? tr("The provider refused the connection.")
            : code == ResetCode::ConnectFailed            ? tr("The deployment is not accepting connections.")
                                                          : tr("The provider went away.");
        sendError(502, detail);
        return;
    }
    // Mid-response: the client gets a truncated response, which is all an HTTP/1.1 proxy can do.
    while (!m_pending.isEmpty())
        logFront(502, m_observer.currentBytes());
    finishSession();
}

void IngressSession::onStreamFinished()
{
    if (m_done)
        return;
    if (!m_upgraded) {
        m_observer.finish();
        handleCompletedResponses();
    }
    if (!m_pending.isEmpty() && m_observer.currentBytes() == 0) {
        sendError(502, tr("The deployment closed the connection without answering."));
        return;
    }
    while (!m_pending.isEmpty())
        logFront(502, m_observer.currentBytes());
    m_closing = true;
    closeWhenFlushed();
}

void IngressSession::onClientBytesWritten(qint64 n)
{
    creditStream(n);
    if (m_closing && m_pending.isEmpty() && m_socket->bytesToWrite() == 0)
        closeWhenFlushed();
}

void IngressSession::creditStream(qint64 n)
{
    m_heldCredit += n;
    if (!m_stream || m_heldCredit == 0)
        return;
    if (m_bucket) {
        const int delay = m_bucket->delayMs();
        if (delay > 0) {
            if (!m_throttleTimer->isActive())
                m_throttleTimer->start(delay);
            return;
        }
    }
    m_stream->consume(std::exchange(m_heldCredit, 0));
}

void IngressSession::sendError(int status, const QString &detail)
{
    sendResponse(status, errorResponse(status, detail));
}

void IngressSession::sendResponse(int status, const QByteArray &response)
{
    if (m_done)
        return;
    if (!m_pending.isEmpty()) {
        logFront(status, response.size());
        while (!m_pending.isEmpty())
            logFront(499, 0); // pipelined behind it, never answered
    }
    if (m_stream && !m_stream->isClosed()) {
        m_stream->disconnect(this); // our own reset must not come back as aborted()
        m_stream->reset(ResetCode::Cancelled, u"error page sent"_s);
    }
    m_socket->write(response);
    m_closing = true;
    closeWhenFlushed();
}

void IngressSession::armTimers()
{
    if (m_done)
        return;
    const int idle = m_ingress->m_config.idleTimeoutMs;
    if (m_pending.isEmpty() && !m_upgraded) {
        // Between requests. A request head in progress does not restart the clock: a client
        // trickling a head byte by byte (slowloris) is closed idleTimeoutMs after the last request.
        if (m_idleDeadline.isForever() || m_rewriter.currentRequestBytes() == 0)
            m_idleDeadline.setRemainingTime(idle, Qt::PreciseTimer);
    } else if (m_incomplete > 0) {
        m_idleDeadline.setRemainingTime(idle, Qt::PreciseTimer); // a body is arriving: progress restarts it
    } else {
        m_idleDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
    }
    // 504 clock: from the moment the whole front request is upstream until its response head.
    if (!m_pending.isEmpty() && m_pending.first().complete && !m_observer.currentHeadSeen()) {
        if (m_responseDeadline.isForever())
            m_responseDeadline.setRemainingTime(m_ingress->m_config.responseTimeoutMs, Qt::PreciseTimer);
    } else {
        m_responseDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
    }
    scheduleClock();
}

void IngressSession::scheduleClock()
{
    const QDeadlineTimer next = std::min(m_idleDeadline, m_responseDeadline);
    if (next.isForever() || (m_clock->isActive() && m_clockAt <= next))
        return; // an early wake-up only re-arms (onClock)
    m_clockAt = next;
    m_clock->start(std::chrono::milliseconds(std::max<qint64>(next.remainingTime(), 0)));
}

void IngressSession::onClock()
{
    if (m_done)
        return;
    m_clockAt = QDeadlineTimer(QDeadlineTimer::Forever);
    if (m_idleDeadline.hasExpired()) {
        m_idleDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
        qCDebug(lcIngress) << "idle client" << m_peer << "closed";
        if (m_pending.isEmpty())
            finishSession();
        else
            sendError(408, tr("The request body stopped arriving.")); // a stalled upload
        return;
    }
    if (m_responseDeadline.hasExpired()) {
        m_responseDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
        if (!m_pending.isEmpty() && m_observer.currentBytes() == 0) {
            sendError(504,
                tr("The deployment did not answer within %1 s.").arg(m_ingress->m_config.responseTimeoutMs / 1000.0));
            return;
        }
    }
    scheduleClock();
}

void IngressSession::closeWhenFlushed()
{
    if (m_done)
        return;
    if (m_socket->bytesToWrite() > 0)
        return; // onClientBytesWritten comes back here
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        finishSession();
}

void IngressSession::onClientGone()
{
    if (m_done)
        return;
    while (!m_pending.isEmpty())
        logFront(499, m_observer.currentBytes());
    finishSession();
}

void IngressSession::finishSession()
{
    if (m_done)
        return;
    m_done = true;
    m_clock->stop();
    m_throttleTimer->stop();
    if (m_stream && !m_stream->isClosed()) {
        m_stream->disconnect(this);
        if (m_closing && m_pending.isEmpty())
            m_stream->finish();
        else
            m_stream->reset(ResetCode::Cancelled, u"client gone"_s);
    }
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    deleteLater();
}

} // namespace ttalkak::tunnel::Internal
