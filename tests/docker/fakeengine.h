#pragma once
// FakeEngine: a scripted Docker engine on a unix socket, for fault injection (after Nextcloud's
// FakeQNAM): each request is routed by path (version prefix stripped) to a handler that writes
// whatever bytes it likes — partial replies, garbage, nothing at all — asynchronously like the
// real engine. /_ping answers by default with the API version set by setApiVersion().

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QLocalServer>
#include <QLocalSocket>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

#include <functional>

struct FakeRequest
{
    QByteArray method;
    QByteArray target; // as sent, with the version prefix
    QByteArray path; // version prefix and query stripped
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body; // de-chunked
};

class FakeEngine : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const FakeRequest &, QLocalSocket *)>;

    explicit FakeEngine(QObject *parent = nullptr);
    ~FakeEngine() override;

    bool listen();
    QString socketPath() const;
    void setApiVersion(const QByteArray &v) { m_apiVersion = v; }
    // Routes requests whose path starts with prefix ("/containers/") to handler; last added wins.
    void on(const QByteArray &pathPrefix, Handler handler);

    const QList<FakeRequest> &requests() const { return m_requests; }
    int openConnections() const;

    // Reply helpers.
    static void reply(QLocalSocket *s, int status, const QByteArray &body,
        const QByteArray &contentType = QByteArrayLiteral("application/json"), const QByteArray &extraHeaders = {});
    static void startChunked(
        QLocalSocket *s, int status = 200, const QByteArray &contentType = QByteArrayLiteral("application/json"));
    static void chunk(QLocalSocket *s, const QByteArray &data);
    static void endChunked(QLocalSocket *s);

private:
    void onNewConnection();
    void onReadyRead(QLocalSocket *s);

    QTemporaryDir m_dir;
    QLocalServer m_server;
    QByteArray m_apiVersion = QByteArrayLiteral("1.41");
    QList<std::pair<QByteArray, Handler>> m_routes;
    QList<FakeRequest> m_requests;
    QHash<QLocalSocket *, QByteArray> m_buffers;
    QList<QPointer<QLocalSocket>> m_sockets;
};
