#pragma once
// SocketBridge: pumps bytes both ways between a Stream and a TCP socket with back-pressure:
// it stops reading the socket while the stream has more than a high-water mark pending, and
// credits the stream only for bytes the socket has handed to the kernel. Used by the agent
// (stream ↔ container port) and by TcpIngress (database client ↔ stream).
//
// Ownership: takes the socket; the stream stays owned by its connection. The bridge deletes
// itself after finished(), which fires once when both directions are done or either side failed.
// Thread: the stream's thread.

#include <QObject>
#include <QPointer>
#include <QString>

class QTcpSocket;
class QTimer;

namespace ttalkak::tunnel {

class Stream;

class SocketBridge : public QObject
{
    Q_OBJECT
public:
    // `connectTimeoutMs` applies while the socket is still connecting: past it the stream is reset
    // with ConnectFailed.
    SocketBridge(Stream *stream, QTcpSocket *socket, int connectTimeoutMs = 10000, QObject *parent = nullptr);
    ~SocketBridge() override;

    qint64 bytesFromSocket() const { return m_fromSocket; }
    qint64 bytesToSocket() const { return m_toSocket; }

Q_SIGNALS:
    void finished(qint64 bytesFromSocket, qint64 bytesToSocket, const QString &error);

private:
    void pump();
    void onStreamData(const QByteArray &data);
    void onSocketDisconnected();
    void maybeShutdownWrite();
    void done(const QString &error);

    QPointer<Stream> m_stream;
    QTcpSocket *m_socket;
    QTimer *m_timer;
    qint64 m_fromSocket = 0;
    qint64 m_toSocket = 0;
    bool m_connected = false;
    bool m_socketGone = false;
    bool m_remoteFin = false;
    bool m_writeShut = false;
    bool m_done = false;
};

} // namespace ttalkak::tunnel
