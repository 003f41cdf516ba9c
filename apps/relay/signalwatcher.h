#pragma once
// SignalWatcher: turns POSIX signals (SIGTERM, SIGINT) into a Qt signal on the event loop
// (self-pipe: the handler only writes one byte). One instance per process.

#include <QObject>

class QSocketNotifier;

namespace ttalkak::relay {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(const QList<int> &signals, QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ttalkak::relay
