#pragma once
// The complete HTTP response the ingress sends when it cannot get one from the deployment
// (404 no such site, 502 provider gone, 503 busy, 504 slow, 400/431 bad request). Always
// "Connection: close"; a small self-contained HTML page.

#include <QByteArray>
#include <QString>

namespace ttalkak::tunnel {

QByteArray errorResponse(int status, const QString &detail = {});
QByteArray reasonPhrase(int status);

} // namespace ttalkak::tunnel
