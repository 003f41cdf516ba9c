#pragma once
// DomainCheck: one custom-domain ownership check. Requests http://<host>:<port><path> (HTTP/1.1,
// Connection: close) and compares the 200 answer's body with the expected token. The host is
// resolved by the system, unless `connectTo` is set (tests, operators with split-horizon DNS):
// then the connection goes there and only the Host header names the host.
//
//   auto *check = new DomainCheck({host, ingressPort, path, token}, this);
//   connect(check, &DomainCheck::finished, this, [](bool matched, const QString &detail) { ... });
//   check->start();
//
// finished fires exactly once (within timeoutMs); the object deletes itself afterwards.
// Thread: the relay's main thread.

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace ttalkak::relay {

class DomainCheck : public QObject
{
    Q_OBJECT
public:
    struct Params
    {
        QString host;
        quint16 port = 80;
        QString path;
        QByteArray expected;
        QHostAddress connectTo; // null: resolve host
        int timeoutMs = 5000;
    };

    explicit DomainCheck(Params params, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    // matched: a 200 whose body is the expected token; detail says what went wrong otherwise.
    void finished(bool matched, const QString &detail);

private:
    void conclude();
    void done(bool matched, const QString &detail);

    Params m_params;
    QTcpSocket *m_socket;
    QTimer m_timeout;
    QByteArray m_reply;
    bool m_done = false;
};

} // namespace ttalkak::relay
