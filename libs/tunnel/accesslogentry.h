#pragma once
// AccessLogEntry: one row per HTTP request through the ingress (HttpIngress::requestLogged).
// The relay stores it (see docs/protocol.md, tunnel section, "Access log and metrics"); this library keeps none.

#include <QDateTime>
#include <QHostAddress>
#include <QMetaType>
#include <QString>

namespace ttalkak::tunnel {

struct AccessLogEntry
{
    QDateTime time; // UTC, when the request head was complete
    QString deployment; // empty when no deployment matched the Host
    QString host;
    QString method;
    QString path; // path only: query strings often carry secrets
    int status = 0; // as sent to the client; 499 = client went away first
    qint64 latencyUs = 0; // request head complete → response complete
    qint64 bytesIn = 0; // raw request bytes from the client (head + body)
    qint64 bytesOut = 0; // raw response bytes to the client (head + body)
    QHostAddress client;

    int statusClass() const { return status / 100; }
    QString toString() const; // one line, for logs and tests
};

} // namespace ttalkak::tunnel

Q_DECLARE_METATYPE(ttalkak::tunnel::AccessLogEntry)
