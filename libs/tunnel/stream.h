#pragma once
// Stream: one bidirectional byte stream multiplexed over a TunnelConnection, with a flow-control
// window per direction (docs/protocol.md, tunnel section). Open streams with TunnelHub::openStream (relay side);
// the agent receives them from TunnelConnection::streamRequested.
//
// Ownership: the TunnelConnection owns its streams; a stream deletes itself (deleteLater) right
// after closed(). Hold it in a QPointer. Thread: the connection's thread only.
//
// Sending: write() always accepts the bytes; what the peer's window does not allow yet waits in
// pendingBytes(). Producers stop reading their source above a high-water mark of their choice, or
// as soon as sendWindow() is used up, and resume on drained() (the window reopened with nothing
// pending). So a slow reader on the far end bounds memory on both ends to one window.
// Receiving: dataReceived() hands over bytes; call consume(n) once n of them have left your
// buffers (e.g. a socket's bytesWritten) — only that credits the peer's window. The receive
// window starts at TunnelOptions::initialWindow and doubles (up to maxWindow) whenever the reader
// drains a whole window within a few round trips: fast readers get throughput, slow ones cost
// no more than the initial window.
// Ending: finish() half-closes after pending data; closed() fires once both sides finished or
// after aborted() (reset by either side, or the tunnel connection was lost).

#include "frame.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <functional>

namespace ttalkak::tunnel {

class TunnelConnection;

class Stream : public QObject
{
    Q_OBJECT
public:
    ~Stream() override;

    quint32 id() const { return m_id; }
    const QString &deployment() const { return m_deployment; }
    quint16 port() const { return m_port; }
    bool isClosed() const { return m_closed; }
    bool isRemoteFinished() const { return m_remoteFin; }

    void write(const QByteArray &data);
    qint64 pendingBytes() const { return m_pending.size() - m_pendingOffset; }
    // What the peer's window allows to send right now (grows when its reader is fast).
    qint64 sendWindow() const { return m_sendWindow; }
    // The largest window the peer has granted so far: how much it is willing to have in flight.
    qint64 peakSendWindow() const { return m_peakSendWindow; }
    void finish();
    void reset(ResetCode code = ResetCode::Cancelled, const QString &reason = {});
    void consume(qint64 bytes);
    // What the consumer's sink still holds (e.g. a socket's unsent bytes): the window grows only
    // when that is less than a window, so a reader whose kernel buffers merely swallowed the first
    // windows is not taken for a fast one. Asked once per window, not per consume().
    void setSinkBacklogProbe(std::function<qint64()> probe) { m_sinkBacklog = std::move(probe); }

Q_SIGNALS:
    void dataReceived(const QByteArray &data);
    void remoteFinished();
    void drained();
    void aborted(ttalkak::tunnel::ResetCode code, const QString &reason);
    void closed();

private:
    friend class TunnelConnection;
    Stream(TunnelConnection *connection, quint32 id, const QString &deployment, quint16 port, quint32 sendWindow,
        quint32 receiveWindow);

    void handleData(const QByteArray &payload);
    void handleWindow(quint32 increment);
    void handleFin();
    void handleReset(ResetCode code, const QString &reason);
    void connectionLost(const QString &reason);

    qsizetype sendDirect(const char *data, qsizetype size);
    void flushPending();
    void sendFinIfDone();
    void terminate(ResetCode code, const QString &reason);
    void maybeClose();

    TunnelConnection *m_connection;
    quint32 m_id;
    QString m_deployment;
    quint16 m_port;
    qint64 m_sendWindow;
    qint64 m_peakSendWindow;
    qint64 m_receiveWindow;
    qint64 m_receiveWindowSize;
    qint64 m_unacked = 0;
    qint64 m_consumedInEpoch = 0;
    int m_fastEpochs = 0;
    QElapsedTimer m_epoch;
    std::function<qint64()> m_sinkBacklog;
    QByteArray m_pending;
    qsizetype m_pendingOffset = 0;
    bool m_finishRequested = false;
    bool m_finSent = false;
    bool m_remoteFin = false;
    bool m_closed = false;
};

} // namespace ttalkak::tunnel
