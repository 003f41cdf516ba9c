#include "httpconnection.h"

#include "httpbodysink.h"
#include "httpdeferred.h"
#include "logging.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace ttalkak::relay {

namespace {

constexpr qint64 kFileChunk = 64 * 1024;
constexpr qint64 kFileHighWater = 256 * 1024; // socket buffer kept below this while sending a file

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, Handler handler, UpgradeHandler upgrade, Limits limits, QObject *parent,
                               SinkProvider sinks)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(std::move(handler))
    , m_upgrade(std::move(upgrade))
    , m_sinks(std::move(sinks))
    , m_limits(limits)
    , m_parser(limits.maxHeaderBytes, limits.maxBodyBytes, [this](const HttpRequest &head) { return sinkFor(head); })
{
    m_socket->setParent(this);
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_limits.idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        qCDebug(lcHttp) << "idle timeout";
        m_socket->abort();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        Q_EMIT closed();
        deleteLater();
    });
    // A long download is progress too: the idle clock restarts with every write.
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (!m_waitingOn)
            m_idle.start();
        if (m_file)
            pumpFile();
    });
    m_idle.start();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::closeGracefully()
{
    m_closing = true;
    if (m_socket->bytesToWrite() == 0)
        m_socket->disconnectFromHost();
}

bool HttpConnection::tryUpgrade()
{
    // Only the first request of a connection may upgrade; look without consuming.
    const QByteArray peeked = m_socket->peek(m_limits.maxHeaderBytes + 1);
    const qsizetype end = peeked.indexOf("\r\n\r\n");
    if (end < 0) {
        if (peeked.size() > m_limits.maxHeaderBytes)
            fail(431, u"request headers too large"_s);
        return true; // wait for more bytes (or the failure closed us)
    }
    m_firstRequest = false;
    HttpParser probe(m_limits.maxHeaderBytes, m_limits.maxBodyBytes);
    if (probe.feed(peeked.constData(), end + 4) != HttpParser::State::Upgrade)
        return false; // an ordinary request: parse it the normal way
    HttpRequest request = probe.takeRequests().constLast();
    request.peer = m_socket->peerAddress();
    HttpResponse rejection = HttpResponse::error(404, u"not-found"_s, u"no such endpoint"_s);
    disconnect(m_socket, nullptr, this, nullptr);
    m_idle.stop();
    m_socket->setParent(nullptr); // the upgrade handler adopts it, or we take it back below
    if (m_upgrade && m_upgrade(request, m_socket, &rejection)) {
        deleteLater(); // the socket now belongs to the WebSocket side
        return true;
    }
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        Q_EMIT closed();
        deleteLater();
    });
    m_socket->readAll();
    reply(rejection, false);
    return true;
}

void HttpConnection::onReadyRead()
{
    m_idle.start();
    if (m_firstRequest && tryUpgrade())
        return;
    if (m_closing) {
        m_socket->readAll();
        return;
    }
    const QByteArray data = m_socket->readAll();
    const HttpParser::State state = m_parser.feed(data.constData(), data.size());
    m_queue.append(m_parser.takeRequests());
    switch (state) {
    case HttpParser::State::Ok:
        break;
    case HttpParser::State::HeadersTooLarge:
        m_pendingFailure = 431;
        break;
    case HttpParser::State::BodyTooLarge:
        m_pendingFailure = 413;
        break;
    case HttpParser::State::Error:
    case HttpParser::State::Upgrade:
        m_pendingFailure = 400;
        break;
    }
    processQueue();
}

std::shared_ptr<HttpBodySink> HttpConnection::sinkFor(const HttpRequest &head)
{
    HttpRequest withPeer = head;
    withPeer.peer = m_socket->peerAddress();
    std::shared_ptr<HttpBodySink> sink = m_sinks ? m_sinks(withPeer) : nullptr;
    // "Expect: 100-continue" (curl sends it for large uploads): say go on, unless the body is
    // refused anyway or earlier replies are still owed (the 100 must not overtake them).
    if (head.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0) {
        bool ok = false;
        const qint64 length = head.header("content-length").toLongLong(&ok);
        const qint64 limit = sink ? sink->maxBytes() : qint64(m_limits.maxBodyBytes);
        if (ok && length <= limit && m_queue.isEmpty() && !m_parser.hasRequests() && !m_waitingOn && !m_file)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    return sink;
}

void HttpConnection::processQueue()
{
    while (!m_waitingOn && !m_file && !m_queue.isEmpty()) {
        HttpRequest request = m_queue.takeFirst();
        request.peer = m_socket->peerAddress();
        if (request.upgrade) {
            fail(400, u"upgrade is only allowed on a new connection"_s);
            return;
        }
        const bool keepAlive = request.keepAlive && !m_closing;
        HttpResponse response = m_handler(request);
        if (response.deferred && !response.deferred->isFinished()) {
            m_waitingOn = response.deferred;
            m_idle.stop(); // the handler's own timeout bounds the wait
            connect(m_waitingOn.get(), &HttpDeferred::finished, this, [this, keepAlive](const HttpResponse &later) {
                m_waitingOn.reset();
                m_idle.start();
                reply(later, keepAlive);
                if (keepAlive)
                    processQueue();
            });
            return;
        }
        reply(response, keepAlive);
        if (!keepAlive)
            return;
    }
    if (m_waitingOn || m_file || m_pendingFailure == 0)
        return;
    const int status = std::exchange(m_pendingFailure, 0);
    fail(status, status == 431   ? u"request headers too large"_s
                 : status == 413 ? u"request body too large"_s
                                 : u"malformed HTTP request"_s);
}

void HttpConnection::reply(const HttpResponse &response, bool keepAlive)
{
    if (!response.filePath.isEmpty()) {
        auto file = std::make_unique<QFile>(response.filePath);
        if (!file->open(QIODevice::ReadOnly)) {
            qCWarning(lcHttp) << "cannot open a reply file" << file->errorString();
            reply(HttpResponse::error(500, u"internal"_s, u"cannot read the stored file"_s), keepAlive);
            return;
        }
        m_socket->write(response.serializeHead(keepAlive, file->size()));
        m_file = std::move(file);
        m_fileKeepAlive = keepAlive;
        pumpFile();
        return;
    }
    m_socket->write(response.serialize(keepAlive));
    if (!keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost(); // flushes pending bytes first
    }
}

void HttpConnection::pumpFile()
{
    while (m_file && m_socket->bytesToWrite() < kFileHighWater) {
        const QByteArray chunk = m_file->read(kFileChunk);
        if (chunk.isEmpty()) { // the end (or a read error: the client sees a short body)
            m_file.reset();
            if (!m_fileKeepAlive) {
                m_closing = true;
                m_socket->disconnectFromHost();
                return;
            }
            // Later replies were waiting for this one.
            QMetaObject::invokeMethod(this, &HttpConnection::processQueue, Qt::QueuedConnection);
            return;
        }
        m_socket->write(chunk);
    }
}

void HttpConnection::fail(int status, const QString &message)
{
    qCDebug(lcHttp) << "refusing request" << status << message;
    disconnect(m_socket, &QTcpSocket::readyRead, this, nullptr);
    reply(HttpResponse::error(status, status == 400 ? u"invalid-input"_s : u"too-large"_s, message), false);
}

} // namespace ttalkak::relay
