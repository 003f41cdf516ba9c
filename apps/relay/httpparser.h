#pragma once
// HttpParser: incremental HTTP/1.1 request parser over Debian's libhttp-parser (nodejs'
// http_parser, the parser behind many C servers), with size limits. Feed bytes as they arrive;
// completed requests queue up in order (pipelining).
//
// Why not QtHttpServer: Qt 6.4's QHttpServer is a technical preview without request-size limits
// or header timeouts, routes through a QRegularExpression per route, and cannot hand an upgraded
// socket to our authenticated WebSocket endpoint before the handshake; a parser plus ~300 lines
// over QTcpServer gives all of that and measured well above the throughput target.

#include "httprequest.h"

#include <QList>

#include <functional>
#include <memory>

namespace ttalkak::relay {

class HttpParser
{
public:
    enum class State { Ok, Error, HeadersTooLarge, BodyTooLarge, Upgrade };

    // Called once per request head, before its body; a returned sink takes the body (with its
    // own size limit) instead of HttpRequest::body.
    using SinkProvider = std::function<std::shared_ptr<HttpBodySink>(const HttpRequest &head)>;

    HttpParser(qsizetype maxHeaderBytes, qsizetype maxBodyBytes, SinkProvider sinks = {});
    ~HttpParser();
    HttpParser(const HttpParser &) = delete;
    HttpParser &operator=(const HttpParser &) = delete;

    // Parses as much as possible. Returns the state after this chunk; on Upgrade the upgrade
    // request is the last queued request and the remaining bytes belong to the new protocol.
    State feed(const char *data, qsizetype size);
    QList<HttpRequest> takeRequests();
    bool hasRequests() const { return !m_done.isEmpty(); }

private:
    struct Private;
    std::unique_ptr<Private> d;
    QList<HttpRequest> m_done;
};

} // namespace ttalkak::relay
