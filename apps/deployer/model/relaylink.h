#pragma once
// RelayLink: the deployer's view of its relay connection — enough for the UI to
// decide whether Deploy can be offered, and the relay's public naming (/v1/info).
// AccountService implements it; OfflineRelayLink stands in for tests.
// Thread: GUI thread. connectionChanged() fires on every change of isConnected().

#include "relayinfo.h"

#include <QObject>
#include <QUrl>

namespace ttalkak::deployer {

class RelayLink : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~RelayLink() override;

    virtual bool isConnected() const = 0;
    virtual QUrl relayUrl() const = 0;
    // The relay's GET /v1/info once known (empty before, or for a relay without it).
    RelayInfo relayInfo() const { return m_info; }

Q_SIGNALS:
    void connectionChanged(bool connected);
    void relayInfoChanged();

protected:
    void setRelayInfo(const RelayInfo &info)
    {
        if (info == m_info)
            return;
        m_info = info;
        Q_EMIT relayInfoChanged();
    }

private:
    RelayInfo m_info;
};

} // namespace ttalkak::deployer
