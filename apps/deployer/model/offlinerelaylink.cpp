#include "offlinerelaylink.h"

namespace ttalkak::deployer {
OfflineRelayLink::OfflineRelayLink(QUrl url, QObject *parent)
    : RelayLink(parent)
    , m_url(std::move(url))
{
}
} // namespace ttalkak::deployer
