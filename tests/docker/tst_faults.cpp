// Fault injection against a scripted fake engine on a unix socket: every failure mode ends the
// job with a clear error value, once, and leaves nothing behind (run under ASan to see leaks).
#include "fakeengine.h"
#include "jobrunner.h"

#include <docker/buildcontext.h>
#include <docker/dockerclient.h>

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <QtEndian>

using namespace ttalkak::docker;
using namespace Qt::StringLiterals;
using ttalkak::core::ErrorCode;

class TestFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void negotiatesOlderVersion();
    void refusesTooOldEngine();
    void noEngine();
    void dribbledReply();
    void droppedMidStream();
    void malformedJsonLine();
    void downloadDroppedAndDiskFull();
    void malformedJsonReply();
    void serverErrorWithMessage();
    void notFound();
    void slowServerTimesOut();
    void stalledStreamTimesOut();
    void errorInside200Stream();
    void buildUploadsChunkedContext();
    void cancelStream();
    void garbageHttp();
    void logsBackPressure();
    void invalidSpecFailsWithoutRequest();
    void jobsDeleteThemselves();

private:
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<DockerClient> m_client;
};

void TestFaults::init()
{
    m_engine = std::make_unique<FakeEngine>();
    QVERIFY(m_engine->listen());
    m_client = std::make_unique<DockerClient>(Endpoint::unixSocket(m_engine->socketPath()));
    m_client->setTimeouts(2000, 3000);
}

void TestFaults::cleanup()
{
    m_client.reset();
    m_engine.reset();
    // Let deleteLater'd sockets and jobs go before the next test (ASan counts them otherwise).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void TestFaults::negotiatesOlderVersion()
{
    m_engine->setApiVersion("1.40");
    m_engine->on("/info", [](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::reply(s, 200, R"({"Runtimes":{"runc":{},"runsc":{}}})");
    });
    auto job = runJob(m_client->info());
    JOB_OK(job);
    QCOMPARE(m_client->apiVersion(), QByteArray("1.40"));
    QCOMPARE(m_engine->requests().last().target, QByteArray("/v1.40/info"));
    QCOMPARE(DockerClient::runtimes(job->json().object()), (QStringList { u"runc"_s, u"runsc"_s }));

    // Newer engines are spoken to in our newest version.
    FakeEngine newer;
    QVERIFY(newer.listen());
    newer.setApiVersion("1.45");
    DockerClient c2(Endpoint::unixSocket(newer.socketPath()));
    auto ping = runJob(c2.ping());
    JOB_OK(ping);
    QCOMPARE(c2.apiVersion(), QByteArray("1.41"));
}

void TestFaults::refusesTooOldEngine()
{
    m_engine->setApiVersion("1.24");
    auto job = runJob(m_client->version());
    QVERIFY(job->failed());
    QCOMPARE(job->error().code(), ErrorCode::Unsupported);
    QVERIFY(job->errorString().contains(u"1.24"));
}

void TestFaults::noEngine()
{
    QTemporaryDir dir;
    DockerClient c(Endpoint::unixSocket(dir.filePath(u"absent.sock"_s)));
    auto job = runJob(c.ping());
    QVERIFY(job->failed());
    QCOMPARE(job->error().code(), ErrorCode::Unavailable);
    QVERIFY(job->errorString().contains(u"absent.sock"));

    DockerClient tcp(Endpoint::tcp(u"127.0.0.1"_s, 1)); // nothing listens on port 1
    auto job2 = runJob(tcp.ping());
    QCOMPARE(job2->error().code(), ErrorCode::Unavailable);
}

void TestFaults::dribbledReply()
{
    // One byte per event-loop turn, chunked: the parser must reassemble everything.
    m_engine->on("/containers/abc/json", [](const FakeRequest &, QLocalSocket *s) {
        const QByteArray body = R"({"Id":"abc","State":{"Status":"running","Pid":42}})";
        const QByteArray wire
            = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + QByteArray::number(body.size() - 10, 16) + "\r\n" + body.left(body.size() - 10) + "\r\n"
            + QByteArray::number(10, 16) + "\r\n" + body.right(10) + "\r\n0\r\n\r\n";
        auto *timer = new QTimer(s);
        auto pos = std::make_shared<qsizetype>(0);
        QObject::connect(timer, &QTimer::timeout, s, [s, wire, pos, timer] {
            s->write(wire.mid((*pos)++, 1));
            s->flush();
            if (*pos >= wire.size())
                timer->stop();
        });
        timer->start(0);
    });
    auto job = runJob(m_client->inspectContainer(u"abc"_s));
    JOB_OK(job);
    QCOMPARE(job->json()[u"State"][u"Pid"].toInt(), 42);
}

void TestFaults::droppedMidStream()
{
    m_engine->on("/events", [](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::startChunked(s);
        FakeEngine::chunk(s,
            R"({"Type":"container","Action":"start","Actor":{"ID":"c1"},"timeNano":1700000000000000000})"
            "\n{\"Type\":\"contai");
        s->flush();
        QTimer::singleShot(50, s, [s] { s->abort(); });
    });
    auto *job = m_client->events();
    QList<DockerEvent> events;
    connect(job, &EventsJob::event, this, [&](const DockerEvent &e) { events << e; });
    auto owned = runJob(job);
    QVERIFY(owned->failed());
    QCOMPARE(owned->error().code(), ErrorCode::Io);
    QVERIFY2(owned->errorString().contains(u"closed the connection mid-response"), qPrintable(owned->errorString()));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].action, u"start"_s);
    QCOMPARE(events[0].actorId, u"c1"_s);
    QCOMPARE(events[0].time.toSecsSinceEpoch(), 1700000000);
}

void TestFaults::downloadDroppedAndDiskFull()
{
    // A tarball announced as 1 MiB that stops after 100 KiB.
    m_engine->on("/images/", [](const FakeRequest &, QLocalSocket *s) {
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nContent-Length: 1048576\r\n\r\n");
        s->write(QByteArray(100 * 1024, 't'));
        s->flush();
        QTimer::singleShot(50, s, [s] { s->abort(); });
    });
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    auto dropped = runJob(m_client->saveImage(u"app:1"_s, &buffer));
    QVERIFY(dropped->failed());
    QCOMPARE(dropped->error().code(), ErrorCode::Io);
    QCOMPARE(m_engine->requests().last().target, QByteArray("/v1.41/images/app%3A1/get"));
    QCOMPARE(buffer.data(), QByteArray(100 * 1024, 't')); // what arrived, nothing else
    QCOMPARE(dropped->bytesReceived(), 100 * 1024);

    // The device refuses the bytes (a full disk): the job fails at once with the device's error.
    m_engine->on("/images/", [](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::reply(s, 200, QByteArray(64 * 1024, 't'), "application/x-tar");
    });
    QFile full(u"/dev/full"_s);
    if (!full.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        QSKIP("no /dev/full");
    auto refused = runJob(m_client->saveImage(u"app:1"_s, &full));
    QVERIFY(refused->failed());
    QCOMPARE(refused->error().code(), ErrorCode::Io);
    QVERIFY2(refused->errorString().contains(u"space"), qPrintable(refused->errorString()));
}

void TestFaults::malformedJsonLine()
{
    m_engine->on("/images/create", [](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::startChunked(s);
        FakeEngine::chunk(s, "{\"status\":\"Pulling from library/node\"}\r\n{\"status\": oops}\r\n");
        // The stream stays open: the client must stop on its own.
    });
    auto *job = m_client->pull(u"node"_s, u"20"_s);
    int messages = 0;
    connect(job, &JsonStreamJob::message, this, [&] { ++messages; });
    auto owned = runJob(job, 5000);
    QVERIFY(owned->isFinished());
    QCOMPARE(owned->error().code(), ErrorCode::Remote);
    QVERIFY2(owned->errorString().contains(u"Malformed JSON"), qPrintable(owned->errorString()));
    QVERIFY(owned->errorString().contains(u"oops"));
    QCOMPARE(messages, 1);
    QTRY_COMPARE(m_engine->openConnections(), 0); // the client hung up
}

void TestFaults::malformedJsonReply()
{
    m_engine->on(
        "/containers/json", [](const FakeRequest &, QLocalSocket *s) { FakeEngine::reply(s, 200, "[{\"Id\":"); });
    auto job = runJob(m_client->listContainers());
    QCOMPARE(job->error().code(), ErrorCode::Remote);
    QVERIFY(job->errorString().contains(u"Malformed JSON"));
}

void TestFaults::serverErrorWithMessage()
{
    m_engine->on("/containers/x/start", [](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::reply(s, 500, R"({"message":"driver failed programming external connectivity on endpoint web"})");
    });
    auto job = runJob(m_client->startContainer(u"x"_s));
    QVERIFY(job->failed());
    QCOMPARE(job->error().code(), ErrorCode::Remote);
    QCOMPARE(job->statusCode(), 500);
    QVERIFY2(job->errorString().startsWith(u"driver failed programming external connectivity on endpoint web"),
        qPrintable(job->errorString()));
    QVERIFY(job->errorString().contains(u"HTTP 500"));
}

void TestFaults::notFound()
{
    m_engine->on("/containers/gone/json", [](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::reply(s, 404, R"({"message":"No such container: gone"})");
    });
    auto job = runJob(m_client->inspectContainer(u"gone"_s));
    QCOMPARE(job->error().code(), ErrorCode::NotFound);
    QVERIFY(job->errorString().contains(u"No such container: gone"));
}

void TestFaults::slowServerTimesOut()
{
    m_engine->on("/version", [](const FakeRequest &, QLocalSocket *) { /* never answers */ });
    m_client->setTimeouts(1000, 300);
    QElapsedTimer t;
    t.start();
    auto job = runJob(m_client->version(), 5000);
    QVERIFY(job->failed());
    QCOMPARE(job->error().code(), ErrorCode::Timeout);
    QVERIFY2(job->errorString().contains(u"did not answer within 300 ms"), qPrintable(job->errorString()));
    QVERIFY(t.elapsed() < 3000);
    QTRY_COMPARE(m_engine->openConnections(), 0);
}

void TestFaults::stalledStreamTimesOut()
{
    // Headers and one line, then silence: a stream with an idle timeout gives up.
    m_engine->on("/images/create", [](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::startChunked(s);
        FakeEngine::chunk(s, "{\"status\":\"Downloading\"}\n");
    });
    auto *job = m_client->pull(u"node"_s, {});
    job->setTimeout(300);
    auto owned = runJob(job, 5000);
    QCOMPARE(owned->error().code(), ErrorCode::Timeout);
    QVERIFY(owned->errorString().contains(u"stalled"));
    QCOMPARE(owned->messageCount(), 1);
}

void TestFaults::errorInside200Stream()
{
    m_engine->on("/images/create", [](const FakeRequest &, QLocalSocket *s) {
        FakeEngine::startChunked(s);
        FakeEngine::chunk(s, "{\"status\":\"Pulling\"}\r\n");
        FakeEngine::chunk(s,
            R"({"errorDetail":{"message":"manifest for node:99 not found"},"error":"manifest for node:99 not found"})"
            "\r\n");
        FakeEngine::endChunked(s);
    });
    auto job = runJob(m_client->pull(u"node"_s, u"99"_s));
    QVERIFY(job->failed());
    QCOMPARE(job->error().code(), ErrorCode::Remote);
    QCOMPARE(job->errorString(), u"manifest for node:99 not found"_s);
}

void TestFaults::buildUploadsChunkedContext()
{
    QTemporaryDir dir;
    {
        QFile f(dir.filePath(u"Dockerfile"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("FROM scratch\n");
        QFile big(dir.filePath(u"big.bin"_s));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(QByteArray(3 * 1024 * 1024, 'q')); // several refills of the socket
    }
    QByteArray received;
    QByteArray query;
    m_engine->on("/build", [&](const FakeRequest &r, QLocalSocket *s) {
        received = r.body;
        query = r.target;
        FakeEngine::startChunked(s);
        FakeEngine::chunk(
            s, "{\"stream\":\"Step 1/2 : FROM scratch\\n\"}\r\n{\"stream\":\"Step 2/2 : RUN false\\n\"}\r\n");
        FakeEngine::chunk(s, "{\"stream\":\" ---\\u003e Running in 0123\\n\"}\r\n");
        FakeEngine::chunk(s,
            R"({"errorDetail":{"code":1,"message":"The command '/bin/sh -c false' returned a non-zero code: 1"},"error":"The command '/bin/sh -c false' returned a non-zero code: 1"})"
            "\r\n");
        FakeEngine::endChunked(s);
    });
    auto ctx = BuildContext::open(dir.path());
    QVERIFY(ctx.hasValue());
    BuildOptions o;
    o.tags = { u"t:1"_s };
    o.buildArgs = { { u"A"_s, u"x y"_s } };
    auto *job = m_client->build(std::move(*ctx), o);
    QStringList lines;
    connect(job, &BuildJob::output, this, [&](const QString &l) { lines << l; });
    auto owned = runJob(job, 20000);
    QVERIFY(owned->failed());
    QCOMPARE(owned->errorString(), u"The command '/bin/sh -c false' returned a non-zero code: 1"_s);
    QCOMPARE(
        lines, (QStringList { u"Step 1/2 : FROM scratch"_s, u"Step 2/2 : RUN false"_s, u" ---> Running in 0123"_s }));
    QVERIFY(received.size() > 3 * 1024 * 1024);
    QVERIFY(received.contains("FROM scratch"));
    QVERIFY(query.contains("t=t%3A1"));
    QVERIFY(query.contains("buildargs="));
    QVERIFY(query.contains("dockerfile=Dockerfile"));
}

void TestFaults::cancelStream()
{
    m_engine->on("/events", [](const FakeRequest &, QLocalSocket *s) { FakeEngine::startChunked(s); });
    auto *job = m_client->events();
    job->setAutoDelete(false);
    std::unique_ptr<EventsJob> owned(job);
    QSignalSpy spy(job, &DockerJob::result);
    job->start();
    QTRY_COMPARE(m_engine->openConnections(), 1);
    QTest::qWait(50);
    QVERIFY(job->kill());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(job->error().code(), ErrorCode::Cancelled);
    QVERIFY(!job->kill());
    QTRY_COMPARE(m_engine->openConnections(), 0);
    QTest::qWait(50);
    QCOMPARE(spy.size(), 1); // exactly once
}

void TestFaults::garbageHttp()
{
    m_engine->on("/version", [](const FakeRequest &, QLocalSocket *s) { s->write("SSH-2.0-OpenSSH_9.2\r\n\r\n"); });
    auto job = runJob(m_client->version());
    QCOMPARE(job->error().code(), ErrorCode::Remote);
    QVERIFY2(job->errorString().contains(u"malformed HTTP response"), qPrintable(job->errorString()));
}

void TestFaults::logsBackPressure()
{
    // 4 MiB of log frames; while the job is paused the engine side cannot get rid of them.
    constexpr int kLines = 65536;
    QPointer<QLocalSocket> server;
    m_engine->on("/containers/c/logs", [&](const FakeRequest &, QLocalSocket *s) {
        server = s;
        FakeEngine::startChunked(s, 200, "application/vnd.docker.raw-stream");
        QByteArray all;
        for (int i = 0; i < kLines; ++i) {
            QByteArray payload = QByteArray::number(i).rightJustified(55, '.') + '\n';
            QByteArray h(8, 0);
            h[0] = char(i % 2 ? 2 : 1);
            qToBigEndian<quint32>(quint32(payload.size()), h.data() + 4);
            all += h + payload;
        }
        FakeEngine::chunk(s, all);
        FakeEngine::endChunked(s);
    });
    LogsOptions o;
    o.follow = true;
    auto *job = m_client->logs(u"c"_s, o);
    job->setAutoDelete(false);
    job->setCollect(false);
    std::unique_ptr<LogsJob> owned(job);
    int received = 0;
    int stderrLines = 0;
    connect(job, &LogsJob::lines, this, [&](const QList<LogLine> &batch) {
        if (received == 0)
            job->pause(); // the first batch pauses the reader
        received += int(batch.size());
        for (const LogLine &l : batch)
            stderrLines += l.stream == LogStream::Stderr;
    });
    QSignalSpy done(job, &DockerJob::result);
    job->start();
    QTRY_VERIFY(received > 0);
    QTest::qWait(300);
    const int whilePaused = received;
    QVERIFY(server);
    // Bounded: the client holds at most its read buffer (1 MiB); the rest waits engine-side.
    QVERIFY2(whilePaused < kLines / 2, qPrintable(QString::number(whilePaused)));
    QVERIFY2(server->bytesToWrite() > 1024 * 1024, qPrintable(QString::number(server->bytesToWrite())));
    QCOMPARE(done.size(), 0);
    job->resume();
    QVERIFY(done.wait(10000));
    JOB_OK(job);
    QCOMPARE(received, kLines);
    QCOMPARE(stderrLines, kLines / 2);
}

void TestFaults::invalidSpecFailsWithoutRequest()
{
    ContainerSpec spec;
    spec.image = u"app"_s;
    spec.volumes = { { u"/var/run/docker.sock"_s, u"/sock"_s } };
    auto job = runJob(m_client->createContainer(spec, u"evil"_s));
    QCOMPARE(job->error().code(), ErrorCode::Unsafe);
    QVERIFY(m_engine->requests().isEmpty());
}

void TestFaults::jobsDeleteThemselves()
{
    m_engine->on("/version",
        [](const FakeRequest &, QLocalSocket *s) { FakeEngine::reply(s, 200, R"({"ApiVersion":"1.41"})"); });
    QPointer<ApiJob> job = m_client->version();
    bool ok = false;
    connect(job, &DockerJob::result, this, [&](DockerJob *j) { ok = !j->failed(); });
    job->start();
    QTRY_VERIFY(job.isNull());
    QVERIFY(ok);
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
