#include "writethrough.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>

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
    return writeThrough(socket, data, {});
}

qint64 writeThrough(QTcpSocket *socket, const QByteArray &head, const QByteArray &body)
{
    const QByteArray *parts[] = { &head, &body };
    qint64 sent = 0;
    if (isPlainTcp(socket) && socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() == 0) {
        iovec vector[2];
        int count = 0;
        for (const QByteArray *part : parts)
            if (!part->isEmpty())
                vector[count++] = { const_cast<char *>(part->constData()), size_t(part->size()) };
        if (count == 0)
            return 0;
        msghdr message {};
        message.msg_iov = vector;
        message.msg_iovlen = size_t(count);
        // EAGAIN (the kernel buffer is full) or any error: all goes through Qt, whose own write
        // then reports the error.
        sent = std::max<qint64>(::sendmsg(int(socket->socketDescriptor()), &message, MSG_DONTWAIT | MSG_NOSIGNAL), 0);
    }
    // What the kernel did not take goes through Qt, in order (behind what Qt already holds).
    qint64 skip = sent;
    for (const QByteArray *part : parts) {
        if (skip >= part->size()) {
            skip -= part->size();
            continue;
        }
        socket->write(skip > 0 ? part->sliced(skip) : *part);
        skip = 0;
    }
    return sent;
}

} // namespace ttalkak::tunnel
