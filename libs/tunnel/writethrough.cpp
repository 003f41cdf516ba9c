#include "writethrough.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <cerrno>

#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>

namespace ttalkak::tunnel {

bool isPlainTcp(const QTcpSocket *socket)
{
    return socket && !qobject_cast<const QSslSocket *>(socket);
}

qint64 unsentBytes(const QTcpSocket *socket)
{
    if (!socket)
        return 0;
    qint64 unsent = socket->bytesToWrite();
    int queued = 0;
    if (isPlainTcp(socket) && ::ioctl(int(socket->socketDescriptor()), SIOCOUTQ, &queued) == 0)
        unsent += queued;
    return unsent;
}

qint64 writeThrough(QTcpSocket *socket, const QByteArray &data)
{
    if (data.isEmpty())
        return 0;
    if (!isPlainTcp(socket) || socket->state() != QAbstractSocket::ConnectedState || socket->bytesToWrite() > 0) {
        socket->write(data); // keeps the order behind what Qt already holds
        return 0;
    }
    const ssize_t n
        = ::send(int(socket->socketDescriptor()), data.constData(), size_t(data.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n < 0) {
        // EAGAIN: the kernel buffer is full; anything else: Qt's own write reports the error.
        socket->write(data);
        return 0;
    }
    if (n < data.size())
        socket->write(data.sliced(n));
    return n;
}

qint64 writeThrough(QTcpSocket *socket, const QByteArray &head, const QByteArray &body)
{
    if (head.isEmpty())
        return writeThrough(socket, body);
    if (!isPlainTcp(socket) || socket->state() != QAbstractSocket::ConnectedState || socket->bytesToWrite() > 0) {
        socket->write(head);
        socket->write(body);
        return 0;
    }
    iovec parts[2] = { { const_cast<char *>(head.constData()), size_t(head.size()) },
        { const_cast<char *>(body.constData()), size_t(body.size()) } };
    msghdr message {};
    message.msg_iov = parts;
    message.msg_iovlen = body.isEmpty() ? 1 : 2;
    const ssize_t n = ::sendmsg(int(socket->socketDescriptor()), &message, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n <= 0) {
        socket->write(head);
        socket->write(body);
        return 0;
    }
    if (n < head.size()) {
        socket->write(head.sliced(n));
        socket->write(body);
    } else if (n < head.size() + body.size()) {
        socket->write(body.sliced(n - head.size()));
    }
    return n;
}

} // namespace ttalkak::tunnel
