// LLM-phrased summaries against a small OpenAI-compatible chat-completions server written here
// (it runs in this process; the relay is the real binary). Checks: the prompt is compact and within
// the token budget (templates and a few sample lines, never the raw log), the key is sent but never
// logged, the answer is cached while no new log lines arrive, refreshed after new lines at most
// once per interval, failures (slow -> timeout, HTTP 500, malformed JSON) fall back to the local
// summary with a note and are never cached.
#include "relayfixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QString type(const QJsonObject &o)
{
    return o.value(u"type"_s).toString();
}

const QString kKey = u"sk-test-SECRET-4f9a1c"_s;

// Answers POSTs with the scripted behaviour; records each request's headers and JSON body.
class FakeChatServer : public QObject
{
public:
    enum class Mode { Ok, Slow, Error500, Malformed };
    Mode mode = Mode::Ok;
    QString answer = u"The app ran out of memory and restarted."_s;
    QList<QJsonObject> bodies;
    QList<QByteArray> authorizations;

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url() const { return u"http://127.0.0.1:%1/v1/chat/completions"_s.arg(m_server.serverPort()); }

private:
    void onData(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        QByteArray auth;
        for (const QByteArray &line : buf.left(end).split('\n')) {
            const QByteArray l = line.trimmed();
            if (l.toLower().startsWith("content-length:"))
                length = l.mid(15).trimmed().toLongLong();
            if (l.toLower().startsWith("authorization:"))
                auth = l.mid(14).trimmed();
        }
        if (buf.size() < end + 4 + length)
            return;
        bodies.append(QJsonDocument::fromJson(buf.mid(end + 4, length)).object());
        authorizations.append(auth);
        buf.clear();
        QByteArray status = "200 OK";
        QByteArray body;
        switch (mode) {
        case Mode::Slow:
            return; // never answers; the relay's timeout must fire
        case Mode::Error500:
            status = "500 Internal Server Error";
            body = R"({"error":{"message":"overloaded"}})";
            break;
        case Mode::Malformed:
            body = R"({"choices":[{"message":{"content":)";
            break;
        case Mode::Ok:
            body = QJsonDocument(
                QJsonObject { { u"choices"_s,
                    QJsonArray { QJsonObject { { u"message"_s,
                        QJsonObject { { u"role"_s, u"assistant"_s }, { u"content"_s, answer } } } } } } })
                       .toJson(QJsonDocument::Compact);
            break;
        }
        s->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class TestLlm : public QObject
{
    Q_OBJECT

private:
    FakeChatServer m_chat;
    QTemporaryFile m_keyFile;
    std::unique_ptr<RelayFixture> m_fx;
    TestUser m_owner;
    QString m_dep;
    std::unique_ptr<WsClient> m_provider;
    static constexpr int kBudget = 1500;
    static constexpr int kMaxTokens = 300;

    QJsonObject summary(const QString &lang = u"en"_s)
    {
        QUrl url = m_fx->relay().url(u"/v1/deployments/"_s + m_dep + u"/summary"_s);
        url.setQuery(u"window=30m&lang="_s + lang);
        const HttpResult r = m_fx->http().request("GET", url, m_owner.token, {}, 15000);
        if (r.status != 200)
            qWarning() << "summary failed" << r.status << r.body;
        return r.json;
    }
    bool sendLines(const QStringList &lines, const QString &stream = u"stderr"_s)
    {
        QJsonArray items;
        for (const QString &l : lines)
            items.append(QJsonObject { { u"line"_s, l }, { u"stream"_s, stream } });
        return type(m_provider->call({ { u"type"_s, u"logs"_s }, { u"deployment"_s, m_dep }, { u"lines"_s, items } }))
            == u"ack";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_chat.listen());
        QVERIFY(m_keyFile.open());
        m_keyFile.write(kKey.toUtf8() + '\n');
        m_keyFile.flush();
        m_fx = std::make_unique<RelayFixture>(QStringList { u"--llm-url"_s, m_chat.url(), u"--llm-model"_s,
            u"tiny-test-model"_s, u"--llm-key-file"_s, m_keyFile.fileName(), u"--llm-timeout-ms"_s, u"800"_s,
            u"--llm-refresh-ms"_s, u"1500"_s, u"--llm-token-budget"_s, QString::number(kBudget), u"--llm-max-tokens"_s,
            QString::number(kMaxTokens) });
        REQUIRE_RELAY(*m_fx);
        m_owner = m_fx->signUp(u"llm@example.com"_s);
        const QString project = m_fx->createProject(m_owner, u"chatty"_s);
        m_dep = m_fx->deploy(m_owner, project, u"chatty"_s).value(u"id"_s).toString();
        const TestProvider p = m_fx->addProvider(m_owner, u"llm-box"_s);
        m_provider = m_fx->connectProvider(p);
        QVERIFY(m_provider);
        const QJsonObject offer = m_provider->waitForType(u"offer"_s);
        QCOMPARE(
            type(m_provider->call({ { u"type"_s, u"accept"_s }, { u"offer"_s, offer.value(u"offer"_s) } })), u"ack");
        QCOMPARE(type(m_provider->call({ { u"type"_s, u"status"_s }, { u"deployment"_s, m_dep }, { u"generation"_s, 1 },
                     { u"state"_s, u"running"_s }, { u"exitCode"_s, 137 }, { u"oomKilled"_s, true } })),
            u"ack");
        // A lot of raw log: 600 lines over 30 distinct error templates, long lines included.
        for (int batch = 0; batch < 6; ++batch) {
            QStringList lines;
            for (int i = 0; i < 100; ++i)
                lines << u"ERROR kind%1 failure in handler %2 request %3 %4"_s.arg(i % 30).arg(batch).arg(i).arg(
                    QString(300, u'z'));
            QVERIFY(sendLines(lines));
        }
    }
    void cleanupTestCase()
    {
        m_provider.reset();
        m_fx.reset();
    }

    void promptIsCompactAndWithinBudget()
    {
        const QJsonObject s = summary();
        QCOMPARE(s.value(u"source"_s).toString(), u"llm");
        QCOMPARE(s.value(u"text"_s).toString(), m_chat.answer);
        QCOMPARE(s.value(u"cached"_s).toBool(), false);
        QVERIFY(!s.value(u"localText"_s).toString().isEmpty());
        QCOMPARE(m_chat.bodies.size(), 1);
        QCOMPARE(m_chat.authorizations.first(), "Bearer " + kKey.toUtf8());

        const QJsonObject body = m_chat.bodies.first();
        QCOMPARE(body.value(u"model"_s).toString(), u"tiny-test-model");
        QCOMPARE(body.value(u"max_tokens"_s).toInt(), kMaxTokens);
        const QJsonArray messages = body.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 2);
        QVERIFY(messages.at(0).toObject().value(u"content"_s).toString().contains(u"English"_s));
        qsizetype bytes = 0;
        for (const QJsonValue &m : messages)
            bytes += m.toObject().value(u"content"_s).toString().toUtf8().size();
        // Estimated tokens (bytes / 3) + the answer stay within the budget; far below the raw log.
        QVERIFY2(bytes / 3 + kMaxTokens <= kBudget, qPrintable(QString::number(bytes)));
        const QString user = messages.at(1).toObject().value(u"content"_s).toString();
        const QJsonObject facts = QJsonDocument::fromJson(user.toUtf8()).object();
        QVERIFY(!facts.isEmpty());
        QVERIFY(facts.value(u"findings"_s).toArray().size() >= 1);
        const QJsonArray templates = facts.value(u"errorTemplates"_s).toArray();
        QVERIFY(templates.size() >= 1 && templates.size() <= 5);
        int samples = 0;
        for (const QJsonValue &t : templates) {
            QVERIFY(t.toObject().value(u"template"_s).toString().size() <= 200);
            samples += int(t.toObject().value(u"samples"_s).toArray().size());
        }
        QVERIFY(samples <= 10);
        QVERIFY(user.count(u"ERROR kind"_s) <= 15); // templates + samples, not the 600 lines
        // The key never reaches the relay's log.
        QVERIFY(!m_fx->relay().log().contains(kKey.toUtf8()));
    }

    void cachedWhileNoNewLogs()
    {
        const QJsonObject s = summary();
        QCOMPARE(s.value(u"source"_s).toString(), u"llm");
        QCOMPARE(s.value(u"cached"_s).toBool(), true);
        QCOMPARE(m_chat.bodies.size(), 1);
        QTest::qWait(1600); // past the refresh interval: still no new logs, so still cached
        QCOMPARE(summary().value(u"cached"_s).toBool(), true);
        QCOMPARE(m_chat.bodies.size(), 1);
    }

    void refreshedAfterNewLogsAtMostOncePerInterval()
    {
        QVERIFY(sendLines({ u"ERROR fresh problem appeared"_s }));
        m_chat.answer = u"Second answer."_s;
        QJsonObject s = summary();
        QCOMPARE(s.value(u"text"_s).toString(), u"Second answer.");
        QCOMPARE(s.value(u"cached"_s).toBool(), false);
        QCOMPARE(m_chat.bodies.size(), 2);
        // More logs right away: within the interval the answer is reused.
        QVERIFY(sendLines({ u"ERROR fresh problem appeared"_s }));
        m_chat.answer = u"Third answer."_s;
        s = summary();
        QCOMPARE(s.value(u"text"_s).toString(), u"Second answer.");
        QCOMPARE(s.value(u"cached"_s).toBool(), true);
        QCOMPARE(m_chat.bodies.size(), 2);
        QTest::qWait(1600);
        s = summary();
        QCOMPARE(s.value(u"text"_s).toString(), u"Third answer.");
        QCOMPARE(m_chat.bodies.size(), 3);
    }

    void failuresFallBackAndAreNotCached_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("slow -> timeout") << int(FakeChatServer::Mode::Slow);
        QTest::newRow("HTTP 500") << int(FakeChatServer::Mode::Error500);
        QTest::newRow("malformed JSON") << int(FakeChatServer::Mode::Malformed);
    }
    void failuresFallBackAndAreNotCached()
    {
        QFETCH(int, mode);
        m_chat.mode = FakeChatServer::Mode(mode);
        QTest::qWait(1600); // past the refresh interval
        QVERIFY(sendLines({ u"ERROR yet another line"_s }));
        const qsizetype before = m_chat.bodies.size();
        QElapsedTimer timer;
        timer.start();
        QJsonObject s = summary(u"ko"_s);
        QVERIFY(timer.elapsed() < 8000);
        QCOMPARE(m_chat.bodies.size(), before + 1);
        QCOMPARE(s.value(u"source"_s).toString(), u"local");
        QVERIFY(s.value(u"note"_s).toString().contains(u"언어 모델"_s));
        QVERIFY(s.value(u"text"_s).toString().contains(u"요약"_s));
        // Not cached: the next request asks again (and recovers when the server does).
        m_chat.mode = FakeChatServer::Mode::Ok;
        m_chat.answer = u"복구된 답변."_s;
        s = summary(u"ko"_s);
        QCOMPARE(m_chat.bodies.size(), before + 2);
        QCOMPARE(s.value(u"source"_s).toString(), u"llm");
        QCOMPARE(s.value(u"text"_s).toString(), u"복구된 답변.");
        QVERIFY(m_chat.bodies.last()
                    .value(u"messages"_s)
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(u"content"_s)
                    .toString()
                    .contains(u"Korean"_s));
    }

    // While a summary waits on the model, later requests pipelined on the same connection wait
    // behind it (answers stay in order), and a client that leaves meanwhile harms nothing.
    void deferredRepliesKeepPipelineOrder()
    {
        m_chat.mode = FakeChatServer::Mode::Slow;
        QTest::qWait(1600);
        QVERIFY(sendLines({ u"ERROR pipelined line"_s }));
        const QByteArray path = "/v1/deployments/" + m_dep.toUtf8() + "/summary?window=30m&lang=en";
        const QByteArray auth = "Authorization: Bearer " + m_owner.token.toUtf8() + "\r\n";

        QTcpSocket leaver;
        leaver.connectToHost(QHostAddress::LocalHost, m_fx->relay().port());
        QVERIFY(leaver.waitForConnected(5000));
        leaver.write("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
        QVERIFY(leaver.waitForBytesWritten(5000));
        leaver.abort();

        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_fx->relay().port());
        QVERIFY(s.waitForConnected(5000));
        s.write("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + auth
            + "\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QByteArray all;
        QVERIFY(QTest::qWaitFor(
            [&] {
                all += s.readAll();
                return s.state() == QAbstractSocket::UnconnectedState || all.count("HTTP/1.1 200") == 2;
            },
            8000));
        all += s.readAll();
        const qsizetype summaryAt = all.indexOf("\"source\":\"local\"");
        const qsizetype healthAt = all.indexOf("\"status\":\"ok\"");
        QVERIFY2(summaryAt > 0 && healthAt > summaryAt, all.constData());
        m_chat.mode = FakeChatServer::Mode::Ok;
        QCOMPARE(m_fx->http().get(m_fx->relay().url(u"/healthz"_s)).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestLlm)
#include "tst_llm.moc"
