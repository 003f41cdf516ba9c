#include "isolation.h"

#include <QJsonArray>

namespace ttalkak::provider {

Isolation Isolation::fromInfo(const QJsonObject &info)
{
    Isolation iso;
    iso.runtimes = info.value(u"Runtimes").toObject().keys();
    const QJsonArray security = info.value(u"SecurityOptions").toArray();
    for (const QJsonValue &v : security) {
        const QString opt = v.toString();
        iso.rootless = iso.rootless || opt.contains(u"name=rootless");
        iso.userNamespaces = iso.userNamespaces || opt.contains(u"name=userns");
    }
    if (iso.runtimes.contains(u"runsc")) {
        iso.level = Level::GVisor;
        iso.runtime = QStringLiteral("runsc");
    } else {
        iso.level = Level::Hardened;
    }
    return iso;
}

QString Isolation::title() const
{
    switch (level) {
    case Level::GVisor:
        return tr("gVisor sandbox");
    case Level::Hardened:
        return tr("Hardened runc");
    case Level::Unknown:
        break;
    }
    return tr("Unknown");
}

QString Isolation::description() const
{
    QString extra;
    if (rootless)
        extra = tr(" The engine runs rootless.");
    else if (userNamespaces)
        extra = tr(" User namespaces are remapped.");
    if (egressFiltered)
        extra += tr(" Containers cannot reach this machine or your private network, only the internet.");
    else if (!egressNote.isEmpty())
        extra += tr(" Containers may reach your private network: egress filtering needs root (%1).").arg(egressNote);
    switch (level) {
    case Level::GVisor:
        return tr("Containers run under gVisor (runsc): their system calls go to a user-space kernel, "
                  "not to this machine's kernel.")
            + extra;
    case Level::Hardened:
        return tr("gVisor (runsc) is not installed, so containers use runc with every capability dropped, "
                  "no-new-privileges, CPU/memory/process limits and ports on 127.0.0.1 only. "
                  "Install gVisor for a stronger sandbox.")
            + extra;
    case Level::Unknown:
        break;
    }
    return tr("Known once the Docker engine answers.");
}

} // namespace ttalkak::provider
