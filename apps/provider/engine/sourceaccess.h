#pragma once
// SourceAccess: how the provider reaches deployment sources, and how much it accepts.
// The relay URL and provider key serve blob downloads (GET /v1/blobs/{sha256}); git sources
// need neither. file:// git URLs only with allowFileSources (tests, --allow-file-sources).

#include <QString>
#include <QUrl>

namespace ttalkak::provider {

struct SourceAccess
{
    QUrl relayUrl;
    QString providerKey; // a secret: never logged, never persisted here
    bool allowFileSources = false;
    qint64 maxSourceBytes = 512LL * 1024 * 1024; // transfer and unpacked size, and build context
    int maxFetchSeconds = 600; // clone or download wall time
};

} // namespace ttalkak::provider
