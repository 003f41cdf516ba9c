#include "domaincheck.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace ttalkak::relay {
namespace {
constexpr qsizetype kMaxReply = 16 * 1024; // our challenge answer is tiny; anything bigger is not it
}

DomainCheck::DomainCheck(Params params, QObject *parent)
    : QObject(parent)
    , m_params(std::move(params))
    , m_socket(new QTcpSocket(this))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { done(false, tr("no answer in time")); });
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_socket->write("GET " + m_params.path.toUtf8() + " HTTP/1.1\r\nHost: " + m_params.host.toUtf8()
            + "\r\nUser-Agent: ttalkak-relay-domain-check\r\nConnection: close\r\n\r\n");
    });
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        m_reply += m_socket->readAll();
        if (m_reply.size() > kMaxReply)
            done(false, tr("the answer is too large"));
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &DomainCheck::conclude);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            conclude();
        else
            done(false, m_socket->errorString());
    });
}

void DomainCheck::start()
{
    m_timeout.start(m_params.timeoutMs);
    if (m_params.connectTo.isNull())
        m_socket->connectToHost(m_params.host, m_params.port);
    else
        m_socket->connectToHost(m_params.connectTo, m_params.port);
}

void DomainCheck::conclude()
{
    m_reply += m_socket->readAll();
    const qsizetype headEnd = m_reply.indexOf("\r\n\r\n");
    const QByteArray statusLine = m_reply.left(m_reply.indexOf("\r\n"));
    if (headEnd < 0 || !(statusLine.startsWith("HTTP/1.1 200 ") || statusLine.startsWith("HTTP/1.0 200 ")))
        return done(false,
            tr("the host did not answer the challenge with 200 (%1)").arg(QString::fromLatin1(statusLine.left(64))));
    if (m_reply.mid(headEnd + 4).trimmed() != m_params.expected)
        return done(false, tr("the host answered with another token: it does not point at this relay"));
    done(true, {});
}

void DomainCheck::done(bool matched, const QString &detail)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_socket->abort();
    Q_EMIT finished(matched, detail);
    deleteLater();
}

} // namespace ttalkak::relay
