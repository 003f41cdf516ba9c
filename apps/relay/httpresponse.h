#pragma once
// HttpResponse: status, headers and body of one reply; JSON helpers for the REST API.
// Error bodies are {"error":{"code":"not-found","message":"..."}}.

#include <core/error.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <memory>

#include <utility>

namespace ttalkak::relay {

class HttpDeferred;

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    std::shared_ptr<HttpDeferred> deferred; // set: the real reply comes later (httpdeferred.h)
    QString filePath; // set: the body is this file, streamed by the connection (`body` is ignored)

    static HttpResponse later(std::shared_ptr<HttpDeferred> deferred)
    {
        HttpResponse r;
        r.deferred = std::move(deferred);
        return r;
    }

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse rawJson(int status, QByteArray body);
    static HttpResponse error(int status, const QString &code, const QString &message);
    // Maps an Error to its HTTP status (NotFound -> 404, InvalidInput -> 400, ...).
    static HttpResponse fromError(const core::Error &error);
    static HttpResponse text(int status, QByteArray body, QByteArray contentType = "text/plain; charset=utf-8");

    static HttpResponse file(const QString &path, QByteArray contentType);

    QByteArray serialize(bool keepAlive) const;
    // Status line and headers for a body of `contentLength` bytes sent separately.
    QByteArray serializeHead(bool keepAlive, qint64 contentLength) const;
    static QByteArray reasonPhrase(int status);
};

} // namespace ttalkak::relay
