// EpollDispatcher against the contract Qt's own dispatchers keep: timers, socket notifiers on
// real sockets, wake-ups from other threads, nested loops, deferred deletes, and a real TCP echo.
#include <tunnel/epolldispatcher.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ttalkak::tunnel;

namespace {

struct SocketPair
{
    int fds[2] = { -1, -1 };
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds); }
    ~SocketPair()
    {
        for (int fd : fds)
            if (fd >= 0)
                ::close(fd);
    }
    void send(int end, const char *text) const { QCOMPARE_GE(::write(fds[end], text, strlen(text)), 0); }
};

void drain(int fd)
{
    char buffer[256];
    while (::read(fd, buffer, sizeof buffer) > 0) { }
}

// Counts activations and reads what is there, as a real reader would: level-triggered notifiers
// fire on every pass while data waits.
struct DrainingCounter
{
    int count = 0;
    DrainingCounter(QSocketNotifier *notifier, QObject *context)
    {
        QObject::connect(notifier, &QSocketNotifier::activated, context, [this](QSocketDescriptor fd) {
            ++count;
            drain(int(qintptr(fd)));
        });
    }
};

} // namespace

class TstEpollDispatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void isInstalled();
    void singleShotTimersFireInOrder();
    void repeatingTimerKeepsFiring();
    void timerKilledByAnEarlierHandlerDoesNotFire();
    void remainingTime();
    void reRegisteredTimerDoesNotSpin();
    void zeroTimerDoesNotStarveSockets();
    void readNotifier();
    void disabledNotifierIsNotActivated();
    void notifierDisabledEarlierInThePassIsSkipped();
    void writeNotifierTogglesWithinAPass();
    void reusedDescriptorNumber();
    void regularFileIsAlwaysReady();
    void wakeUpFromAnotherThread();
    void nestedLoopAndDeferredDelete();
    void tcpEcho();
};

void TstEpollDispatcher::isInstalled()
{
    QVERIFY(qobject_cast<EpollDispatcher *>(QAbstractEventDispatcher::instance()));
}

void TstEpollDispatcher::singleShotTimersFireInOrder()
{
    QStringList order;
    QElapsedTimer clock;
    clock.start();
    qint64 firstAt = -1;
    QTimer::singleShot(60, Qt::PreciseTimer, this, [&] { order << u"60"_s; });
    QTimer::singleShot(20, Qt::PreciseTimer, this, [&] {
        order << u"20"_s;
        firstAt = clock.elapsed();
    });
    QTimer::singleShot(40, Qt::PreciseTimer, this, [&] { order << u"40"_s; });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 3, 2000);
    QCOMPARE(order, (QStringList { u"20"_s, u"40"_s, u"60"_s }));
    QVERIFY2(firstAt >= 19, qPrintable(QString::number(firstAt))); // never early
}

void TstEpollDispatcher::repeatingTimerKeepsFiring()
{
    QTimer timer;
    timer.setInterval(10);
    int fired = 0;
    connect(&timer, &QTimer::timeout, this, [&] {
        if (++fired == 5)
            timer.stop();
    });
    timer.start();
    QTRY_COMPARE_WITH_TIMEOUT(fired, 5, 2000);
    QTest::qWait(50);
    QCOMPARE(fired, 5); // stopped means stopped
}

void TstEpollDispatcher::timerKilledByAnEarlierHandlerDoesNotFire()
{
    // Both are due in the same pass; the first stops the second.
    QTimer first;
    QTimer second;
    first.setSingleShot(true);
    second.setSingleShot(true);
    bool secondFired = false;
    connect(&first, &QTimer::timeout, this, [&] { second.stop(); });
    connect(&second, &QTimer::timeout, this, [&] { secondFired = true; });
    first.start(5);
    second.start(5);
    QThread::msleep(20); // both overdue before the loop looks
    QTest::qWait(30);
    QVERIFY(!first.isActive());
    QVERIFY(!secondFired);
}

void TstEpollDispatcher::remainingTime()
{
    QTimer timer;
    timer.start(500);
    const int left = timer.remainingTime();
    QVERIFY2(left > 400 && left <= 500, qPrintable(QString::number(left)));
    timer.stop();
    QCOMPARE(timer.remainingTime(), -1);
}

void TstEpollDispatcher::reRegisteredTimerDoesNotSpin()
{
    // Registering a live timer id again (Qt's moveToThread path) must replace its deadline, not
    // leave the old one queued: an overdue stale entry would make every wait return at once.
    auto *dispatcher = QAbstractEventDispatcher::instance();
    QObject holder;
    const int id = dispatcher->registerTimer(5, Qt::PreciseTimer, &holder);
    dispatcher->registerTimer(id, 10000, Qt::PreciseTimer, &holder);
    QThread::msleep(20); // the first deadline is long past
    int passes = 0;
    QEventLoop loop;
    connect(dispatcher, &QAbstractEventDispatcher::awake, this, [&] { ++passes; });
    QTimer::singleShot(100, &loop, &QEventLoop::quit);
    loop.exec();
    disconnect(dispatcher, &QAbstractEventDispatcher::awake, this, nullptr);
    QVERIFY2(passes < 20, qPrintable(QString::number(passes))); // sleeping, not spinning
    QVERIFY(dispatcher->unregisterTimer(id));
}

void TstEpollDispatcher::zeroTimerDoesNotStarveSockets()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[1], QSocketNotifier::Read);
    int reads = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        drain(pair.fds[1]);
        ++reads;
    });
    int spins = 0;
    QTimer busy;
    connect(&busy, &QTimer::timeout, this, [&] { ++spins; });
    busy.start(0);
    pair.send(0, "x");
    QTRY_COMPARE_WITH_TIMEOUT(reads, 1, 2000);
    QVERIFY(spins > 0);
}

void TstEpollDispatcher::readNotifier()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[1], QSocketNotifier::Read);
    DrainingCounter reads(&notifier, this);
    QTest::qWait(20);
    QCOMPARE(reads.count, 0); // nothing to read: no activation
    pair.send(0, "hello");
    QTRY_COMPARE_WITH_TIMEOUT(reads.count, 1, 2000);
    pair.send(0, "again");
    QTRY_COMPARE_WITH_TIMEOUT(reads.count, 2, 2000);
    QTest::qWait(20);
    QCOMPARE(reads.count, 2);
}

void TstEpollDispatcher::disabledNotifierIsNotActivated()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[1], QSocketNotifier::Read);
    DrainingCounter reads(&notifier, this);
    notifier.setEnabled(false);
    pair.send(0, "x");
    QTest::qWait(30);
    QCOMPARE(reads.count, 0);
    notifier.setEnabled(true); // level-triggered: the waiting byte is reported now
    QTRY_COMPARE_WITH_TIMEOUT(reads.count, 1, 2000);
}

void TstEpollDispatcher::notifierDisabledEarlierInThePassIsSkipped()
{
    SocketPair a;
    SocketPair b;
    auto *na = new QSocketNotifier(a.fds[1], QSocketNotifier::Read, this);
    auto *nb = new QSocketNotifier(b.fds[1], QSocketNotifier::Read, this);
    int activations = 0;
    // Whichever runs first disables (or deletes) the other, which is ready in the same pass.
    connect(na, &QSocketNotifier::activated, this, [&] {
        ++activations;
        drain(a.fds[1]);
        delete nb;
        nb = nullptr;
    });
    connect(nb, &QSocketNotifier::activated, this, [&] {
        ++activations;
        drain(b.fds[1]);
        na->setEnabled(false);
    });
    a.send(0, "x");
    b.send(0, "y");
    QTRY_VERIFY_WITH_TIMEOUT(activations >= 1, 2000);
    QTest::qWait(30);
    QCOMPARE(activations, 1);
    delete na;
    delete nb;
}

void TstEpollDispatcher::writeNotifierTogglesWithinAPass()
{
    SocketPair pair;
    QSocketNotifier reader(pair.fds[0], QSocketNotifier::Read);
    QSocketNotifier writer(pair.fds[0], QSocketNotifier::Write);
    QSignalSpy writes(&writer, &QSocketNotifier::activated);
    writer.setEnabled(false);
    writer.setEnabled(true);
    writer.setEnabled(false); // net: off — nothing must fire
    QTest::qWait(20);
    QCOMPARE(writes.size(), 0);
    writer.setEnabled(true); // a socket with room is writable at once
    QTRY_VERIFY_WITH_TIMEOUT(writes.size() >= 1, 2000);
    writer.setEnabled(false);
    const qsizetype seen = writes.size();
    QTest::qWait(20);
    QCOMPARE(writes.size(), seen);
    // The reader on the same fd still works after all this.
    DrainingCounter reads(&reader, this);
    pair.send(1, "x");
    QTRY_COMPARE_WITH_TIMEOUT(reads.count, 1, 2000);
}

void TstEpollDispatcher::reusedDescriptorNumber()
{
    // A notifier's fd is closed and the number comes straight back for a new socket in the same
    // pass; the new socket must be watched, not mistaken for the old registration.
    int number = -1;
    {
        SocketPair old;
        QSocketNotifier notifier(old.fds[1], QSocketNotifier::Read);
        number = old.fds[1];
    }
    SocketPair fresh;
    QVERIFY(fresh.fds[0] == number || fresh.fds[1] == number);
    const int end = fresh.fds[0] == number ? 0 : 1;
    QSocketNotifier notifier(fresh.fds[end], QSocketNotifier::Read);
    DrainingCounter reads(&notifier, this);
    fresh.send(1 - end, "x");
    QTRY_COMPARE_WITH_TIMEOUT(reads.count, 1, 2000);
}

void TstEpollDispatcher::regularFileIsAlwaysReady()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("data");
    file.flush();
    const int fd = ::open(file.fileName().toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
    QVERIFY(fd >= 0);
    {
        QSocketNotifier notifier(fd, QSocketNotifier::Read); // epoll refuses files; poll() says ready
        QSignalSpy spy(&notifier, &QSocketNotifier::activated);
        QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 1, 2000);
    }
    ::close(fd);
    QTest::qWait(10); // the loop goes back to sleeping without it
}

void TstEpollDispatcher::wakeUpFromAnotherThread()
{
    // Nothing else is pending: the loop sleeps in epoll_wait until the other thread's post.
    QEventLoop loop;
    QElapsedTimer clock;
    bool delivered = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        QThread::msleep(50);
        clock.start();
        QMetaObject::invokeMethod(
            &loop,
            [&] {
                delivered = true;
                loop.quit();
            },
            Qt::QueuedConnection);
    }));
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec();
    thread->wait();
    QVERIFY(delivered);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
}

void TstEpollDispatcher::nestedLoopAndDeferredDelete()
{
    QPointer<QObject> doomed = new QObject;
    bool inner = false;
    QTimer::singleShot(0, this, [&] {
        QEventLoop nested;
        QTimer::singleShot(10, &nested, [&] {
            inner = true;
            nested.quit();
        });
        nested.exec();
        doomed->deleteLater();
    });
    QTRY_VERIFY_WITH_TIMEOUT(inner, 2000);
    QTRY_VERIFY_WITH_TIMEOUT(doomed.isNull(), 2000);
}

void TstEpollDispatcher::tcpEcho()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *peer = server.nextPendingConnection();
        connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
    });
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 2000);
    QByteArray payload(1 << 20, 'e'); // larger than the socket buffers: write notifiers must work
    for (int i = 0; i < payload.size(); i += 97)
        payload[i] = char('a' + i % 26);
    client.write(payload);
    QByteArray echoed;
    connect(&client, &QTcpSocket::readyRead, this, [&] { echoed += client.readAll(); });
    QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), payload.size(), 10000);
    QCOMPARE(echoed, payload);
}

int main(int argc, char *argv[])
{
    // Installed unconditionally: this test is about this dispatcher.
    QCoreApplication::setEventDispatcher(new EpollDispatcher);
    QCoreApplication app(argc, argv);
    TstEpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
