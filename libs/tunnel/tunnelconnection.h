#pragma once
// TunnelConnection: one TCP (or TLS) connection of the tunnel protocol, either end. It frames,
// handshakes, multiplexes Streams, answers and sends keepalive pings, and notices a silent peer.
// Most code uses TunnelHub (relay) or Agent (provider), which own these.
//
// Ownership: takes the socket (reparented). Its owner deletes it (deleteLater) after closed().
// Thread: the thread it lives in. Signals:
//   helloReceived  hub: an agent introduced itself — answer with accept() or reject();
//   established    both: the handshake finished;
//   rejected       agent: the hub refused the credentials (closed() follows);
//   streamRequested agent: the hub opened a stream — bridge it or reset() it;
//   closed         once, when the connection is gone; every open stream was aborted(Gone) before.

#include "stream.h"
#include "tunneloptions.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

class QTcpSocket;
class QTimer;

namespace ttalkak::tunnel {

class FrameDecoder;

class TunnelConnection : public QObject
{
    Q_OBJECT
public:
    enum class Role { Agent, Hub };

    TunnelConnection(Role role, QTcpSocket *socket, const TunnelOptions &options, QObject *parent = nullptr);
    ~TunnelConnection() override;

    Role role() const { return m_role; }
    const TunnelOptions &options() const { return m_options; }
    bool isEstablished() const { return m_established; }
    bool isClosed() const { return m_closed; }
    const QString &machineId() const { return m_machineId; }
    int index() const { return m_index; }
    QHostAddress peerAddress() const;
    int streamCount() const { return int(m_streams.size()); }
    // Smoothed round-trip time measured with Ping/Pong; 0 until the first Pong.
    qint64 roundTripNs() const { return m_rttNs; }

    // Agent: introduce ourselves (sent as soon as the socket is connected).
    void sendHello(const QString &machineId, const QByteArray &key, int index);
    // Hub: answer helloReceived.
    void accept();
    void reject(const QString &reason);
    // Hub: open a stream towards `port` of `deployment` on the agent. Data may be written at once.
    // Returns nullptr when the connection is not established.
    Stream *openStream(const QString &deployment, quint16 port);

    // Sends GoAway and closes after flushing; streams are aborted(Gone).
    void close(const QString &reason);
    void abort(const QString &reason);

    // Used by Stream.
    void sendFrame(FrameType type, quint32 stream, const char *payload, quint32 length);
    void sendData(quint32 stream, const QByteArray &payload);
    void streamClosed(Stream *stream);
    // More than a bounded amount is queued for the socket: Data waits in the streams (which push
    // back on their sources) until the socket drains, and then resumes in turn.
    bool isCongested() const;
    void waitForRoom(Stream *stream);

Q_SIGNALS:
    void helloReceived(const QString &machineId, const QByteArray &key, int index);
    void established();
    void rejected(const QString &reason);
    void streamRequested(ttalkak::tunnel::Stream *stream, const QString &deployment, quint16 port);
    void closed(const QString &reason);

private:
    void onReadyRead();
    void handleFrame(Frame &frame);
    void handleControl(Frame &frame);
    void handleOpen(Frame &frame);
    void onTick();
    void flushOut();
    void shutdown(const QString &reason, bool graceful);
    void sendPing();
    void onBytesWritten();

    Role m_role;
    TunnelOptions m_options;
    QPointer<QTcpSocket> m_socket;
    QHostAddress m_peer;
    std::unique_ptr<FrameDecoder> m_decoder;
    QHash<quint32, Stream *> m_streams;
    QList<quint32> m_waiting; // streams with Data held back by congestion, oldest first
    QByteArray m_out;
    bool m_flushQueued = false;
    QTimer *m_tick;
    QElapsedTimer m_lastHeard;
    QElapsedTimer m_sinceStart;
    quint32 m_peerWindow;
    qint64 m_rttNs = 0;
    quint32 m_nextStreamId = 1;
    quint32 m_lastPeerStreamId = 0;
    QString m_machineId;
    int m_index = 0;
    QByteArray m_pendingHello;
    bool m_helloSeen = false;
    bool m_established = false;
    bool m_closed = false;
};

} // namespace ttalkak::tunnel
