#pragma once
// Isolation: which sandbox containers run in here. gVisor (`runsc`) when the engine offers that
// runtime, else the default runtime (runc) with the hardened ContainerSpec defaults (CapDrop ALL,
// no-new-privileges, pids/memory/CPU limits, loopback-only ports). Pure: from an /info reply.

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ttalkak::provider {

struct Isolation
{
    Q_DECLARE_TR_FUNCTIONS(Isolation)
public:
    enum class Level { Unknown, Hardened, GVisor };

    Level level = Level::Unknown;
    QString runtime; // for ContainerSpec::runtime: "runsc", or empty for the engine default
    QStringList runtimes; // what the engine offers
    bool rootless = false;
    bool userNamespaces = false;
    // Container traffic to this host and to private ranges is dropped (EgressGuard), or why not.
    bool egressFiltered = false;
    QString egressNote;

    static Isolation fromInfo(const QJsonObject &info);
    QString title() const; // "gVisor sandbox" / "Hardened runc"
    QString description() const; // what that means, for the owner
};

} // namespace ttalkak::provider
