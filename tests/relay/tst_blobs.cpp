// Blobs (dropped folders) against the running relay: PUT streams the body to <data>/blobs
// (bodies far above --max-body-bytes), the SHA-256 is checked, the size is capped by
// --max-blob-bytes (413), 201 then 200, ownership per user; GET for the owner, and for a provider
// key only while a deployment placed on it builds from the blob.
#include "relayfixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxBlob = 4 * 1024 * 1024;

QByteArray randomBytes(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(out.data()), size / 4);
    return out;
}

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString type(const QJsonObject &o)
{
    return o.value(u"type"_s).toString();
}

} // namespace

class TestBlobs : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RelayFixture> m_fx;
    TestUser m_alice;
    TestUser m_bob;

    HttpResult put(const QString &sha, const QByteArray &body, const QString &token)
    {
        return m_fx->http().request("PUT", m_fx->relay().url(u"/v1/blobs/"_s + sha), token, body, 30000);
    }
    HttpResult get(const QString &sha, const QString &token)
    {
        return m_fx->http().request("GET", m_fx->relay().url(u"/v1/blobs/"_s + sha), token, {}, 30000);
    }

    // Sends only the head of a PUT with "Expect: 100-continue"; the status of the first answer.
    int statusForHead(const QString &sha, qint64 length, const QString &token)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_fx->relay().port());
        if (!socket.waitForConnected(5000))
            return -1;
        QByteArray head = "PUT /v1/blobs/" + sha.toLatin1()
            + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(length) + "\r\nExpect: 100-continue\r\n";
        if (!token.isEmpty())
            head += "Authorization: Bearer " + token.toLatin1() + "\r\n";
        socket.write(head + "\r\n");
        QByteArray answer;
        (void)QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return answer.contains("\r\n");
            },
            5000);
        return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : -1;
    }
    int chunkedStatus(const QString &sha, qint64 total, const QString &token)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_fx->relay().port());
        if (!socket.waitForConnected(5000))
            return -1;
        socket.write("PUT /v1/blobs/" + sha.toLatin1()
            + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
              "Authorization: Bearer "
            + token.toLatin1() + "\r\n\r\n");
        const QByteArray chunk(64 * 1024, 'z');
        QByteArray answer;
        for (qint64 sent = 0; sent < total && socket.state() == QAbstractSocket::ConnectedState; sent += chunk.size()) {
            socket.write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
            socket.waitForBytesWritten(1000);
            answer += socket.readAll();
        }
        (void)QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return answer.contains("\r\n") || socket.state() != QAbstractSocket::ConnectedState;
            },
            5000);
        answer += socket.readAll();
        return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx = std::make_unique<RelayFixture>(QStringList { u"--max-blob-bytes"_s, QString::number(kMaxBlob) });
        REQUIRE_RELAY(*m_fx);
        m_alice = m_fx->signUp(u"blob-alice@example.com"_s);
        m_bob = m_fx->signUp(u"blob-bob@example.com"_s);
    }
    void cleanupTestCase() { m_fx.reset(); }

    void uploadAndDownload()
    {
        const QByteArray data = randomBytes(3 * 1024 * 1024); // three times --max-body-bytes
        const QString sha = sha256(data);
        const HttpResult created = put(sha, data, m_alice.token);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json.value(u"size"_s).toInteger(), data.size());
        QVERIFY(QFile::exists(QDir(m_fx->db().dataDir()).filePath(u"blobs/"_s + sha)));
        QCOMPARE(put(sha, data, m_alice.token).status, 200); // already there

        const HttpResult back = get(sha, m_alice.token);
        QCOMPARE(back.status, 200);
        QCOMPARE(back.header("content-type"), QByteArray("application/gzip"));
        QVERIFY(back.body == data);
        // Someone else: 404, until they upload the same bytes themselves (200: it was there).
        QCOMPARE(get(sha, m_bob.token).status, 404);
        QCOMPARE(put(sha, data, m_bob.token).status, 200);
        QCOMPARE(get(sha, m_bob.token).status, 200);
        // No temporary files are left beside the blobs.
        const QStringList left
            = QDir(QDir(m_fx->db().dataDir()).filePath(u"blobs"_s)).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(left, QStringList { sha });
    }

    void refusedUploads()
    {
        const QByteArray data = randomBytes(64 * 1024);
        const QString wrong = sha256("something else");
        const HttpResult mismatch = put(wrong, data, m_alice.token);
        QCOMPARE(mismatch.status, 400);
        QVERIFY(mismatch.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"SHA-256"_s));
        QCOMPARE(get(wrong, m_alice.token).status, 404);
        QVERIFY(!QFile::exists(QDir(m_fx->db().dataDir()).filePath(u"blobs/"_s + wrong)));

        QCOMPARE(put(u"not-a-hash"_s, data, m_alice.token).status, 400);
        QCOMPARE(put(sha256(data).toUpper(), data, m_alice.token).status, 400);
        QCOMPARE(put(sha256({}), {}, m_alice.token).status, 400); // empty
        QCOMPARE(put(sha256(data), data, {}).status, 401);

        // Too large: refused from the Content-Length, before any body is read.
        QCOMPARE(statusForHead(sha256("big"), kMaxBlob + 1, m_alice.token), 413);
        QCOMPARE(statusForHead(sha256("big"), kMaxBlob, m_alice.token), 100); // within the cap: go on
        // Unauthenticated bodies keep the small limit (no disk for strangers).
        QCOMPARE(statusForHead(sha256("big"), 2 * 1024 * 1024, {}), 413);
        // Chunked bodies have no length up front: cut off at the cap.
        QCOMPARE(chunkedStatus(sha256("chunks"), kMaxBlob + 64 * 1024, m_alice.token), 413);
        // The relay is fine afterwards.
        QCOMPARE(m_fx->http().get(m_fx->relay().url(u"/v1/me"_s), m_alice.token).status, 200);
    }

    // curl sends "Expect: 100-continue" for large uploads; the relay answers it at once.
    void curlUploadWithExpectContinue()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        const QByteArray data = randomBytes(2 * 1024 * 1024);
        file.write(data);
        file.flush();
        const QString sha = sha256(data);
        QProcess curl;
        QElapsedTimer clock;
        clock.start();
        curl.start(u"curl"_s,
            { u"-sS"_s, u"--max-time"_s, u"20"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code}"_s, u"-T"_s,
                file.fileName(), u"-H"_s, u"Expect: 100-continue"_s, u"--expect100-timeout"_s, u"10"_s, u"-H"_s,
                u"Authorization: Bearer "_s + m_alice.token, m_fx->relay().url(u"/v1/blobs/"_s + sha).toString() });
        QVERIFY(QTest::qWaitFor([&] { return curl.state() == QProcess::NotRunning; }, 25000));
        QCOMPARE(curl.readAllStandardOutput(), QByteArray("201"));
        QVERIFY2(clock.elapsed() < 8000, "curl waited for the 100 Continue");
    }

    void providersReadOnlyWhatTheyBuild()
    {
        const QByteArray data = randomBytes(100 * 1024);
        const QString sha = sha256(data);
        QCOMPARE(put(sha, data, m_alice.token).status, 201);
        const TestProvider box = m_fx->addProvider(m_alice, u"blob-box"_s);
        QCOMPARE(get(sha, box.key).status, 404);
        QCOMPARE(put(sha, data, box.key).status, 403);

        // A blob source must exist and be the caller's; the size is filled in.
        const QString project = m_fx->createProject(m_alice, u"dropped"_s);
        QJsonObject spec = minimalAppSpec();
        spec.insert(u"source"_s, QJsonObject { { u"type"_s, u"blob"_s }, { u"blob"_s, sha } });
        const auto deploy
            = [&](const TestUser &who, const QString &projectId, const QString &name, const QJsonObject &s) {
                  return m_fx->http().post(m_fx->relay().url(u"/v1/deployments"_s), who.token,
                      { { u"projectId"_s, projectId }, { u"name"_s, name }, { u"spec"_s, s },
                          { u"resources"_s,
                              QJsonObject { { u"cpuMillis"_s, 100 }, { u"memoryMb"_s, 64 }, { u"diskMb"_s, 10 } } } });
              };
        const QString bobProject = m_fx->createProject(m_bob, u"bobs"_s);
        QCOMPARE(deploy(m_bob, bobProject, u"not-mine"_s, spec).status, 400);
        QJsonObject wrongSize = spec;
        wrongSize.insert(u"source"_s, QJsonObject { { u"type"_s, u"blob"_s }, { u"blob"_s, sha }, { u"size"_s, 5 } });
        QCOMPARE(deploy(m_alice, project, u"wrong-size"_s, wrongSize).status, 400);
        const HttpResult d = deploy(m_alice, project, u"from-folder"_s, spec);
        QCOMPARE(d.status, 202);
        QCOMPARE(
            d.json.value(u"spec"_s).toObject().value(u"source"_s).toObject().value(u"size"_s).toInteger(), data.size());
        const QString dep = d.json.value(u"id"_s).toString();

        auto provider = m_fx->connectProvider(box);
        QVERIFY(provider);
        const QJsonObject offer = provider->waitFor([&](const QJsonObject &o) {
            return type(o) == u"offer" && o.value(u"deployment"_s).toObject().value(u"id"_s).toString() == dep;
        });
        QVERIFY(!offer.isEmpty());
        const HttpResult fetched = get(sha, box.key);
        QCOMPARE(fetched.status, 200);
        QVERIFY(fetched.body == data);
        // Another provider key: no.
        const TestProvider other = m_fx->addProvider(m_bob, u"other-box"_s);
        QCOMPARE(get(sha, other.key).status, 404);
        // Once deleted, the provider's access ends.
        QCOMPARE(
            m_fx->http().request("DELETE", m_fx->relay().url(u"/v1/deployments/"_s + dep), m_alice.token).status, 202);
        QCOMPARE(get(sha, box.key).status, 404);
        QCOMPARE(get(sha, m_alice.token).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestBlobs)
#include "tst_blobs.moc"
