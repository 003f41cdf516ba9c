#include "errorpage.h"

#include <QCoreApplication>

namespace ttalkak::tunnel {

using namespace Qt::StringLiterals;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request"_ba;
    case 404:
        return "Not Found"_ba;
    case 408:
        return "Request Timeout"_ba;
    case 421:
        return "Misdirected Request"_ba;
    case 431:
        return "Request Header Fields Too Large"_ba;
    case 502:
        return "Bad Gateway"_ba;
    case 503:
        return "Service Unavailable"_ba;
    case 504:
        return "Gateway Timeout"_ba;
    default:
        return "Error"_ba;
    }
}

static QString headline(int status)
{
    switch (status) {
    case 404:
        return QCoreApplication::translate("ErrorPage", "No deployment lives at this address.");
    case 502:
        return QCoreApplication::translate(
            "ErrorPage", "The machine running this deployment cannot be reached right now.");
    case 503:
        return QCoreApplication::translate("ErrorPage", "This deployment is busy. Please try again in a moment.");
    case 504:
        return QCoreApplication::translate("ErrorPage", "This deployment took too long to answer.");
    default:
        return QCoreApplication::translate("ErrorPage", "The request could not be understood.");
    }
}

QByteArray errorResponse(int status, const QString &detail)
{
    const QString title = u"%1 %2"_s.arg(status).arg(QString::fromLatin1(reasonPhrase(status)));
    const QString body = u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                         "<style>body{font-family:sans-serif;margin:4em auto;max-width:36em;color:#333}"
                         "h1{font-size:1.4em}p.d{color:#777;font-size:.9em}</style></head>"
                         "<body><h1>%1</h1><p>%2</p><p class=\"d\">%3</p>"
                         "<p class=\"d\">ttalkak relay</p></body></html>\n"_s.arg(
                             title, headline(status).toHtmlEscaped(), detail.toHtmlEscaped());
    const QByteArray bytes = body.toUtf8();
    QByteArray out;
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Content-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n";
    if (status == 503)
        out += "Retry-After: 5\r\n";
    out += "Content-Length: " + QByteArray::number(bytes.size()) + "\r\n\r\n";
    out += bytes;
    return out;
}

} // namespace ttalkak::tunnel
