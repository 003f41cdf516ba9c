#include "listener_p.h"

#include "logging.h"

#include <QSslSocket>

namespace ttalkak::tunnel::Internal {

void Listener::incomingConnection(qintptr descriptor)
{
    if (m_ssl) {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(*m_ssl);
        connect(socket, &QSslSocket::sslErrors, socket, [socket](const QList<QSslError> &errors) {
            qCInfo(lcHub) << "TLS handshake failed with" << socket->peerAddress() << errors;
            socket->abort();
        });
        socket->startServerEncryption();
        Q_EMIT accepted(socket);
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    Q_EMIT accepted(socket);
}

} // namespace ttalkak::tunnel::Internal
