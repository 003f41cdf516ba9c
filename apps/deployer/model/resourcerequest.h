#pragma once
// ResourceRequest: the CPU and memory a deployment reserves on a provider, in
// the protocol's units (docs/protocol.md: resources:{cpuMillis, memoryMb, diskMb}).

#include <QJsonObject>

namespace ttalkak::deployer {

struct ResourceRequest
{
    static constexpr int MinCpuMillis = 250;
    static constexpr int MaxCpuMillis = 8000;
    static constexpr int MinMemoryMb = 128;
    static constexpr int MaxMemoryMb = 16384;

    int cpuMillis = 1000;
    int memoryMb = 512;
    int diskMb = 2048;

    // Clamped into the allowed ranges.
    ResourceRequest bounded() const;
    QJsonObject toJson() const;

    friend bool operator==(const ResourceRequest &, const ResourceRequest &) = default;
};

} // namespace ttalkak::deployer
