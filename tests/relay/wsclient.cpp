#include "wsclient.h"

#include <QSslConfiguration>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QtTest>

using namespace Qt::StringLiterals;

WsClient::WsClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { m_queue.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
}

void WsClient::setCaCertificates(const QList<QSslCertificate> &cas)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(cas);
    m_socket.setSslConfiguration(ssl);
}

bool WsClient::open(const QUrl &url, const QString &token, int timeoutMs)
{
    QNetworkRequest req(url);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    m_socket.open(req);
    (void)QTest::qWaitFor([&] {
        return m_socket.state() == QAbstractSocket::ConnectedState || m_socket.state() == QAbstractSocket::UnconnectedState;
    }, timeoutMs);
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return false;
    return !waitForType(u"welcome"_s, timeoutMs).isEmpty();
}

QString WsClient::send(QJsonObject message)
{
    if (!message.contains(u"v"_s))
        message.insert(u"v"_s, 1);
    if (!message.contains(u"id"_s))
        message.insert(u"id"_s, QString(u"c-"_s + QString::number(++m_counter)));
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    return message.value(u"id"_s).toString();
}

QJsonObject WsClient::waitFor(const std::function<bool(const QJsonObject &)> &pred, int timeoutMs)
{
    QJsonObject found;
    (void)QTest::qWaitFor([&] {
        for (qsizetype i = 0; i < m_queue.size(); ++i) {
            if (pred(m_queue[i])) {
                found = m_queue.takeAt(i);
                return true;
            }
        }
        return false;
    }, timeoutMs);
    return found;
}

QJsonObject WsClient::waitForType(const QString &type, int timeoutMs)
{
    return waitFor([&](const QJsonObject &o) { return o.value(u"type"_s).toString() == type; }, timeoutMs);
}

QJsonObject WsClient::reply(const QString &id, int timeoutMs)
{
    return waitFor([&](const QJsonObject &o) {
        const QString t = o.value(u"type"_s).toString();
        return (t == u"ack" || t == u"error") && o.value(u"re"_s).toString() == id;
    }, timeoutMs);
}

bool WsClient::waitClosed(int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

QJsonObject helloMessage(const ProviderSpec &spec, const QJsonArray &running)
{
    return {{u"type"_s, u"hello"_s},
            {u"capacity"_s, QJsonObject{{u"cpuMillis"_s, spec.cpuMillis},
                                        {u"memoryMb"_s, spec.memoryMb},
                                        {u"diskMb"_s, spec.diskMb},
                                        {u"maxDeployments"_s, spec.maxDeployments}}},
            {u"price"_s, QJsonObject{{u"cpuHour"_s, spec.priceCpuHour}, {u"gbHour"_s, spec.priceGbHour}}},
            {u"caps"_s, QJsonObject{{u"gvisor"_s, false}, {u"arch"_s, u"amd64"_s}}},
            {u"running"_s, running}};
}
