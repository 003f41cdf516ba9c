#pragma once
// Internal: a QTcpServer that hands out plain or TLS sockets (TLS when a configuration is set)
// through accepted(); the receiver takes ownership. Shared by the hub and both ingresses.

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace ttalkak::tunnel::Internal {

class Listener : public QTcpServer
{
    Q_OBJECT
public:
    explicit Listener(QObject *parent = nullptr)
        : QTcpServer(parent)
    {
        setListenBacklogSize(1024);
    }
    void setSslConfiguration(const std::optional<QSslConfiguration> &config) { m_ssl = config; }
    bool isTls() const { return m_ssl.has_value(); }

Q_SIGNALS:
    void accepted(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    std::optional<QSslConfiguration> m_ssl;
};

} // namespace ttalkak::tunnel::Internal
