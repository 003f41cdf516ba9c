#include "socketbridge.h"

#include "logging.h"
#include "stream.h"
#include "writethrough.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

#include <sys/socket.h>

namespace ttalkak::tunnel {

using namespace Qt::StringLiterals;

namespace {
// Small on purpose: a stream whose far reader is slow holds at most this much here, the rest
// waits in the kernel and, beyond that, in the sender (TCP back-pressure).
constexpr qint64 kHighWater = 16 * 1024; // stop reading the socket with this much unsent
constexpr qint64 kReadChunk = 16 * 1024;
constexpr qint64 kSocketReadBuffer = 16 * 1024;
constexpr qint64 kMaxReadChunk = 512 * 1024; // one Data frame
constexpr qint64 kMaxReadBuffer = 512 * 1024;
constexpr int kLingerMs = 10000; // how long a half-dead pair may wait for the other side
} // namespace

SocketBridge::SocketBridge(Stream *stream, QTcpSocket *socket, int connectTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_stream(stream)
    , m_socket(socket)
    , m_timer(new QTimer(this))
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_timer->setSingleShot(true);
    m_connected = m_socket->state() == QAbstractSocket::ConnectedState;
    if (m_connected) {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    } else {
        connect(m_timer, &QTimer::timeout, this, [this] {
            if (m_stream)
                m_stream->reset(ResetCode::ConnectFailed, u"connect timed out"_s);
            done(u"connect timed out"_s);
        });
        m_timer->start(connectTimeoutMs);
    }

    connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_connected = true;
        m_timer->stop();
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &SocketBridge::pump);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this](qint64 n) {
        if (m_stream)
            m_stream->consume(n);
        maybeShutdownWrite();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &SocketBridge::onSocketDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            return; // disconnected() follows and handles it
        if (!m_connected) {
            const QString message = m_socket->errorString();
            if (m_stream)
                m_stream->reset(ResetCode::ConnectFailed, message);
            done(message);
        }
    });

    stream->setSinkBacklogProbe([socket = QPointer<QTcpSocket>(m_socket)] { return unsentBytes(socket); });
    connect(stream, &Stream::dataReceived, this, &SocketBridge::onStreamData);
    connect(stream, &Stream::drained, this, &SocketBridge::pump);
    connect(stream, &Stream::remoteFinished, this, [this] {
        m_remoteFin = true;
        maybeShutdownWrite();
    });
    connect(stream, &Stream::aborted, this, [this](ResetCode, const QString &reason) {
        m_socket->abort();
        done(reason);
    });
    connect(stream, &Stream::closed, this, [this] {
        if (m_done)
            return;
        if (m_socket->state() == QAbstractSocket::UnconnectedState) {
            done({});
        } else {
            m_socket->disconnectFromHost(); // flushes, then disconnected() → done
            m_timer->disconnect();
            connect(m_timer, &QTimer::timeout, this, [this] {
                m_socket->abort();
                done({});
            });
            m_timer->start(kLingerMs);
        }
    });
}

SocketBridge::~SocketBridge() = default;

void SocketBridge::pump()
{
    if (!m_stream || m_done)
        return;
    // Buffers follow the window: small for a slow reader, large for one that keeps up.
    const qint64 peak = m_stream->peakSendWindow();
    m_socket->setReadBufferSize(std::clamp<qint64>(peak / 4, kSocketReadBuffer, kMaxReadBuffer));
    const qint64 highWater = std::clamp<qint64>(peak / 4, kHighWater, kMaxReadChunk);
    while (m_stream && m_stream->pendingBytes() < highWater && m_socket->bytesAvailable() > 0) {
        // What the window cannot take stays in the socket (Qt's bounded buffer, then the kernel):
        // a slow reader's stream then holds nothing here. drained() resumes us.
        const qint64 room = m_stream->sendWindow() - m_stream->pendingBytes();
        if (room <= 0)
            break;
        const qint64 chunk = std::min(std::clamp<qint64>(peak / 4, kReadChunk, kMaxReadChunk), room);
        const QByteArray data = m_socket->read(std::min(m_socket->bytesAvailable(), chunk));
        if (data.isEmpty())
            break;
        m_fromSocket += data.size();
        m_stream->write(data);
    }
}

void SocketBridge::onStreamData(const QByteArray &data)
{
    m_toSocket += data.size();
    if (m_socketGone) {
        if (m_stream)
            m_stream->consume(data.size()); // nobody to deliver to; keep the window open
        return;
    }
    if (const qint64 direct = writeThrough(m_socket, data); direct > 0 && m_stream)
        m_stream->consume(direct); // what Qt buffered is consumed on bytesWritten()
}

void SocketBridge::maybeShutdownWrite()
{
    if (!m_remoteFin || m_writeShut || m_socketGone || m_socket->bytesToWrite() > 0
        || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_writeShut = true;
    if (qobject_cast<QSslSocket *>(m_socket)) {
        m_socket->disconnectFromHost();
        return;
    }
    // Qt has no half-close; the peer must see EOF while it may still answer (e.g. a database
    // client that sent its last query), so shut down our sending side only.
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

void SocketBridge::onSocketDisconnected()
{
    if (m_socketGone)
        return;
    m_socketGone = true;
    pump();
    // Whatever is still buffered in Qt goes out before the Fin.
    if (m_stream && m_socket->bytesAvailable() > 0) {
        const QByteArray rest = m_socket->readAll();
        m_fromSocket += rest.size();
        m_stream->write(rest);
    }
    if (!m_stream) {
        done({});
        return;
    }
    m_stream->finish();
    if (m_stream && !m_stream->isClosed()) {
        m_timer->disconnect();
        connect(m_timer, &QTimer::timeout, this, [this] {
            if (m_stream)
                m_stream->reset(ResetCode::Cancelled, u"peer side closed"_s);
            done({});
        });
        m_timer->start(kLingerMs);
    } else {
        done({});
    }
}

void SocketBridge::done(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_timer->stop();
    if (m_stream && !m_stream->isClosed())
        m_stream->reset(ResetCode::Cancelled, error);
    Q_EMIT finished(m_fromSocket, m_toSocket, error);
    deleteLater();
}

} // namespace ttalkak::tunnel
