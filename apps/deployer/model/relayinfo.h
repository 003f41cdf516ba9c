#pragma once
// RelayInfo: what GET /v1/info says about a relay — its apps' domain and public ingress
// ports — enough to name a deployment's public URL when the deployment JSON carries no `url`.
// A value type; an empty RelayInfo (an older relay without /v1/info) names no URL.

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace ttalkak::deployer {

struct RelayInfo
{
    QString domain;     // apps are <name>.<domain>
    int httpPort = 0;   // public HTTP ingress, 0 = none
    int httpsPort = 0;  // public HTTPS ingress, 0 = none
    int tunnelPort = 0;
    int protocol = 0;
    QString version;

    static RelayInfo fromJson(const QJsonObject &info);
    bool isValid() const { return !domain.isEmpty() && (httpPort > 0 || httpsPort > 0); }
    // https://<name>.<domain>[:port]/ when the relay has HTTPS ingress, else http://…; empty when invalid.
    QUrl appUrl(const QString &name) const;

    friend bool operator==(const RelayInfo &, const RelayInfo &) = default;
};

} // namespace ttalkak::deployer
