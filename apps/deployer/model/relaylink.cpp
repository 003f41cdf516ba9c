#include "relaylink.h"

namespace ttalkak::deployer {
RelayLink::~RelayLink() = default;
} // namespace ttalkak::deployer
