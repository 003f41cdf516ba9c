#include "httpserver.h"

#include "logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {

HttpServer::HttpServer(HttpConnection::Limits limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
}

HttpServer::~HttpServer() = default;

Result<void> HttpServer::listen(const QHostAddress &address, quint16 port, const QString &certificatePath,
                                const QString &keyPath)
{
    if (!certificatePath.isEmpty() && !keyPath.isEmpty()) {
        QFile certFile(certificatePath);
        QFile keyFile(keyPath);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Io, QCoreApplication::translate("HttpServer", "cannot read the TLS certificate or key"));
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || key.isNull())
            return Error(ErrorCode::InvalidInput, QCoreApplication::translate("HttpServer", "invalid TLS certificate or key"));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(tls);
        ssl->setHandshakeTimeout(10000);
        m_server = ssl;
        m_tls = true;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onNewConnection);
    if (!m_server->listen(address, port))
        return Error(ErrorCode::Io, QCoreApplication::translate("HttpServer", "cannot listen on %1:%2: %3")
                                        .arg(address.toString())
                                        .arg(port)
                                        .arg(m_server->errorString()));
    return {};
}

quint16 HttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void HttpServer::stop()
{
    if (m_server)
        m_server->close();
    const auto connections = m_connections;
    for (HttpConnection *c : connections)
        c->closeGracefully();
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *connection = new HttpConnection(socket, m_handler, m_upgrade, m_limits, this, m_sinks);
        m_connections.insert(connection);
        connect(connection, &QObject::destroyed, this, [this, connection] { m_connections.remove(connection); });
    }
}

} // namespace ttalkak::relay
