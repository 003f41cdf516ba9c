#include "relayinfo.h"

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

RelayInfo RelayInfo::fromJson(const QJsonObject &info)
{
    RelayInfo r;
    r.domain = info.value(u"domain"_s).toString();
    const QJsonObject ingress = info.value(u"ingress"_s).toObject();
    r.httpPort = ingress.value(u"http"_s).toObject().value(u"port"_s).toInt();
    r.httpsPort = ingress.value(u"https"_s).toObject().value(u"port"_s).toInt();
    r.tunnelPort = info.value(u"tunnel"_s).toObject().value(u"port"_s).toInt();
    r.protocol = info.value(u"protocol"_s).toInt();
    r.version = info.value(u"version"_s).toString();
    return r;
}

QUrl RelayInfo::appUrl(const QString &name) const
{
    if (!isValid() || name.isEmpty())
        return {};
    const bool tls = httpsPort > 0;
    const int port = tls ? httpsPort : httpPort;
    QUrl u;
    u.setScheme(tls ? u"https"_s : u"http"_s);
    u.setHost(name.toLower() + u'.' + domain);
    if (port != (tls ? 443 : 80))
        u.setPort(port);
    u.setPath(u"/"_s);
    return u;
}

} // namespace ttalkak::deployer
