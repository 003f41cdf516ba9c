#include "relaylink.h"

namespace ttalkak::provider {

RelayLink::~RelayLink() = default;

} // namespace ttalkak::provider
