#include "httpresponse.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ttalkak::relay {

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    return rawJson(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

HttpResponse HttpResponse::rawJson(int status, QByteArray body)
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message)
{
    return json(status, {{u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}});
}

HttpResponse HttpResponse::fromError(const core::Error &e)
{
    using core::ErrorCode;
    int status = 500;
    switch (e.code()) {
    case ErrorCode::InvalidInput:
    case ErrorCode::Unsafe:
        status = 400;
        break;
    case ErrorCode::NotFound: status = 404; break;
    case ErrorCode::PermissionDenied: status = 403; break;
    case ErrorCode::TooLarge: status = 413; break;
    case ErrorCode::Unsupported: status = 422; break;
    case ErrorCode::Unavailable: status = 503; break;
    case ErrorCode::Timeout: status = 504; break;
    default: status = 500; break;
    }
    // Internal failures do not leak SQL text to clients.
    const QString message = status == 500 ? u"internal error"_s : e.message();
    return error(status, core::errorCodeName(e.code()), message);
}

HttpResponse HttpResponse::text(int status, QByteArray body, QByteArray contentType)
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.contentType = std::move(contentType);
    return r;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

HttpResponse HttpResponse::file(const QString &path, QByteArray contentType)
{
    HttpResponse r;
    r.contentType = std::move(contentType);
    r.filePath = path;
    return r;
}

QByteArray HttpResponse::serializeHead(bool keepAlive, qint64 contentLength) const
{
    QByteArray out;
    out.reserve(160);
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Content-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(contentLength) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    return out;
}

QByteArray HttpResponse::serialize(bool keepAlive) const
{
    return serializeHead(keepAlive, body.size()) + body;
}

} // namespace ttalkak::relay
