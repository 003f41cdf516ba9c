#pragma once
// Internal: one HTTP/1.1 exchange with the Docker engine over a unix socket, TCP or TLS.
// Not part of the public API. Response parsing is libhttp-parser's (chunked, content-length and
// close-delimited bodies); this class only moves bytes, enforces timeouts and supports pausing
// the read side (back-pressure: a paused connection stops draining the socket, the kernel buffer
// fills, and the engine blocks).
//
// Signals after abort(): none. Exactly one of finished()/failed() fires otherwise.

#include "endpoint.h"
#include "requestbody.h"

#include <core/error.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <utility>

struct http_parser;

namespace ttalkak::docker::Internal {

struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray target; // "/v1.41/containers/json?all=1"
    QList<std::pair<QByteArray, QByteArray>> headers;
    std::unique_ptr<RequestBody> body; // null: no body
    int connectTimeoutMs = 10000;
    int headerTimeoutMs = 60000; // silence allowed until the response headers (upload progress resets it)
    int idleTimeoutMs = 60000; // silence allowed between body bytes afterwards; 0 = unlimited (streams)
};

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    explicit HttpConnection(const Endpoint &endpoint, QObject *parent = nullptr);
    ~HttpConnection() override;

    void start(HttpRequest request);
    // Closes the socket; no signal fires afterwards.
    void abort();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    int statusCode() const { return m_status; }
    // Header value by case-insensitive name.
    QByteArray header(QByteArrayView name) const;
    qint64 bytesSent() const { return m_bytesSent; }

Q_SIGNALS:
    void headersReceived();
    void bodyData(const QByteArray &data);
    void finished();
    void failed(const ttalkak::core::Error &error);

private:
    struct Parser;
    void onConnected();
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void onTimeout();
    void pumpBody();
    void feed(const char *data, qsizetype len);
    void fail(core::Error error);
    void armTimer();
    QString describe() const;

    friend struct Parser;
    Endpoint m_endpoint;
    HttpRequest m_request;
    QPointer<QIODevice> m_device;
    std::unique_ptr<http_parser> m_parser;
    QTimer m_timer;
    QByteArray m_lastField;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    int m_status = 0;
    qint64 m_bytesSent = 0;
    bool m_connected = false;
    bool m_headersDone = false;
    bool m_bodyDone = false;
    bool m_complete = false;
    bool m_done = false; // a final signal fired or abort() was called
    bool m_paused = false;
    bool m_eofPending = false;
};

} // namespace ttalkak::docker::Internal
