#pragma once
// HttpConnection: one accepted socket speaking HTTP/1.1 (keep-alive, pipelining) to a handler.
// Owns the socket and deletes itself when the socket closes. A WebSocket upgrade request on a
// fresh connection is recognised from *peeked* bytes, so the socket can be handed to
// QWebSocketServer with the handshake still unread.
// Limits: header block size, body size, idle timeout (also bounds slow clients). Routes with
// large bodies get a sink from the SinkProvider (httpbodysink.h) and their own limit; a reply
// with a filePath is streamed from disk under back-pressure.

#include "httpparser.h"
#include "httprequest.h"
#include "httpresponse.h"

#include <QFile>
#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace ttalkak::relay {

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    // Returns true when it took the socket; otherwise fills `rejection`.
    using UpgradeHandler = std::function<bool(const HttpRequest &, QTcpSocket *, HttpResponse *rejection)>;

    struct Limits
    {
        qsizetype maxHeaderBytes = 16 * 1024;
        qsizetype maxBodyBytes = 1024 * 1024;
        int idleTimeoutMs = 60000;
    };

    using SinkProvider = HttpParser::SinkProvider;

    HttpConnection(QTcpSocket *socket, Handler handler, UpgradeHandler upgrade, Limits limits, QObject *parent = nullptr,
                   SinkProvider sinks = {});
    ~HttpConnection() override;

    // Stop reading, close after the pending replies are written (graceful shutdown).
    void closeGracefully();

Q_SIGNALS:
    void closed();

private:
    void onReadyRead();
    // Answers queued requests in order; stops at a deferred reply until it is finished.
    void processQueue();
    bool tryUpgrade();
    void reply(const HttpResponse &response, bool keepAlive);
    void fail(int status, const QString &message);
    std::shared_ptr<HttpBodySink> sinkFor(const HttpRequest &head);
    void pumpFile();

    QTcpSocket *m_socket;
    Handler m_handler;
    UpgradeHandler m_upgrade;
    SinkProvider m_sinks;
    Limits m_limits;
    HttpParser m_parser;
    QTimer m_idle;
    QList<HttpRequest> m_queue;
    std::shared_ptr<class HttpDeferred> m_waitingOn;
    std::unique_ptr<QFile> m_file; // a file reply being sent; later replies wait for it
    bool m_fileKeepAlive = true;
    int m_pendingFailure = 0; // parse error seen while a deferred reply was pending
    bool m_firstRequest = true;
    bool m_closing = false;
};

} // namespace ttalkak::relay
