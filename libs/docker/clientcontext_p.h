#pragma once
// Internal: what a DockerClient shares with the jobs it created. Jobs keep it alive, so a job
// may outlive its client. Owner thread only.

#include "endpoint.h"

#include <QByteArray>

namespace ttalkak::docker::Internal {

struct ClientContext
{
    Endpoint endpoint;
    QByteArray apiVersion; // "1.41" once negotiated (or pinned); empty: negotiate first
    QByteArray serverVersion; // API-Version the engine announced
    QByteArray osType;
    int connectTimeoutMs = 10000;
    int requestTimeoutMs = 60000;
};

// The newest API version this client speaks; older engines are talked to in their version.
inline constexpr QByteArrayView kMaxApiVersion = "1.41";
// The oldest the client accepts (1.40: Docker 19.03).
inline constexpr QByteArrayView kMinApiVersion = "1.40";

} // namespace ttalkak::docker::Internal
