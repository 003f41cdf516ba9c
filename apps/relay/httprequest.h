#pragma once
// HttpRequest: one parsed HTTP/1.1 request. Header names are lowercased.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QUrlQuery>

#include <memory>
#include <utility>

namespace ttalkak::relay {

class HttpBodySink;

struct HttpRequest
{
    QByteArray method;
    QByteArray target;     // as sent: path?query
    QByteArray path;       // percent-decoding is left to the router (ids never need it)
    QUrlQuery query;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    std::shared_ptr<HttpBodySink> bodySink; // set: the body went there, `body` is empty (httpbodysink.h)
    QHostAddress peer;
    bool keepAlive = true;
    bool upgrade = false;

    QByteArray header(QByteArrayView lowercaseName) const;
    // The token of "Authorization: Bearer <token>", empty when absent.
    QString bearerToken() const;
};

} // namespace ttalkak::relay
