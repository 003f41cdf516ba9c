#pragma once
// WsClient: a real QWebSocket client speaking the control protocol, for tests. Incoming
// messages queue up; waitFor() takes the first one matching a predicate (bounded wait).

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <QWebSocket>

#include <functional>

class WsClient : public QObject
{
    Q_OBJECT
public:
    explicit WsClient(QObject *parent = nullptr);

    // Opens with "Authorization: Bearer token" (none when empty). False on refusal/timeout.
    bool open(const QUrl &url, const QString &token, int timeoutMs = 5000);
    // wss: trust exactly these (a test's self-signed certificate); call before open().
    void setCaCertificates(const QList<QSslCertificate> &cas);
    // Adds "v":1 and an id when missing; returns the id.
    QString send(QJsonObject message);
    void sendRaw(const QString &text) { m_socket.sendTextMessage(text); }
    void sendBinary(const QByteArray &data) { m_socket.sendBinaryMessage(data); }
    // First queued (or arriving) message matching pred, removed from the queue; {} on timeout.
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &pred, int timeoutMs = 5000);
    QJsonObject waitForType(const QString &type, int timeoutMs = 5000);
    // The ack or error answering `id`.
    QJsonObject reply(const QString &id, int timeoutMs = 5000);
    // send() then reply().
    QJsonObject call(QJsonObject message, int timeoutMs = 5000) { return reply(send(std::move(message)), timeoutMs); }
    bool waitClosed(int timeoutMs = 5000);
    int closeCode() const { return int(m_socket.closeCode()); }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QList<QJsonObject> &queue() { return m_queue; }
    void close() { m_socket.close(); }
    void abort() { m_socket.abort(); }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_queue;
    int m_counter = 0;
};

// A scripted provider machine on top of WsClient.
struct ProviderSpec
{
    qint64 cpuMillis = 4000;
    qint64 memoryMb = 8192;
    qint64 diskMb = 100000;
    int maxDeployments = 10;
    qint64 priceCpuHour = 100000;
    qint64 priceGbHour = 50000;
};
QJsonObject helloMessage(const ProviderSpec &spec, const QJsonArray &running = {});
