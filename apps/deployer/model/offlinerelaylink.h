#pragma once
// OfflineRelayLink: never connected. Remembers the configured relay URL so the
// UI can say which relay it would talk to.

#include "relaylink.h"

namespace ttalkak::deployer {

class OfflineRelayLink : public RelayLink
{
    Q_OBJECT
public:
    explicit OfflineRelayLink(QUrl url = {}, QObject *parent = nullptr);

    bool isConnected() const override { return false; }
    QUrl relayUrl() const override { return m_url; }
    void setRelayUrl(const QUrl &url) { m_url = url; }

private:
    QUrl m_url;
};

} // namespace ttalkak::deployer
