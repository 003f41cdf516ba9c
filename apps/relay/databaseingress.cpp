#include "databaseingress.h"

#include "allowlist.h"
#include "logging.h"

#include <tunnel/tcpingress.h>

using namespace Qt::StringLiterals;

namespace ttalkak::relay {

DatabaseIngress::DatabaseIngress(tunnel::TunnelHub *hub, DatabaseAccessStore &access, Options options, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_access(access)
    , m_options(std::move(options))
{
    m_timer.setInterval(m_options.syncIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &DatabaseIngress::sync);
}

DatabaseIngress::~DatabaseIngress()
{
    stop();
}

void DatabaseIngress::start()
{
    sync();
    m_timer.start();
}

void DatabaseIngress::stop()
{
    m_timer.stop();
    const QStringList ids = m_listeners.keys();
    for (const QString &id : ids)
        close(id);
}

void DatabaseIngress::close(const QString &deploymentId)
{
    const Listener l = m_listeners.take(deploymentId);
    if (!l.ingress)
        return;
    l.ingress->close();
    l.ingress->deleteLater(); // may be inside one of its own signals
    qCInfo(lcRelay).noquote() << "database ingress closed" << (u"deployment="_s + deploymentId)
                              << (u"port="_s + QString::number(l.access.publicPort));
}

void DatabaseIngress::sync()
{
    auto live = m_access.live();
    if (!live) {
        qCWarning(lcRelay).noquote() << "database ingress sync failed:" << live.error().toString();
        return;
    }
    QSet<QString> wanted;
    for (const DatabaseAccessStore::Access &a : std::as_const(*live)) {
        if (a.state != u"running" || a.providerId.isEmpty() || a.containerPort == 0)
            continue;
        wanted.insert(a.deploymentId);
        auto it = m_listeners.find(a.deploymentId);
        if (it != m_listeners.end()) {
            const DatabaseAccessStore::Access &had = it->access;
            if (had.publicPort == a.publicPort && had.providerId == a.providerId
                && had.containerPort == a.containerPort) {
                if (had.allowList != a.allowList) {
                    it->ingress->setAllowList(allowlist::toSubnets(a.allowList));
                    it->access.allowList = a.allowList;
                }
                continue;
            }
            close(a.deploymentId); // moved: listen again with the new route
        }
        tunnel::Route route;
        route.deployment = a.deploymentId;
        route.machineId = a.providerId;
        route.port = a.containerPort;
        auto *ingress = new tunnel::TcpIngress(m_hub, route, allowlist::toSubnets(a.allowList), this);
        if (auto l = ingress->listen(m_options.address, a.publicPort); !l) {
            if (!m_failedPorts.contains(a.publicPort))
                qCWarning(lcRelay).noquote() << "database ingress cannot listen" << (u"deployment="_s + a.deploymentId)
                                             << (u"port="_s + QString::number(a.publicPort)) << l.error().toString();
            m_failedPorts.insert(a.publicPort);
            delete ingress;
            continue;
        }
        m_failedPorts.remove(a.publicPort);
        m_listeners.insert(a.deploymentId, { ingress, a });
        qCInfo(lcRelay).noquote() << "database ingress listening" << (u"deployment="_s + a.deploymentId)
                                  << (u"port="_s + QString::number(a.publicPort)) << (u"provider="_s + a.providerId);
    }
    const QStringList open = m_listeners.keys();
    for (const QString &id : open) {
        if (!wanted.contains(id))
            close(id);
    }
}

} // namespace ttalkak::relay
