#pragma once
// RelayLink: the deployer's view of its relay connection — enough for the UI to
// decide whether Deploy can be offered. The relay client (next step) implements
// it with the WebSocket/REST session; OfflineRelayLink stands in until then.
// Thread: GUI thread. connectionChanged() fires on every change of isConnected().

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

Q_SIGNALS:
    void connectionChanged(bool connected);
};

} // namespace ttalkak::deployer
