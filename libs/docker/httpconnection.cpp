#include "httpconnection_p.h"

#include "logging.h"

#include <QFile>
#include <QLocalSocket>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>

#include <http_parser.h>

namespace ttalkak::docker::Internal {

using core::Error;
using core::ErrorCode;

namespace {
constexpr qint64 kWriteLowWater = 256 * 1024; // refill the socket below this many queued bytes
constexpr qint64 kWriteChunk = 256 * 1024;
constexpr qint64 kReadBufferSize = 1024 * 1024; // bounded so a paused reader pushes back on the engine
constexpr qint64 kReadStep = 64 * 1024;
} // namespace

// http_parser callbacks. Returning non-zero stops the parser; we do that once the connection is
// aborted or failed from inside a slot connected to one of our signals.
struct HttpConnection::Parser
{
    static HttpConnection *self(http_parser *p) { return static_cast<HttpConnection *>(p->data); }

    static int onStatus(http_parser *p, const char *, size_t)
    {
        self(p)->m_status = int(p->status_code);
        return 0;
    }
    static int onHeaderField(http_parser *p, const char *at, size_t len)
    {
        auto *c = self(p);
        // A field may arrive in pieces; a value callback in between starts a new field.
        if (!c->m_headers.isEmpty() && c->m_lastField.isNull())
            c->m_lastField = QByteArray(at, qsizetype(len));
        else if (c->m_lastField.isNull())
            c->m_lastField = QByteArray(at, qsizetype(len));
        else
            c->m_lastField.append(at, qsizetype(len));
        return 0;
    }
    static int onHeaderValue(http_parser *p, const char *at, size_t len)
    {
        auto *c = self(p);
        if (!c->m_lastField.isNull()) {
            c->m_headers.append({ c->m_lastField.toLower(), QByteArray() });
            c->m_lastField = QByteArray();
        }
        if (!c->m_headers.isEmpty())
            c->m_headers.last().second.append(at, qsizetype(len));
        return 0;
    }
    static int onHeadersComplete(http_parser *p)
    {
        auto *c = self(p);
        c->m_status = int(p->status_code);
        c->m_headersDone = true;
        c->armTimer();
        Q_EMIT c->headersReceived();
        return c->m_done ? 1 : 0;
    }
    static int onBody(http_parser *p, const char *at, size_t len)
    {
        auto *c = self(p);
        Q_EMIT c->bodyData(QByteArray(at, qsizetype(len)));
        return c->m_done ? 1 : 0;
    }
    static int onMessageComplete(http_parser *p)
    {
        self(p)->m_complete = true;
        return 0;
    }
    static const http_parser_settings &settings()
    {
        static const http_parser_settings s = [] {
            http_parser_settings st;
            http_parser_settings_init(&st);
            st.on_status = &Parser::onStatus;
            st.on_header_field = &Parser::onHeaderField;
            st.on_header_value = &Parser::onHeaderValue;
            st.on_headers_complete = &Parser::onHeadersComplete;
            st.on_body = &Parser::onBody;
            st.on_message_complete = &Parser::onMessageComplete;
            return st;
        }();
        return s;
    }
};

HttpConnection::HttpConnection(const Endpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_parser(std::make_unique<http_parser>())
{
    http_parser_init(m_parser.get(), HTTP_RESPONSE);
    m_parser->data = this;
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
}

HttpConnection::~HttpConnection()
{
    m_done = true;
    if (m_device) {
        m_device->disconnect(this);
        delete m_device.data();
    }
}

QString HttpConnection::describe() const
{
    return QString::fromLatin1(m_request.method) + u' ' + QString::fromUtf8(m_request.target);
}

QByteArray HttpConnection::header(QByteArrayView name) const
{
    for (const auto &[k, v] : m_headers) {
        if (name.compare(k, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

void HttpConnection::start(HttpRequest request)
{
    m_request = std::move(request);
    qCDebug(lcDocker) << "request" << describe() << "via" << m_endpoint.toString();
    m_timer.start(m_request.connectTimeoutMs);

    if (m_endpoint.kind() == Endpoint::Kind::Unix) {
        auto *sock = new QLocalSocket(this);
        m_device = sock;
        sock->setReadBufferSize(kReadBufferSize);
        connect(sock, &QLocalSocket::connected, this, &HttpConnection::onConnected);
        connect(sock, &QLocalSocket::readyRead, this, &HttpConnection::onReadyRead);
        connect(sock, &QLocalSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
        connect(sock, &QLocalSocket::disconnected, this, &HttpConnection::onDisconnected);
        connect(sock, &QLocalSocket::errorOccurred, this, [this, sock](QLocalSocket::LocalSocketError e) {
            if (e == QLocalSocket::PeerClosedError)
                return; // disconnected() handles the end of the stream
            ErrorCode code = ErrorCode::Io;
            if (e == QLocalSocket::ServerNotFoundError || e == QLocalSocket::ConnectionRefusedError)
                code = ErrorCode::Unavailable;
            else if (e == QLocalSocket::SocketAccessError)
                code = ErrorCode::PermissionDenied;
            // Qt says "Invalid name" for a missing socket file; say what it means.
            const QString why = e == QLocalSocket::ServerNotFoundError
                ? QStringLiteral("no such socket (is dockerd running?)")
                : sock->errorString();
            fail(Error(code, QStringLiteral("Docker engine at %1: %2").arg(m_endpoint.toString(), why)));
        });
        // The name is a filesystem path, so QLocalSocket uses it as-is.
        sock->connectToServer(m_endpoint.socketPath());
        return;
    }

    QTcpSocket *sock = nullptr;
    if (m_endpoint.usesTls()) {
        auto *ssl = new QSslSocket(this);
        sock = ssl;
        const TlsFiles &tls = m_endpoint.tlsFiles();
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        if (!tls.caFile.isEmpty())
            conf.setCaCertificates(QSslCertificate::fromPath(tls.caFile));
        if (!tls.certFile.isEmpty()) {
            const auto certs = QSslCertificate::fromPath(tls.certFile);
            if (!certs.isEmpty())
                conf.setLocalCertificate(certs.first());
        }
        if (!tls.keyFile.isEmpty()) {
            QFile kf(tls.keyFile);
            if (kf.open(QIODevice::ReadOnly)) {
                const QByteArray pem = kf.readAll();
                QSslKey key(pem, QSsl::Rsa);
                if (key.isNull())
                    key = QSslKey(pem, QSsl::Ec);
                conf.setPrivateKey(key);
            }
        }
        conf.setPeerVerifyMode(tls.verifyPeer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
        ssl->setSslConfiguration(conf);
        connect(ssl, &QSslSocket::encrypted, this, &HttpConnection::onConnected);
        connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
            if (!m_endpoint.tlsFiles().verifyPeer) {
                ssl->ignoreSslErrors();
                return;
            }
            QStringList msgs;
            for (const QSslError &e : errors)
                msgs << e.errorString();
            fail(Error(ErrorCode::PermissionDenied,
                QStringLiteral("TLS to %1 rejected: %2").arg(m_endpoint.toString(), msgs.join(u"; "))));
        });
    } else {
        sock = new QTcpSocket(this);
        connect(sock, &QTcpSocket::connected, this, &HttpConnection::onConnected);
    }
    m_device = sock;
    sock->setReadBufferSize(kReadBufferSize);
    connect(sock, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(sock, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(sock, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(sock, &QTcpSocket::errorOccurred, this, [this, sock](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::RemoteHostClosedError)
            return;
        const ErrorCode code = (e == QAbstractSocket::ConnectionRefusedError || e == QAbstractSocket::HostNotFoundError)
            ? ErrorCode::Unavailable
            : ErrorCode::Io;
        fail(Error(code, QStringLiteral("Docker engine at %1: %2").arg(m_endpoint.toString(), sock->errorString())));
    });
    if (auto *ssl = qobject_cast<QSslSocket *>(sock))
        ssl->connectToHostEncrypted(m_endpoint.host(), m_endpoint.port());
    else
        sock->connectToHost(m_endpoint.host(), m_endpoint.port());
}

void HttpConnection::abort()
{
    m_done = true;
    m_timer.stop();
    if (m_device) {
        m_device->disconnect(this);
        if (auto *l = qobject_cast<QLocalSocket *>(m_device.data()))
            l->abort();
        else if (auto *t = qobject_cast<QAbstractSocket *>(m_device.data()))
            t->abort();
        m_device->deleteLater();
    }
}

void HttpConnection::fail(Error error)
{
    if (m_done)
        return;
    qCDebug(lcDocker) << describe() << "failed:" << error.message();
    abort();
    Q_EMIT failed(error);
}

void HttpConnection::armTimer()
{
    if (m_done)
        return;
    const int ms = m_headersDone ? m_request.idleTimeoutMs : m_request.headerTimeoutMs;
    if (!m_connected)
        return; // the connect timeout is running
    if (ms > 0 && !m_paused)
        m_timer.start(ms);
    else
        m_timer.stop();
}

void HttpConnection::onTimeout()
{
    if (!m_connected) {
        fail(Error(ErrorCode::Timeout,
            QStringLiteral("no connection to the Docker engine at %1 within %2 ms")
                .arg(m_endpoint.toString())
                .arg(m_request.connectTimeoutMs)));
    } else if (!m_headersDone) {
        fail(Error(ErrorCode::Timeout,
            QStringLiteral("%1: the Docker engine did not answer within %2 ms")
                .arg(describe())
                .arg(m_request.headerTimeoutMs)));
    } else {
        fail(Error(ErrorCode::Timeout,
            QStringLiteral("%1: the Docker engine stalled for %2 ms mid-response")
                .arg(describe())
                .arg(m_request.idleTimeoutMs)));
    }
}

void HttpConnection::onConnected()
{
    if (m_done || m_connected)
        return;
    m_connected = true;
    QByteArray head;
    head.reserve(512);
    head += m_request.method + ' ' + m_request.target + " HTTP/1.1\r\nHost: " + m_endpoint.hostHeader()
        + "\r\nUser-Agent: ttalkak-docker/0.1\r\nConnection: close\r\n";
    for (const auto &[k, v] : m_request.headers)
        head += k + ": " + v + "\r\n";
    if (m_request.body) {
        head += "Content-Type: " + m_request.body->contentType() + "\r\n";
        if (m_request.body->size() >= 0)
            head += "Content-Length: " + QByteArray::number(m_request.body->size()) + "\r\n";
        else
            head += "Transfer-Encoding: chunked\r\n";
    }
    head += "\r\n";
    m_device->write(head);
    if (!m_request.body)
        m_bodyDone = true;
    armTimer();
    pumpBody();
}

void HttpConnection::pumpBody()
{
    if (m_done || m_bodyDone || !m_device)
        return;
    RequestBody *body = m_request.body.get();
    const bool chunked = body->size() < 0;
    while (!m_done && m_device->bytesToWrite() < kWriteLowWater) {
        QByteArray piece;
        if (auto r = body->read(piece, kWriteChunk); !r) {
            fail(r.error());
            return;
        }
        if (!piece.isEmpty()) {
            if (chunked)
                m_device->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
            else
                m_device->write(piece);
            m_bytesSent += piece.size();
        }
        if (body->atEnd()) {
            if (chunked)
                m_device->write("0\r\n\r\n");
            m_bodyDone = true;
            return;
        }
    }
}

void HttpConnection::onBytesWritten()
{
    if (m_done)
        return;
    if (!m_headersDone)
        armTimer(); // upload progress counts as activity
    pumpBody();
}

void HttpConnection::feed(const char *data, qsizetype len)
{
    QPointer<HttpConnection> guard(this);
    const size_t n = http_parser_execute(m_parser.get(), &Parser::settings(), data, size_t(len));
    if (!guard)
        return;
    if (m_done)
        return;
    const auto err = http_errno(m_parser->http_errno);
    if ((err != HPE_OK && !(len == 0 && m_complete)) || (len > 0 && n != size_t(len) && !m_complete)) {
        fail(Error(ErrorCode::Remote,
            QStringLiteral("%1: malformed HTTP response from the Docker engine (%2)")
                .arg(describe(), QString::fromLatin1(http_errno_description(err)))));
        return;
    }
    if (m_complete) {
        m_done = true;
        m_timer.stop();
        if (m_device) {
            m_device->disconnect(this);
            m_device->deleteLater();
        }
        Q_EMIT finished();
    }
}

void HttpConnection::onReadyRead()
{
    if (m_done || m_paused || !m_device)
        return;
    armTimer();
    char buf[kReadStep];
    QPointer<HttpConnection> guard(this);
    while (guard && !m_done && !m_paused && m_device && m_device->bytesAvailable() > 0) {
        const qint64 n = m_device->read(buf, sizeof buf);
        if (n <= 0)
            break;
        feed(buf, n);
    }
    if (guard && !m_done && m_eofPending && !m_paused && m_device && m_device->bytesAvailable() == 0)
        onDisconnected();
}

void HttpConnection::onDisconnected()
{
    if (m_done)
        return;
    m_eofPending = true;
    if (m_paused)
        return; // resume drains what is buffered, then sees the end
    if (m_device && m_device->bytesAvailable() > 0) {
        onReadyRead();
        return;
    }
    if (!m_connected) {
        fail(Error(ErrorCode::Unavailable,
            QStringLiteral("Docker engine at %1 closed the connection").arg(m_endpoint.toString())));
        return;
    }
    // EOF completes a close-delimited body; anything else means the response was cut short.
    http_parser_execute(m_parser.get(), &Parser::settings(), nullptr, 0);
    if (m_done)
        return;
    if (m_complete) {
        feed(nullptr, 0); // reports finished()
        return;
    }
    fail(Error(ErrorCode::Io,
        m_headersDone
            ? QStringLiteral("%1: the Docker engine closed the connection mid-response").arg(describe())
            : QStringLiteral("%1: the Docker engine closed the connection without answering").arg(describe())));
}

void HttpConnection::setPaused(bool paused)
{
    if (m_paused == paused || m_done)
        return;
    m_paused = paused;
    armTimer();
    if (!paused) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_done || m_paused)
                    return;
                if (m_device && m_device->bytesAvailable() > 0)
                    onReadyRead();
                else if (m_eofPending)
                    onDisconnected();
            },
            Qt::QueuedConnection);
    }
}

} // namespace ttalkak::docker::Internal
