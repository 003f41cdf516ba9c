#include "tunnelconnection.h"

#include "framedecoder.h"
#include "logging.h"
#include "writethrough.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

namespace ttalkak::tunnel {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype kFlushNow = 256 * 1024; // write at once past this much batched output
constexpr qint64 kCongested = 1024 * 1024; // bytes queued for the socket before Data waits
constexpr int kMaxMachineId = 256;
constexpr quint32 kMaxHandshakePayload = 16 * 1024; // before authentication nobody gets a megabyte
constexpr int kMaxDeployment = 256;
constexpr qint64 kReadSlack = 64 * 1024;
} // namespace

TunnelConnection::TunnelConnection(Role role, QTcpSocket *socket, const TunnelOptions &options, QObject *parent)
    : QObject(parent)
    , m_role(role)
    , m_options(options)
    , m_socket(socket)
    , m_decoder(std::make_unique<FrameDecoder>(std::min(options.maxPayload, kMaxHandshakePayload)))
    , m_tick(new QTimer(this))
    , m_peerWindow(options.initialWindow)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Bounded, so a fast peer's megabytes wait in the kernel rather than in our heap; one whole
    // frame always fits, or its decoding would stall.
    m_socket->setReadBufferSize(qint64(options.maxPayload) + kFrameHeaderSize + kReadSlack);
    m_peer = m_socket->peerAddress();
    m_lastHeard.start();
    m_sinceStart.start();
    connect(m_socket, &QTcpSocket::readyRead, this, &TunnelConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &TunnelConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { shutdown(u"connection closed by peer"_s, false); });
    connect(m_socket, &QTcpSocket::errorOccurred, this,
        [this](QAbstractSocket::SocketError) { shutdown(m_socket->errorString(), false); });
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_peer = m_socket->peerAddress();
        m_lastHeard.restart();
        if (!m_pendingHello.isEmpty()) {
            m_out.append(m_pendingHello);
            m_pendingHello.clear();
            flushOut();
        }
    });
    m_tick->setInterval(std::max(50, std::min(m_options.pingIntervalMs, m_options.handshakeTimeoutMs) / 2));
    connect(m_tick, &QTimer::timeout, this, &TunnelConnection::onTick);
    m_tick->start();
}

TunnelConnection::~TunnelConnection() = default;

QHostAddress TunnelConnection::peerAddress() const
{
    return m_peer;
}

void TunnelConnection::sendFrame(FrameType type, quint32 stream, const char *payload, quint32 length)
{
    if (m_closed)
        return;
    appendFrame(m_out, type, stream, payload, length);
    if (m_out.size() >= kFlushNow) {
        flushOut();
    } else if (!m_flushQueued) {
        // Batch every frame produced in this event-loop pass into one socket write.
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &TunnelConnection::flushOut, Qt::QueuedConnection);
    }
}

void TunnelConnection::sendData(quint32 stream, const QByteArray &payload)
{
    if (m_closed)
        return;
    if (payload.size() < 4096 || m_socket->state() != QAbstractSocket::ConnectedState) {
        sendFrame(FrameType::Data, stream, payload.constData(), quint32(payload.size()));
        return;
    }
    // Large payloads go to the socket as they are (Qt queues the QByteArray without copying it),
    // after whatever was batched before them.
    appendFrameHeader(m_out, FrameType::Data, stream, quint32(payload.size()));
    writeThrough(m_socket, m_out, payload);
    m_out.clear();
}

void TunnelConnection::flushOut()
{
    m_flushQueued = false;
    if (m_out.isEmpty() || m_closed)
        return;
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return; // sent once connected
    writeThrough(m_socket, m_out); // streams waiting for room are woken by bytesWritten()
    m_out.clear();
}

void TunnelConnection::sendHello(const QString &machineId, const QByteArray &key, int index)
{
    m_machineId = machineId;
    m_index = index;
    const QJsonObject hello { { u"v"_s, kProtocolVersion }, { u"machine"_s, machineId },
        { u"key"_s, QString::fromLatin1(key.toBase64()) }, { u"conn"_s, index },
        { u"win"_s, qint64(m_options.initialWindow) } };
    const QByteArray json = QJsonDocument(hello).toJson(QJsonDocument::Compact);
    QByteArray frame;
    appendFrame(frame, FrameType::Hello, 0, json.constData(), quint32(json.size()));
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        m_out.append(frame);
        flushOut();
    } else {
        m_pendingHello = frame;
    }
}

void TunnelConnection::accept()
{
    if (m_closed || m_established)
        return;
    m_established = true;
    m_decoder->setMaxPayload(m_options.maxPayload);
    const QJsonObject welcome { { u"v"_s, kProtocolVersion }, { u"win"_s, qint64(m_options.initialWindow) },
        { u"ping"_s, m_options.pingIntervalMs } };
    const QByteArray json = QJsonDocument(welcome).toJson(QJsonDocument::Compact);
    sendFrame(FrameType::Welcome, 0, json.constData(), quint32(json.size()));
    sendPing();
    Q_EMIT established();
}

void TunnelConnection::reject(const QString &reason)
{
    if (m_closed)
        return;
    const QByteArray text = reason.toUtf8();
    sendFrame(FrameType::Reject, 0, text.constData(), quint32(text.size()));
    shutdown(reason, true);
}

Stream *TunnelConnection::openStream(const QString &deployment, quint16 port)
{
    if (!m_established || m_closed || m_role != Role::Hub)
        return nullptr;
    const quint32 id = m_nextStreamId++;
    const QByteArray json
        = QJsonDocument(QJsonObject { { u"d"_s, deployment }, { u"p"_s, port } }).toJson(QJsonDocument::Compact);
    sendFrame(FrameType::Open, id, json.constData(), quint32(json.size()));
    auto *stream = new Stream(this, id, deployment, port, m_peerWindow, m_options.initialWindow);
    m_streams.insert(id, stream);
    return stream;
}

void TunnelConnection::streamClosed(Stream *stream)
{
    m_streams.remove(stream->id());
    stream->deleteLater();
}

bool TunnelConnection::isCongested() const
{
    return m_out.size() + (m_socket ? m_socket->bytesToWrite() : 0) > kCongested;
}

void TunnelConnection::waitForRoom(Stream *stream)
{
    if (!m_waiting.contains(stream->id()))
        m_waiting.append(stream->id());
}

void TunnelConnection::onBytesWritten()
{
    // Round robin: each waiting stream sends what its window allows, until congested again.
    while (!m_waiting.isEmpty() && !isCongested() && !m_closed) {
        Stream *stream = m_streams.value(m_waiting.takeFirst());
        if (stream)
            stream->handleWindow(0);
    }
}

void TunnelConnection::onReadyRead()
{
    if (m_closed)
        return;
    m_lastHeard.restart();
    while (!m_closed) {
        std::optional<Frame> frame = m_decoder->readFrom(m_socket);
        if (!frame)
            break;
        handleFrame(*frame);
    }
    if (m_decoder->hasError() && !m_closed) {
        qCWarning(lcProtocol) << "malformed frame from" << peerAddress() << m_decoder->errorString();
        shutdown(u"protocol error: "_s + m_decoder->errorString(), false);
    }
}

void TunnelConnection::handleFrame(Frame &frame)
{
    if (frame.stream == 0) {
        handleControl(frame);
        return;
    }
    if (!m_established) {
        shutdown(u"protocol error: stream frame before handshake"_s, false);
        return;
    }
    if (frame.type == FrameType::Open) {
        handleOpen(frame);
        return;
    }
    Stream *stream = m_streams.value(frame.stream);
    if (!stream)
        return; // a stream we already reset; its in-flight frames are dropped
    switch (frame.type) {
    case FrameType::Data:
        stream->handleData(frame.payload);
        break;
    case FrameType::Window:
        if (frame.payload.size() != 4) {
            stream->reset(ResetCode::Protocol, u"bad window frame"_s);
            break;
        }
        stream->handleWindow(qFromBigEndian<quint32>(frame.payload.constData()));
        break;
    case FrameType::Fin:
        stream->handleFin();
        break;
    case FrameType::Reset: {
        const auto code = frame.payload.isEmpty() ? ResetCode::Cancelled : static_cast<ResetCode>(frame.payload.at(0));
        stream->handleReset(code, QString::fromUtf8(frame.payload.mid(1)));
        break;
    }
    default:
        stream->reset(ResetCode::Protocol, u"unexpected frame on a stream"_s);
        break;
    }
}

void TunnelConnection::handleOpen(Frame &frame)
{
    if (m_role != Role::Agent || frame.stream <= m_lastPeerStreamId) {
        shutdown(u"protocol error: unexpected open"_s, false);
        return;
    }
    m_lastPeerStreamId = frame.stream;
    const QJsonObject open = QJsonDocument::fromJson(frame.payload).object();
    const QString deployment = open.value(u"d"_s).toString();
    const int port = open.value(u"p"_s).toInt(-1);
    auto *stream = new Stream(
        this, frame.stream, deployment, quint16(std::clamp(port, 0, 65535)), m_peerWindow, m_options.initialWindow);
    m_streams.insert(frame.stream, stream);
    if (deployment.isEmpty() || deployment.size() > kMaxDeployment || port <= 0 || port > 65535) {
        stream->reset(ResetCode::Protocol, u"malformed open"_s);
        return;
    }
    if (m_streams.size() > m_options.maxStreams) {
        stream->reset(ResetCode::Refused, u"too many streams"_s);
        return;
    }
    Q_EMIT streamRequested(stream, deployment, quint16(port));
}

void TunnelConnection::handleControl(Frame &frame)
{
    switch (frame.type) {
    case FrameType::Hello: {
        if (m_role != Role::Hub || m_helloSeen) {
            shutdown(u"protocol error: unexpected hello"_s, false);
            return;
        }
        m_helloSeen = true;
        const QJsonObject hello = QJsonDocument::fromJson(frame.payload).object();
        const QString machine = hello.value(u"machine"_s).toString();
        const qint64 window = hello.value(u"win"_s).toInteger(0);
        if (hello.value(u"v"_s).toInt() != kProtocolVersion || machine.isEmpty() || machine.size() > kMaxMachineId
            || window < 1024 || window > (1 << 30)) {
            reject(u"malformed hello"_s);
            return;
        }
        m_machineId = machine;
        m_index = hello.value(u"conn"_s).toInt();
        m_peerWindow = quint32(window);
        Q_EMIT helloReceived(machine, QByteArray::fromBase64(hello.value(u"key"_s).toString().toLatin1()), m_index);
        break;
    }
    case FrameType::Welcome: {
        if (m_role != Role::Agent || m_established) {
            shutdown(u"protocol error: unexpected welcome"_s, false);
            return;
        }
        const QJsonObject welcome = QJsonDocument::fromJson(frame.payload).object();
        const qint64 window = welcome.value(u"win"_s).toInteger(0);
        if (window < 1024 || window > (1 << 30)) {
            shutdown(u"protocol error: bad welcome"_s, false);
            return;
        }
        m_peerWindow = quint32(window);
        m_established = true;
        m_decoder->setMaxPayload(m_options.maxPayload);
        sendPing();
        Q_EMIT established();
        break;
    }
    case FrameType::Reject: {
        const QString reason = QString::fromUtf8(frame.payload);
        Q_EMIT rejected(reason);
        shutdown(u"rejected: "_s + reason, false);
        break;
    }
    case FrameType::Ping:
        sendFrame(FrameType::Pong, 0, frame.payload.constData(), quint32(frame.payload.size()));
        break;
    case FrameType::Pong:
        if (frame.payload.size() == 8) {
            const qint64 sample = m_sinceStart.nsecsElapsed() - qFromBigEndian<qint64>(frame.payload.constData());
            if (sample > 0)
                m_rttNs = m_rttNs == 0 ? sample : (7 * m_rttNs + sample) / 8;
        }
        break;
    case FrameType::GoAway:
        shutdown(u"peer is going away: "_s + QString::fromUtf8(frame.payload), false);
        break;
    default:
        shutdown(u"protocol error: stream frame on stream 0"_s, false);
        break;
    }
}

void TunnelConnection::onTick()
{
    if (m_closed)
        return;
    if (!m_established && m_sinceStart.elapsed() > m_options.handshakeTimeoutMs) {
        shutdown(u"handshake timed out"_s, false);
        return;
    }
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const qint64 silent = m_lastHeard.elapsed();
    if (silent > m_options.idleTimeoutMs) {
        qCInfo(lcProtocol) << "peer" << peerAddress() << "silent for" << silent << "ms";
        shutdown(u"keepalive timeout"_s, false);
    } else if (m_established && silent >= m_options.pingIntervalMs / 2) {
        sendPing();
    }
}

void TunnelConnection::sendPing()
{
    // The payload is our send time; the echo gives the round-trip time.
    char stamp[8];
    qToBigEndian<qint64>(m_sinceStart.nsecsElapsed(), stamp);
    sendFrame(FrameType::Ping, 0, stamp, 8);
}

void TunnelConnection::close(const QString &reason)
{
    if (m_closed)
        return;
    const QByteArray text = reason.toUtf8();
    sendFrame(FrameType::GoAway, 0, text.constData(), quint32(text.size()));
    shutdown(reason, true);
}

void TunnelConnection::abort(const QString &reason)
{
    shutdown(reason, false);
}

void TunnelConnection::shutdown(const QString &reason, bool graceful)
{
    if (m_closed)
        return;
    if (graceful)
        flushOut();
    m_closed = true;
    m_tick->stop();
    const QList<Stream *> streams = m_streams.values();
    for (Stream *stream : streams)
        stream->connectionLost(reason);
    m_streams.clear();
    QTcpSocket *socket = m_socket;
    disconnect(socket, nullptr, this, nullptr);
    if (graceful && socket->state() == QAbstractSocket::ConnectedState) {
        // The socket outlives us until its last bytes (Reject, GoAway) are out: deleting it
        // while it drains would abort it.
        socket->setParent(nullptr);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(5000, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        socket->disconnectFromHost();
    } else {
        socket->abort();
    }
    qCDebug(lcProtocol) << "connection" << m_machineId << m_index << "closed:" << reason;
    Q_EMIT closed(reason);
}

} // namespace ttalkak::tunnel
