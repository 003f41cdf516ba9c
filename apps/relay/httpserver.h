#pragma once
// HttpServer: the relay's single listener (plain TCP, or TLS with QSslServer when a certificate
// and key are configured). Every connection becomes an HttpConnection serving `handler`;
// WebSocket upgrade requests go to `upgradeHandler`.

#include "httpconnection.h"

#include <core/result.h>

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSet>

class QTcpServer;

namespace ttalkak::relay {

class HttpServer : public QObject
{
    Q_OBJECT
public:
    explicit HttpServer(HttpConnection::Limits limits, QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(HttpConnection::Handler handler) { m_handler = std::move(handler); }
    void setUpgradeHandler(HttpConnection::UpgradeHandler handler) { m_upgrade = std::move(handler); }
    // Routes that take large bodies to disk (blob uploads), see httpbodysink.h.
    void setSinkProvider(HttpConnection::SinkProvider sinks) { m_sinks = std::move(sinks); }

    // TLS when certificatePath and keyPath are both non-empty (PEM files).
    core::Result<void> listen(const QHostAddress &address, quint16 port, const QString &certificatePath = {},
                              const QString &keyPath = {});
    quint16 port() const;
    bool isTls() const { return m_tls; }
    // Stops accepting and asks every open HTTP connection to close after its current reply.
    void stop();
    int connectionCount() const { return int(m_connections.size()); }

private:
    void onNewConnection();

    HttpConnection::Limits m_limits;
    HttpConnection::Handler m_handler;
    HttpConnection::UpgradeHandler m_upgrade;
    HttpConnection::SinkProvider m_sinks;
    QTcpServer *m_server = nullptr;
    QSet<HttpConnection *> m_connections;
    bool m_tls = false;
};

} // namespace ttalkak::relay
