#include "readinessprobe.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace ttalkak::provider {

using namespace Qt::StringLiterals;

ReadinessProbe::ReadinessProbe(quint16 port, QString httpPath, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_port(port)
    , m_path(std::move(httpPath))
    , m_timeoutMs(timeoutMs)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(250);
    connect(&m_retry, &QTimer::timeout, this, &ReadinessProbe::attempt);
}

void ReadinessProbe::start()
{
    m_clock.start();
    attempt();
}

void ReadinessProbe::attempt()
{
    if (m_port == 0)
        return finish(false, tr("the container publishes no port"));
    auto *socket = new QTcpSocket(this);
    m_socket = socket;
    connect(socket, &QTcpSocket::connected, this, [this, socket] {
        if (m_path.isEmpty()) {
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
            return finish(true, {});
        }
        // HTTP/1.0 so the server closes after answering; only the status line matters.
        socket->write("GET " + m_path.toUtf8() + " HTTP/1.0\r\nHost: localhost\r\nUser-Agent: ttalkak-probe\r\n\r\n");
    });
    // The status line may arrive with the close: read it from either signal.
    auto readStatus = [this, socket]() -> bool {
        if (!socket->canReadLine())
            return false;
        const QList<QByteArray> parts = socket->readLine(256).split(' ');
        const int status = parts.size() >= 2 ? parts[1].toInt() : 0;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        if (status >= 100 && status < 500)
            finish(true, {});
        else
            retry(tr("HTTP %1 on %2").arg(status).arg(m_path));
        return true;
    };
    connect(socket, &QTcpSocket::readyRead, this, readStatus);
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket, readStatus] {
        if (readStatus())
            return;
        const QString why = socket->errorString();
        socket->disconnect(this);
        socket->deleteLater();
        retry(why);
    });
    socket->connectToHost(QHostAddress::LocalHost, m_port);
}

void ReadinessProbe::retry(const QString &why)
{
    if (m_done)
        return;
    m_lastProblem = why;
    if (m_clock.elapsed() >= m_timeoutMs)
        return finish(false, tr("not ready after %1 s: %2").arg(m_timeoutMs / 1000).arg(m_lastProblem));
    m_retry.start();
}

void ReadinessProbe::finish(bool ready, const QString &detail)
{
    if (m_done)
        return;
    m_done = true;
    m_retry.stop();
    if (m_socket)
        m_socket->abort();
    Q_EMIT finished(ready, detail);
    deleteLater();
}

} // namespace ttalkak::provider
