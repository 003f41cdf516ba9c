#include "resourcerequest.h"

#include <algorithm>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

ResourceRequest ResourceRequest::bounded() const
{
    ResourceRequest r = *this;
    r.cpuMillis = std::clamp(cpuMillis, MinCpuMillis, MaxCpuMillis);
    r.memoryMb = std::clamp(memoryMb, MinMemoryMb, MaxMemoryMb);
    r.diskMb = std::max(diskMb, 256);
    return r;
}

QJsonObject ResourceRequest::toJson() const
{
    return { { u"cpuMillis"_s, cpuMillis }, { u"memoryMb"_s, memoryMb }, { u"diskMb"_s, diskMb } };
}

} // namespace ttalkak::deployer
