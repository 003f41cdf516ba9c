#pragma once
// EpollDispatcher: a Qt event dispatcher on Linux epoll for the processes that carry tunnel
// traffic (the relay, the headless provider, the benchmark nodes). Qt's own dispatchers poll()
// every registered socket on every pass of the event loop; with the relay's many client and
// tunnel sockets that scan was about a sixth of the relay's and the agent's CPU
// (docs/benchmarks.md, tunnel). Here a pass costs per ready socket, not per registered one.
//
// Use: installEpollDispatcher() in main() before the QCoreApplication is constructed; it only
// affects the main thread (other threads keep Qt's default). Set TTALKAK_EVENT_DISPATCHER=qt to
// keep Qt's dispatcher instead (for comparison and as an escape hatch).
//
// Semantics follow QEventDispatcherUNIX: level-triggered notifiers (POLLIN/HUP/ERR activate Read,
// POLLOUT/ERR Write, POLLPRI Exception), a notifier disabled while its pass runs is not activated,
// timers fire at most once per pass and never re-enter their own handler, zero-interval timers
// fire on every pass. Files epoll cannot watch (regular files) are always ready, as with poll().
// Written by hand because Qt offers no epoll dispatcher and no library provides one for Qt 6.

#include <QAbstractEventDispatcher>

#include <atomic>
#include <memory>

namespace ttalkak::tunnel {

class EpollDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollDispatcher(QObject *parent = nullptr);
    ~EpollDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Installs an EpollDispatcher for the main thread unless TTALKAK_EVENT_DISPATCHER=qt. Call before
// QCoreApplication exists. Returns whether it was installed.
bool installEpollDispatcher();

} // namespace ttalkak::tunnel
