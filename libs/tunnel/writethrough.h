#pragma once
// writeThrough(): hands bytes to a TCP socket the way a proxy wants them handed over. A buffered
// QTcpSocket keeps every write() until the next event-loop pass and arms a write notifier for
// it (two epoll_ctl calls per write with EpollDispatcher); on a plain TCP socket whose Qt buffer
// is empty we sendmsg(2) at once and only what the kernel does not take goes through Qt.
// Returns how many bytes went out directly: the socket emits bytesWritten() only for the rest,
// so the caller accounts for these itself. TLS sockets always go through Qt (returns 0).
// Thread: the socket's.

#include <QByteArray>

class QTcpSocket;

namespace ttalkak::tunnel {

qint64 writeThrough(QTcpSocket *socket, const QByteArray &data);
// The same for `head` followed by `body`, in one sendmsg(2): a frame header and its payload
// leave as one write instead of a tiny segment of their own. Returns bytes of both sent directly.
qint64 writeThrough(QTcpSocket *socket, const QByteArray &head, const QByteArray &body);

// Bytes handed over but not yet taken by the peer: Qt's buffer plus, for plain TCP, the
// kernel's send queue (SIOCOUTQ). One ioctl.
qint64 unsentBytes(const QTcpSocket *socket);

// Whether writeThrough() can bypass Qt for this socket at all (plain TCP, not QSslSocket).
bool isPlainTcp(const QTcpSocket *socket);

} // namespace ttalkak::tunnel
