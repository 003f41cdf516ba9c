#pragma once
// Validation of an app deployment's `spec` (docs/protocol.md, "Deployment spec", version 1),
// on POST /v1/deployments and on redeploy commands. The relay stores and forwards the spec;
// only the provider interprets it, so this checks shape and limits, and that a blob source
// exists and belongs to the caller. Errors are InvalidInput naming the field
// ("spec.source.url: ..."). Unknown fields pass through unchanged.

#include <core/result.h>

#include <QJsonObject>

#include <functional>
#include <optional>

namespace ttalkak::relay {

// The size of blob `sha256` when the caller owns it, nullopt when not (or it does not exist).
using OwnedBlobLookup = std::function<core::Result<std::optional<qint64>>(const QString &sha256)>;

// The relay's maxima for spec.limits (--ingress-max-connections, --ingress-bandwidth-bps); 0 = none.
struct IngressLimits
{
    int maxConnections = 0;
    qint64 bandwidthBytesPerSecond = 0;
};

// Returns the spec as stored: `commit` lowercased, `blob` size filled in when absent.
core::Result<QJsonObject> validateAppSpec(
    const QJsonObject &spec, const OwnedBlobLookup &ownedBlob, const IngressLimits &maxima = {});

// A deployment name that is also a host label `<name>.<domain>`: 1-63 of [a-z0-9-], not starting
// or ending with '-', and not "dep-…" (those labels are deployment ids). Uppercase is lowered.
core::Result<QString> normalizeAppName(const QString &name);

} // namespace ttalkak::relay
