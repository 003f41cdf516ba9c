#include "stream.h"

#include "logging.h"
#include "tunnelconnection.h"

#include <algorithm>

namespace ttalkak::tunnel {

using namespace Qt::StringLiterals;

namespace {
constexpr int kFastEpochsToGrow = 4;
}

Stream::Stream(TunnelConnection *connection, quint32 id, const QString &deployment, quint16 port, quint32 sendWindow,
    quint32 receiveWindow)
    : QObject(connection)
    , m_connection(connection)
    , m_id(id)
    , m_deployment(deployment)
    , m_port(port)
    , m_sendWindow(sendWindow)
    , m_peakSendWindow(sendWindow)
    , m_receiveWindow(receiveWindow)
    , m_receiveWindowSize(receiveWindow)
{
    m_epoch.start();
}

Stream::~Stream() = default;

qsizetype Stream::sendDirect(const char *data, qsizetype size)
{
    const qsizetype chunk = qsizetype(m_connection->options().dataChunk);
    qsizetype sent = 0;
    while (sent < size && m_sendWindow > 0) {
        if (m_connection->isCongested()) {
            m_connection->waitForRoom(this);
            break;
        }
        const qsizetype n = std::min({ size - sent, qsizetype(m_sendWindow), chunk });
        m_connection->sendFrame(FrameType::Data, m_id, data + sent, quint32(n));
        m_sendWindow -= n;
        sent += n;
    }
    return sent;
}

void Stream::write(const QByteArray &data)
{
    if (m_closed || m_finishRequested || data.isEmpty())
        return;
    if (pendingBytes() > 0) {
        m_pending.append(data);
        return;
    }
    if (data.size() <= m_sendWindow && data.size() <= qsizetype(m_connection->options().dataChunk)
        && !m_connection->isCongested()) {
        m_connection->sendData(m_id, data); // the common case: one frame, no copy
        m_sendWindow -= data.size();
        return;
    }
    const qsizetype sent = sendDirect(data.constData(), data.size());
    if (sent < data.size()) {
        m_pending = data.mid(sent);
        m_pendingOffset = 0;
    }
}

void Stream::flushPending()
{
    if (pendingBytes() == 0)
        return;
    m_pendingOffset += sendDirect(m_pending.constData() + m_pendingOffset, pendingBytes());
    if (pendingBytes() == 0) {
        m_pending.clear();
        m_pendingOffset = 0;
    } else if (m_pendingOffset > 256 * 1024) {
        m_pending.remove(0, m_pendingOffset);
        m_pendingOffset = 0;
    }
}

void Stream::finish()
{
    if (m_closed || m_finishRequested)
        return;
    m_finishRequested = true;
    sendFinIfDone();
}

void Stream::sendFinIfDone()
{
    if (m_finishRequested && !m_finSent && pendingBytes() == 0 && !m_closed) {
        m_finSent = true;
        m_connection->sendFrame(FrameType::Fin, m_id, nullptr, 0);
        maybeClose();
    }
}

void Stream::reset(ResetCode code, const QString &reason)
{
    if (m_closed)
        return;
    const QByteArray payload = encodeReset(code, reason);
    m_connection->sendFrame(FrameType::Reset, m_id, payload.constData(), quint32(payload.size()));
    terminate(code, reason);
}

void Stream::consume(qint64 bytes)
{
    if (m_closed || bytes <= 0)
        return;
    m_unacked += bytes;
    // Credit in batches of a quarter window: fewer Window frames, no stall.
    if (m_unacked < m_receiveWindowSize / 4 || m_remoteFin)
        return;
    qint64 grant = m_unacked;
    m_consumedInEpoch += m_unacked;
    m_unacked = 0;
    if (m_consumedInEpoch >= m_receiveWindowSize) {
        // The reader drained a whole window; if that took only a few round trips the window,
        // not the reader, is what limits the stream.
        // Several in a row, because a fresh socket's kernel buffer swallows the first windows
        // of even the slowest client.
        const qint64 limitNs = 4 * std::max<qint64>(m_connection->roundTripNs(), 500'000);
        const bool fast = m_epoch.nsecsElapsed() < limitNs && (!m_sinkBacklog || m_sinkBacklog() < m_receiveWindowSize);
        m_fastEpochs = fast ? m_fastEpochs + 1 : 0;
        if (m_fastEpochs >= kFastEpochsToGrow && m_receiveWindowSize < m_connection->options().maxWindow) {
            grant += m_receiveWindowSize;
            m_receiveWindowSize *= 2;
            qCDebug(lcProtocol) << "stream" << m_id << "window grows to" << m_receiveWindowSize;
            m_fastEpochs = 0;
        }
        m_consumedInEpoch = 0;
        m_epoch.restart();
    }
    const QByteArray payload = encodeWindow(quint32(grant));
    m_connection->sendFrame(FrameType::Window, m_id, payload.constData(), 4);
    m_receiveWindow += grant;
}

void Stream::handleData(const QByteArray &payload)
{
    if (m_closed)
        return;
    if (m_remoteFin) {
        reset(ResetCode::Protocol, u"data after fin"_s);
        return;
    }
    m_receiveWindow -= payload.size();
    if (m_receiveWindow < 0) {
        qCWarning(lcProtocol) << "stream" << m_id << "peer overran its window";
        reset(ResetCode::FlowControl, u"window exceeded"_s);
        return;
    }
    Q_EMIT dataReceived(payload);
}

void Stream::handleWindow(quint32 increment)
{
    if (m_closed)
        return;
    // A producer that stopped at a closed window (rather than queueing) waits for drained() too.
    const bool waited = pendingBytes() > 0 || m_sendWindow <= 0;
    m_sendWindow += increment;
    m_peakSendWindow = std::max(m_peakSendWindow, m_sendWindow);
    flushPending();
    if (waited && pendingBytes() == 0 && m_sendWindow > 0) {
        sendFinIfDone();
        if (!m_closed)
            Q_EMIT drained();
    }
}

void Stream::handleFin()
{
    if (m_closed || m_remoteFin)
        return;
    m_remoteFin = true;
    Q_EMIT remoteFinished();
    maybeClose();
}

void Stream::handleReset(ResetCode code, const QString &reason)
{
    terminate(code, reason);
}

void Stream::connectionLost(const QString &reason)
{
    terminate(ResetCode::Gone, reason);
}

void Stream::terminate(ResetCode code, const QString &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    m_pending.clear();
    m_pendingOffset = 0;
    Q_EMIT aborted(code, reason);
    Q_EMIT closed();
    m_connection->streamClosed(this);
}

void Stream::maybeClose()
{
    if (!m_closed && m_finSent && m_remoteFin) {
        m_closed = true;
        Q_EMIT closed();
        m_connection->streamClosed(this);
    }
}

} // namespace ttalkak::tunnel
