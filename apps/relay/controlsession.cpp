#include "controlsession.h"

#include "protocol.h"

#include <QJsonDocument>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace ttalkak::relay {

ControlSession::ControlSession(QWebSocket *socket, const Principal &principal, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_principal(principal)
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { Q_EMIT messageReceived(this, text.toUtf8()); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this] { Q_EMIT binaryReceived(this); });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        Q_EMIT closed(this);
        deleteLater();
    });
}

ControlSession::~ControlSession() = default;

void ControlSession::send(QJsonObject message)
{
    message.insert(u"v"_s, protocol::kVersion);
    if (!message.contains(u"id"_s))
        message.insert(u"id"_s, QString(u"r-"_s + QString::number(++m_counter)));
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void ControlSession::close(int code, const QString &reason)
{
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
}

} // namespace ttalkak::relay
