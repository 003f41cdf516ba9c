#pragma once
// Route: where public traffic for one deployment goes, as the relay's resolver returns it.

#include <QString>

namespace ttalkak::tunnel {

struct Route
{
    QString deployment; // id, as the agent's allow-list knows it
    QString machineId; // the provider machine running it
    quint16 port = 0; // the container port assigned on that machine
    int maxConnections = 0; // concurrent client connections; 0 = unlimited
    qint64 bandwidthBytesPerSecond = 0; // both directions together; 0 = unlimited
};

// What the ingress asks the resolver: `name` is set when the host is `<name>.<domain>` (one label),
// otherwise only `host` is (a custom domain the user must have verified).
struct HostQuery
{
    QString host; // lower case, without port or trailing dot
    QString name;
};

} // namespace ttalkak::tunnel
