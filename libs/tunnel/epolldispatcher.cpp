#include "epolldispatcher.h"

#include "logging.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <set>
#include <unordered_map>
#include <vector>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace ttalkak::tunnel {

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

constexpr int kTypes = 3; // QSocketNotifier::Read, Write, Exception
constexpr uint32_t kTypeEvents[kTypes] = { EPOLLIN, EPOLLOUT, EPOLLPRI };
// Which epoll results activate which notifier type (as QEventDispatcherUNIX does for poll()).
constexpr uint32_t kTypeTriggers[kTypes]
    = { EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP, EPOLLOUT | EPOLLERR, EPOLLPRI };
constexpr int kMaxEvents = 256;

} // namespace

struct EpollDispatcher::Private
{
    struct Watch
    {
        QSocketNotifier *notifiers[kTypes] = {};
        uint32_t installed = 0; // the event mask epoll has for this fd
        bool dirty = false;
        bool pollable = true; // false: a regular file, always ready

        uint32_t wanted() const
        {
            uint32_t mask = 0;
            for (int t = 0; t < kTypes; ++t)
                if (notifiers[t])
                    mask |= kTypeEvents[t];
            return mask;
        }
    };
    struct Activation
    {
        QSocketNotifier *notifier;
    };
    struct Timer
    {
        qint64 intervalMs;
        Qt::TimerType type;
        QObject *object;
        qint64 deadlineNs;
        bool firing = false;
    };

    int epollFd = -1;
    int wakeFd = -1;
    std::unordered_map<int, Watch> watches;
    std::vector<int> dirty;
    int unpollable = 0;
    // The activations of every processEvents() on the stack (nested loops), so that unregistering
    // a notifier can withdraw it from all of them.
    std::vector<std::vector<Activation> *> activeLists;

    std::unordered_map<int, Timer> timers;
    std::set<std::pair<qint64, int>> queue; // (deadline, id); zero-interval timers included

    std::atomic<bool> wakePending { false };
    std::atomic<bool> sleeping { false };
    std::atomic<bool> wakeSignalled { false };
    std::atomic<bool> interrupted { false };

    void applyDirty();
    void setMask(int fd, Watch &watch);
    void withdraw(QSocketNotifier *notifier);
    int timeoutMs(qint64 now) const;
    bool activateTimers();
};

EpollDispatcher::EpollDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , d(std::make_unique<Private>())
{
    d->epollFd = epoll_create1(EPOLL_CLOEXEC);
    d->wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (d->epollFd < 0 || d->wakeFd < 0)
        qFatal("EpollDispatcher: cannot create epoll/eventfd: %s", strerror(errno));
    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.fd = d->wakeFd;
    epoll_ctl(d->epollFd, EPOLL_CTL_ADD, d->wakeFd, &ev);
}

EpollDispatcher::~EpollDispatcher()
{
    ::close(d->wakeFd);
    ::close(d->epollFd);
}

void EpollDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    if (fd < 0 || type < 0 || type >= kTypes)
        return;
    Private::Watch &watch = d->watches[fd];
    if (watch.notifiers[type] && watch.notifiers[type] != notifier)
        qCWarning(lcProtocol) << "EpollDispatcher: a second notifier of type" << type << "for fd" << fd;
    watch.notifiers[type] = notifier;
    if (!watch.dirty) {
        watch.dirty = true;
        d->dirty.push_back(fd);
    }
}

void EpollDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    d->withdraw(notifier);
    auto it = d->watches.find(fd);
    if (it == d->watches.end() || type < 0 || type >= kTypes || it->second.notifiers[type] != notifier)
        return;
    Private::Watch &watch = it->second;
    watch.notifiers[type] = nullptr;
    if (watch.wanted() != 0) {
        // Changed lazily: a write notifier enabled and disabled within one pass costs no syscall.
        if (!watch.dirty) {
            watch.dirty = true;
            d->dirty.push_back(fd);
        }
        return;
    }
    // The last notifier of this fd goes now, not lazily: Qt closes the fd next, and the number
    // may come back for a new socket before the next pass.
    if (watch.installed != 0)
        epoll_ctl(d->epollFd, EPOLL_CTL_DEL, fd, nullptr);
    if (!watch.pollable)
        --d->unpollable;
    d->watches.erase(it); // a stale entry in d->dirty is skipped by applyDirty()
}

void EpollDispatcher::Private::withdraw(QSocketNotifier *notifier)
{
    for (std::vector<Activation> *list : activeLists)
        for (Activation &a : *list)
            if (a.notifier == notifier)
                a.notifier = nullptr;
}

void EpollDispatcher::Private::applyDirty()
{
    for (int fd : dirty) {
        auto it = watches.find(fd);
        if (it == watches.end() || !it->second.dirty)
            continue;
        it->second.dirty = false;
        setMask(fd, it->second);
    }
    dirty.clear();
}

void EpollDispatcher::Private::setMask(int fd, Watch &watch)
{
    const uint32_t wanted = watch.wanted();
    if (!watch.pollable || wanted == watch.installed)
        return;
    epoll_event ev {};
    ev.events = wanted;
    ev.data.fd = fd;
    int rc = epoll_ctl(epollFd, watch.installed == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &ev);
    if (rc < 0 && errno == ENOENT) // the fd was closed and reused behind our back
        rc = epoll_ctl(epollFd, EPOLL_CTL_ADD, fd, &ev);
    else if (rc < 0 && errno == EEXIST)
        rc = epoll_ctl(epollFd, EPOLL_CTL_MOD, fd, &ev);
    if (rc == 0) {
        watch.installed = wanted;
    } else if (errno == EPERM) {
        watch.pollable = false; // a regular file: poll() would call it always ready
        ++unpollable;
    } else {
        qCWarning(lcProtocol) << "EpollDispatcher: cannot watch fd" << fd << strerror(errno);
    }
}

void EpollDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId <= 0 || interval < 0 || !object)
        return;
    const qint64 deadline = nowNs() + interval * 1'000'000;
    if (auto old = d->timers.find(timerId); old != d->timers.end()) // re-registered: one queue entry
        d->queue.erase({ old->second.deadlineNs, timerId });
    d->timers[timerId] = { interval, timerType, object, deadline };
    d->queue.emplace(deadline, timerId);
}

bool EpollDispatcher::unregisterTimer(int timerId)
{
    auto it = d->timers.find(timerId);
    if (it == d->timers.end())
        return false;
    d->queue.erase({ it->second.deadlineNs, timerId });
    d->timers.erase(it);
    return true;
}

bool EpollDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = d->timers.begin(); it != d->timers.end();) {
        if (it->second.object == object) {
            d->queue.erase({ it->second.deadlineNs, it->first });
            it = d->timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> list;
    for (const auto &[id, timer] : d->timers)
        if (timer.object == object)
            list.append(TimerInfo(id, int(timer.intervalMs), timer.type));
    return list;
}

int EpollDispatcher::remainingTime(int timerId)
{
    auto it = d->timers.find(timerId);
    if (it == d->timers.end())
        return -1;
    const qint64 left = it->second.deadlineNs - nowNs();
    return left <= 0 ? 0 : int((left + 999'999) / 1'000'000);
}

int EpollDispatcher::Private::timeoutMs(qint64 now) const
{
    for (const auto &[deadline, id] : queue) {
        if (timers.at(id).firing)
            continue; // its handler runs further up the stack; it cannot fire here
        if (deadline <= now)
            return 0;
        return int(std::min<qint64>((deadline - now + 999'999) / 1'000'000, INT_MAX));
    }
    return -1;
}

bool EpollDispatcher::Private::activateTimers()
{
    const qint64 now = nowNs();
    std::vector<int> due;
    for (const auto &[deadline, id] : queue) {
        if (deadline > now)
            break;
        due.push_back(id);
    }
    bool any = false;
    for (int id : due) {
        auto it = timers.find(id);
        if (it == timers.end() || it->second.firing || it->second.deadlineNs > now)
            continue; // killed or restarted by an earlier handler, or already running
        Timer &timer = it->second;
        queue.erase({ timer.deadlineNs, id });
        // Repeating timers keep their rhythm; one that fell behind skips what it missed.
        qint64 next = timer.deadlineNs + timer.intervalMs * 1'000'000;
        if (next <= now)
            next = now + timer.intervalMs * 1'000'000;
        timer.deadlineNs = next;
        timer.firing = true;
        queue.emplace(next, id);
        QObject *object = timer.object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        any = true;
        auto again = timers.find(id); // the handler may have killed it, or another timer
        if (again != timers.end())
            again->second.firing = false;
    }
    return any;
}

void EpollDispatcher::wakeUp()
{
    // Posting from this thread while it is awake costs nothing: the flag keeps the next wait
    // from blocking. Only a sleeping loop needs the eventfd.
    d->wakePending.store(true);
    if (d->sleeping.load() && !d->wakeSignalled.exchange(true)) {
        const quint64 one = 1;
        [[maybe_unused]] const auto n = ::write(d->wakeFd, &one, sizeof one);
    }
}

void EpollDispatcher::interrupt()
{
    d->interrupted.store(true);
    wakeUp();
}

bool EpollDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    d->interrupted.store(false);
    d->wakePending.store(false);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    int timeout = 0;
    if ((flags & QEventLoop::WaitForMoreEvents) && !d->interrupted.load() && !d->wakePending.load()
        && d->unpollable == 0) {
        timeout = includeTimers ? d->timeoutMs(nowNs()) : -1;
        if (timeout != 0)
            Q_EMIT aboutToBlock();
    }
    d->applyDirty();

    epoll_event events[kMaxEvents];
    if (timeout != 0) {
        d->sleeping.store(true);
        if (d->wakePending.load()) // a post from another thread raced with the checks above
            timeout = 0;
    }
    int n = epoll_wait(d->epollFd, events, kMaxEvents, timeout);
    d->sleeping.store(false);
    if (n < 0) {
        if (errno != EINTR)
            qCWarning(lcProtocol) << "EpollDispatcher: epoll_wait failed:" << strerror(errno);
        n = 0;
    }

    std::vector<Private::Activation> activations;
    for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        if (fd == d->wakeFd) {
            quint64 value;
            [[maybe_unused]] const auto r = ::read(d->wakeFd, &value, sizeof value);
            d->wakeSignalled.store(false);
            continue;
        }
        if (!includeNotifiers)
            continue;
        auto it = d->watches.find(fd);
        if (it == d->watches.end())
            continue;
        for (int t = 0; t < kTypes; ++t)
            if (it->second.notifiers[t] && (events[i].events & kTypeTriggers[t]))
                activations.push_back({ it->second.notifiers[t] });
    }
    if (includeNotifiers && d->unpollable > 0) {
        for (const auto &[fd, watch] : d->watches)
            if (!watch.pollable)
                for (QSocketNotifier *notifier : watch.notifiers)
                    if (notifier)
                        activations.push_back({ notifier });
    }

    bool any = false;
    if (!activations.empty()) {
        d->activeLists.push_back(&activations);
        for (const Private::Activation &a : activations) {
            if (!a.notifier) // disabled or deleted by an earlier handler of this pass
                continue;
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent(a.notifier, &event);
            any = true;
            if (d->interrupted.load())
                break;
        }
        d->activeLists.pop_back();
    }
    if (includeTimers && !d->interrupted.load())
        any = d->activateTimers() || any;
    return any;
}

bool installEpollDispatcher()
{
    if (qEnvironmentVariable("TTALKAK_EVENT_DISPATCHER") == QLatin1String("qt"))
        return false;
    QCoreApplication::setEventDispatcher(new EpollDispatcher);
    return true;
}

} // namespace ttalkak::tunnel
