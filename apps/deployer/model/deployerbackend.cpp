#include "deployerbackend.h"

namespace ttalkak::deployer {
DeployerBackend::~DeployerBackend() = default;
} // namespace ttalkak::deployer
