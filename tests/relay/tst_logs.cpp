// Log collection, metrics and local summaries. Against the running relay: container lines over
// the control socket (only from the provider the deployment is placed on), access rows through
// AccessLogStore::append() (what the ingress calls) on the same store, REST queries with ownership,
// paging, time range and text; retention by age and size; template ids across a relay restart; a
// scripted incident whose summary names the cause and the time. In process, on a fresh store:
// summary content for synthetic scenarios.
#include "accesslogstore.h"
#include "containerlogstore.h"
#include "logsummarizer.h"
#include "relayfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::relay;

namespace {

QString type(const QJsonObject &o)
{
    return o.value(u"type"_s).toString();
}

QString hhmm(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(u"HH:mm"_s);
}

QJsonObject logsMessage(
    const QString &dep, const QStringList &lines, qint64 at = 0, const QString &stream = u"stdout"_s)
{
    QJsonArray items;
    for (const QString &l : lines) {
        QJsonObject o { { u"line"_s, l }, { u"stream"_s, stream } };
        if (at > 0)
            o.insert(u"t"_s, at);
        items.append(o);
    }
    return { { u"type"_s, u"logs"_s }, { u"deployment"_s, dep }, { u"lines"_s, items } };
}

AccessLogRow accessRow(const QString &dep, qint64 at, int status, int latencyMs, const QString &path = u"/api/items"_s)
{
    AccessLogRow r;
    r.at = at;
    r.deploymentId = dep;
    r.method = u"GET"_s;
    r.path = path;
    r.status = status;
    r.latencyMs = latencyMs;
    r.bytesIn = 100;
    r.bytesOut = 1000;
    r.client = u"203.0.113.7"_s;
    return r;
}

struct Placed
{
    QString deployment;
    TestProvider key;
    std::unique_ptr<WsClient> provider;
};

} // namespace

class TestLogs : public QObject
{
    Q_OBJECT

private:
    // Deploys and lets a fresh provider accept it and report it running.
    Placed place(RelayFixture &fx, const TestUser &owner, const QString &name, qint64 memoryMb = 256)
    {
        Placed p;
        const QString project = fx.createProject(owner, name);
        p.deployment = fx.deploy(owner, project, name, 500, memoryMb).value(u"id"_s).toString();
        p.key = fx.addProvider(owner, name + u"-box"_s);
        p.provider = fx.connectProvider(p.key);
        if (!p.provider)
            return p;
        const QJsonObject offer = p.provider->waitFor([&](const QJsonObject &o) {
            return type(o) == u"offer" && o.value(u"deployment"_s).toObject().value(u"id"_s).toString() == p.deployment;
        });
        if (type(p.provider->call({ { u"type"_s, u"accept"_s }, { u"offer"_s, offer.value(u"offer"_s) } })) != u"ack")
            p.provider.reset();
        else if (type(p.provider->call({ { u"type"_s, u"status"_s }, { u"deployment"_s, p.deployment },
                     { u"generation"_s, 1 }, { u"state"_s, u"running"_s } }))
            != u"ack")
            p.provider.reset();
        return p;
    }

    static std::unique_ptr<Database> openStore(RelayFixture &fx)
    {
        auto db = Database::open(fx.db().url());
        return db ? std::move(*db) : nullptr;
    }

private Q_SLOTS:
    void containerLogsOverControl()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const TestUser owner = fx.signUp(u"logs-owner@example.com"_s);
        const TestUser stranger = fx.signUp(u"logs-stranger@example.com"_s);
        Placed p = place(fx, owner, u"web"_s);
        QVERIFY(p.provider);

        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 60000;
        QStringList lines;
        for (int i = 0; i < 10; ++i)
            lines << u"request %1 served in %2ms"_s.arg(i).arg(10 + i);
        QJsonObject ack = p.provider->call(logsMessage(p.deployment, lines, t0));
        QCOMPARE(type(ack), u"ack");
        QCOMPARE(ack.value(u"stored"_s).toInt(), 10);
        QCOMPARE(type(p.provider->call(
                     logsMessage(p.deployment, { u"ERROR database unreachable"_s }, t0 + 1000, u"stderr"_s))),
            u"ack");

        // Bad input: no lines, a bad stream, too many lines, another provider's deployment.
        QCOMPARE(type(p.provider->call(
                     { { u"type"_s, u"logs"_s }, { u"deployment"_s, p.deployment }, { u"lines"_s, QJsonArray() } })),
            u"error");
        QCOMPARE(type(p.provider->call(logsMessage(p.deployment, { u"x"_s }, 0, u"stdin"_s))), u"error");
        QStringList many;
        for (int i = 0; i < 1001; ++i)
            many << u"x"_s;
        QCOMPARE(type(p.provider->call(logsMessage(p.deployment, many))), u"error");
        const TestProvider other = fx.addProvider(stranger, u"other-box"_s);
        auto otherWs = fx.connectProvider(other);
        QVERIFY(otherWs);
        const QJsonObject foreign = otherWs->call(logsMessage(p.deployment, { u"forged line"_s }));
        QCOMPARE(type(foreign), u"error");
        QCOMPARE(foreign.value(u"code"_s).toString(), u"not-found");

        const QUrl base = fx.relay().url(u"/v1/deployments/"_s + p.deployment + u"/logs"_s);
        HttpResult all = fx.http().get(base, owner.token);
        QCOMPARE(all.status, 200);
        QJsonArray items = all.json.value(u"items"_s).toArray();
        QCOMPARE(items.size(), 11);
        QCOMPARE(items.first().toObject().value(u"line"_s).toString(), u"ERROR database unreachable"); // newest first
        QCOMPARE(items.first().toObject().value(u"stream"_s).toString(), u"stderr");
        // One template for the ten request lines.
        QCOMPARE(items.at(1).toObject().value(u"templateId"_s), items.at(10).toObject().value(u"templateId"_s));

        // Paging with a cursor.
        QUrl page = base;
        page.setQuery(u"limit=4"_s);
        HttpResult first = fx.http().get(page, owner.token);
        QCOMPARE(first.json.value(u"items"_s).toArray().size(), 4);
        const qint64 next = first.json.value(u"nextBefore"_s).toInteger();
        QVERIFY(next > 0);
        page.setQuery(u"limit=4&before="_s + QString::number(next));
        HttpResult second = fx.http().get(page, owner.token);
        QCOMPARE(second.json.value(u"items"_s).toArray().size(), 4);
        QVERIFY(second.json.value(u"items"_s).toArray().first().toObject().value(u"id"_s).toInteger() < next);

        // Text (case-insensitive, wildcards literal) and time range.
        page.setQuery(u"q=DATABASE"_s);
        QCOMPARE(fx.http().get(page, owner.token).json.value(u"items"_s).toArray().size(), 1);
        page.setQuery(u"q=%25"_s);
        QCOMPARE(fx.http().get(page, owner.token).json.value(u"items"_s).toArray().size(), 0);
        page.setQuery(u"from=%1&to=%2"_s.arg(t0 + 500).arg(t0 + 2000));
        QCOMPARE(fx.http().get(page, owner.token).json.value(u"items"_s).toArray().size(), 1);
        page.setQuery(u"limit=0"_s);
        QCOMPARE(fx.http().get(page, owner.token).status, 400);
        page.setQuery(u"kind=secret"_s);
        QCOMPARE(fx.http().get(page, owner.token).status, 400);

        // Another user's deployment is 404 on every log route.
        for (const QString &sub : { u"logs"_s, u"metrics"_s, u"summary"_s })
            QCOMPARE(
                fx.http().get(fx.relay().url(u"/v1/deployments/"_s + p.deployment + u'/' + sub), stranger.token).status,
                404);
    }

    void accessLogsAndMetricBuckets()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const TestUser owner = fx.signUp(u"metrics-owner@example.com"_s);
        const QString project = fx.createProject(owner, u"shop"_s);
        const QString dep = fx.deploy(owner, project, u"shop"_s).value(u"id"_s).toString();
        auto db = openStore(fx);
        QVERIFY(db);
        AccessLogStore store(*db, {});
        const qint64 minute = (QDateTime::currentMSecsSinceEpoch() / 60000 - 5) * 60000;
        QList<AccessLogRow> rows;
        for (int i = 1; i <= 100; ++i) // minute 1: latencies 1..100 ms, 10 of them 5xx
            rows << accessRow(dep, minute + i, i % 10 == 0 ? 502 : 200, i);
        for (int i = 0; i < 5; ++i)
            rows << accessRow(dep, minute + 60000 + i, 404, 7, u"/missing"_s);
        QCOMPARE(*store.append(rows), 105);

        QUrl url = fx.relay().url(u"/v1/deployments/"_s + dep + u"/metrics"_s);
        url.setQuery(u"from=%1&to=%2"_s.arg(minute).arg(minute + 120000));
        const HttpResult m = fx.http().get(url, owner.token);
        QCOMPARE(m.status, 200);
        const QJsonArray buckets = m.json.value(u"buckets"_s).toArray();
        QCOMPARE(buckets.size(), 2);
        const QJsonObject b0 = buckets.at(0).toObject();
        QCOMPARE(b0.value(u"t"_s).toInteger(), minute);
        QCOMPARE(b0.value(u"requests"_s).toInt(), 100);
        QCOMPARE(b0.value(u"status"_s).toObject().value(u"5xx"_s).toInt(), 10);
        QCOMPARE(b0.value(u"status"_s).toObject().value(u"2xx"_s).toInt(), 90);
        QCOMPARE(b0.value(u"latencyMs"_s).toObject().value(u"p50"_s).toInt(), 50);
        QCOMPARE(b0.value(u"latencyMs"_s).toObject().value(u"p95"_s).toInt(), 95);
        QCOMPARE(b0.value(u"latencyMs"_s).toObject().value(u"p99"_s).toInt(), 99);
        QCOMPARE(b0.value(u"bytesOut"_s).toInteger(), 100000);
        QCOMPARE(buckets.at(1).toObject().value(u"status"_s).toObject().value(u"4xx"_s).toInt(), 5);
        url.setQuery(u"from=0&to=%1"_s.arg(minute)); // more than 24 h
        QCOMPARE(fx.http().get(url, owner.token).status, 400);

        QUrl logs = fx.relay().url(u"/v1/deployments/"_s + dep + u"/logs"_s);
        logs.setQuery(u"kind=access&q=missing"_s);
        const HttpResult l = fx.http().get(logs, owner.token);
        QCOMPARE(l.status, 200);
        QCOMPARE(l.json.value(u"items"_s).toArray().size(), 5);
        QCOMPARE(l.json.value(u"items"_s).toArray().first().toObject().value(u"status"_s).toInt(), 404);
        QCOMPARE(l.json.value(u"items"_s).toArray().first().toObject().value(u"client"_s).toString(), u"203.0.113.7");
    }

    void retentionByAgeAndSize()
    {
        RelayFixture fx({ u"--log-max-bytes"_s, u"4096"_s, u"--log-retention-ms"_s, u"3600000"_s });
        REQUIRE_RELAY(fx);
        const TestUser owner = fx.signUp(u"retention@example.com"_s);
        Placed p = place(fx, owner, u"chatty"_s);
        QVERIFY(p.provider);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // Too old already: dropped by the age limit.
        QCOMPARE(type(p.provider->call(logsMessage(p.deployment, { u"ancient line"_s }, now - 2 * 3600000))), u"ack");
        for (int batch = 0; batch < 5; ++batch) {
            QStringList lines;
            for (int i = 0; i < 20; ++i)
                lines << u"batch %1 line %2 %3"_s.arg(batch).arg(i).arg(QString(50, u'x'));
            QCOMPARE(type(p.provider->call(logsMessage(p.deployment, lines))), u"ack");
        }
        QUrl url = fx.relay().url(u"/v1/deployments/"_s + p.deployment + u"/logs"_s);
        url.setQuery(u"limit=1000"_s);
        const QJsonArray items = fx.http().get(url, owner.token).json.value(u"items"_s).toArray();
        // Each line counts its UTF-8 bytes + 32; the newest that fit under 4096 are kept.
        qint64 bytes = 0;
        for (const QJsonValue &v : items)
            bytes += 32 + v.toObject().value(u"line"_s).toString().toUtf8().size();
        QVERIFY2(bytes <= 4096 && bytes > 4096 - 110, qPrintable(QString::number(bytes)));
        QCOMPARE(items.first().toObject().value(u"line"_s).toString().left(17), u"batch 4 line 19 x");
        for (const QJsonValue &v : items)
            QVERIFY(!v.toObject().value(u"line"_s).toString().contains(u"ancient"_s));

        // The same limits on the access log, through the ingestion API.
        auto db = openStore(fx);
        QVERIFY(db);
        AccessLogStore store(*db, { 3600000, 4096 });
        QList<AccessLogRow> rows { accessRow(p.deployment, now - 2 * 3600000, 200, 1, u"/old"_s) };
        for (int i = 0; i < 100; ++i)
            rows << accessRow(p.deployment, now - 1000 + i, 200, 1, u"/page/"_s + QString::number(i));
        QVERIFY(store.append(rows));
        auto kept = store.rows(p.deployment, 0, now + 1000);
        QVERIFY(kept);
        QVERIFY2(kept->size() > 10 && kept->size() < 100, qPrintable(QString::number(kept->size())));
        QCOMPARE(kept->constLast().path, u"/page/99");
        QVERIFY(kept->constFirst().path != u"/old");
    }

    void templatesSurviveRestart()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const TestUser owner = fx.signUp(u"restart@example.com"_s);
        Placed p = place(fx, owner, u"durable"_s);
        QVERIFY(p.provider);
        QCOMPARE(type(p.provider->call(logsMessage(p.deployment,
                     { u"user 17 logged in from 10.0.0.1"_s, u"cache warmed in 120ms"_s,
                         u"user 42 logged in from 10.0.0.2"_s }))),
            u"ack");
        const QUrl url = fx.relay().url(u"/v1/deployments/"_s + p.deployment + u"/logs"_s);
        const QJsonArray before = fx.http().get(url, owner.token).json.value(u"items"_s).toArray();
        QCOMPARE(before.size(), 3);
        const qint64 loginTemplate = before.at(0).toObject().value(u"templateId"_s).toInteger();
        const qint64 cacheTemplate = before.at(1).toObject().value(u"templateId"_s).toInteger();
        QVERIFY(loginTemplate > 0 && cacheTemplate > 0 && loginTemplate != cacheTemplate);

        p.provider.reset();
        QVERIFY(fx.relay().terminate());
        QVERIFY(fx.restart());
        // The same provider comes back and says it still runs the deployment.
        p.provider = fx.connectProvider(p.key, {},
            QJsonArray { QJsonObject {
                { u"deployment"_s, p.deployment }, { u"generation"_s, 1 }, { u"state"_s, u"running"_s } } });
        QVERIFY(p.provider);
        QCOMPARE(type(p.provider->call(logsMessage(
                     p.deployment, { u"user 99 logged in from 10.0.0.9"_s, u"disk full on volume data"_s }))),
            u"ack");
        const QUrl urlAfter = fx.relay().url(u"/v1/deployments/"_s + p.deployment + u"/logs"_s); // a new port
        const QJsonArray after = fx.http().get(urlAfter, owner.token).json.value(u"items"_s).toArray();
        QCOMPARE(after.size(), 5);
        QCOMPARE(after.at(1).toObject().value(u"templateId"_s).toInteger(), loginTemplate);
        QVERIFY(after.at(0).toObject().value(u"templateId"_s).toInteger() > std::max(loginTemplate, cacheTemplate));
    }

    // The must-show scenario: normal traffic, then the container is OOM-killed (exit 137) and
    // restarts, and every request since answers 502. The summary names the cause and the time.
    void incidentSummaryNamesCauseAndTime()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const TestUser owner = fx.signUp(u"incident@example.com"_s);
        Placed p = place(fx, owner, u"api"_s, 256);
        QVERIFY(p.provider);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 crash = now - 10 * 60000;

        auto db = openStore(fx);
        QVERIFY(db);
        AccessLogStore ingress(*db, {});
        QList<AccessLogRow> rows;
        for (qint64 t = now - 55 * 60000; t < crash; t += 5000) // healthy: the previous window and 20 min of this one
            rows << accessRow(p.deployment, t, 200, 20 + int(t / 5000 % 10));
        for (qint64 t = crash + 2000; t < now - 1000; t += 5000)
            rows << accessRow(p.deployment, t, 502, 3, u"/api/orders"_s);
        QVERIFY(ingress.append(rows));

        QCOMPARE(type(p.provider->call(logsMessage(p.deployment,
                     { u"GET /api/orders 200 in 21ms"_s, u"GET /api/orders 200 in 25ms"_s }, now - 40 * 60000))),
            u"ack");
        QCOMPARE(type(p.provider->call(logsMessage(p.deployment,
                     { u"FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"_s },
                     crash - 1000, u"stderr"_s))),
            u"ack");
        // The provider reports the restart: running again after exit 137, OOM-killed.
        QCOMPARE(type(p.provider->call({ { u"type"_s, u"status"_s }, { u"deployment"_s, p.deployment },
                     { u"generation"_s, 1 }, { u"state"_s, u"running"_s }, { u"exitCode"_s, 137 },
                     { u"oomKilled"_s, true }, { u"at"_s, crash }, { u"detail"_s, u"restarted by the provider"_s } })),
            u"ack");
        QStringList refused;
        for (int i = 0; i < 12; ++i)
            refused << u"upstream connect error: connect ECONNREFUSED 127.0.0.1:%1"_s.arg(3000 + i % 2);
        QCOMPARE(type(p.provider->call(logsMessage(p.deployment, refused, crash + 3000, u"stderr"_s))), u"ack");

        QUrl url = fx.relay().url(u"/v1/deployments/"_s + p.deployment + u"/summary"_s);
        url.setQuery(u"window=30m&lang=en"_s);
        const HttpResult en = fx.http().get(url, owner.token);
        QCOMPARE(en.status, 200);
        const QJsonObject summary = en.json.value(u"summary"_s).toObject();
        const QJsonObject firstHint = summary.value(u"hints"_s).toArray().first().toObject();
        QCOMPARE(firstHint.value(u"code"_s).toString(), u"oom-restart-errors");
        QCOMPARE(firstHint.value(u"at"_s).toInteger(), crash);
        const QString hint = firstHint.value(u"text"_s).toString();
        QVERIFY2(hint.contains(u"502"_s) && hint.contains(hhmm(crash)) && hint.contains(u"exit code 137"_s)
                && hint.contains(u"memory limit 256 MB reached"_s),
            qPrintable(hint));
        QVERIFY(en.json.value(u"text"_s).toString().contains(hint));
        const QJsonObject traffic = summary.value(u"traffic"_s).toObject();
        QVERIFY(traffic.value(u"errorRate"_s).toDouble() > 20);
        QCOMPARE(traffic.value(u"previous"_s).toObject().value(u"errors5xx"_s).toInt(), 0);
        QCOMPARE(summary.value(u"statusCodes"_s).toArray().first().toObject().value(u"status"_s).toInt(), 502);
        QCOMPARE(
            summary.value(u"failingPaths"_s).toArray().first().toObject().value(u"path"_s).toString(), u"/api/orders");
        QCOMPARE(summary.value(u"container"_s).toObject().value(u"oomKills"_s).toInt(), 1);
        const QJsonArray novel = summary.value(u"errorTemplates"_s).toObject().value(u"byNovelty"_s).toArray();
        QVERIFY(!novel.isEmpty());
        QVERIFY(novel.first().toObject().value(u"template"_s).toString().contains(u"ECONNREFUSED"_s));
        QVERIFY(novel.first().toObject().value(u"new"_s).toBool());
        QCOMPARE(novel.first().toObject().value(u"count"_s).toInt(), 12);

        // Korean, chosen by Accept-Language.
        url.setQuery(u"window=30m"_s);
        QNetworkAccessManager nam;
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + owner.token.toUtf8());
        req.setRawHeader("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.8");
        QNetworkReply *reply = nam.get(req);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        const QJsonObject ko = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        QCOMPARE(ko.value(u"language"_s).toString(), u"ko");
        QVERIFY2(ko.value(u"text"_s).toString().contains(u"메모리 한도 256 MB"_s),
            qPrintable(ko.value(u"text"_s).toString()));

        url.setQuery(u"window=forever"_s);
        QCOMPARE(fx.http().get(url, owner.token).status, 400);

        // The CLI prints the same summary.
        const QString cli = qEnvironmentVariable("TTALKAK_CLI_BIN");
        if (!cli.isEmpty()) {
            QProcess proc;
            proc.start(cli,
                { u"summary"_s, p.deployment, u"--relay"_s, fx.relay().url({}).toString(), u"--token"_s, owner.token,
                    u"--window"_s, u"30m"_s, u"--lang"_s, u"en"_s });
            QVERIFY(proc.waitForFinished(20000));
            const QString out = QString::fromUtf8(proc.readAllStandardOutput());
            QCOMPARE(proc.exitCode(), 0);
            QVERIFY2(out.contains(hint), qPrintable(out + QString::fromUtf8(proc.readAllStandardError())));
            proc.start(cli,
                { u"summary"_s, p.deployment, u"--relay"_s, fx.relay().url({}).toString(), u"--token"_s, owner.token,
                    u"--window"_s, u"30m"_s, u"--json"_s });
            QVERIFY(proc.waitForFinished(20000));
            QCOMPARE(proc.exitCode(), 0);
            const QJsonObject json = QJsonDocument::fromJson(proc.readAllStandardOutput()).object();
            QCOMPARE(json.value(u"summary"_s)
                         .toObject()
                         .value(u"hints"_s)
                         .toArray()
                         .first()
                         .toObject()
                         .value(u"code"_s)
                         .toString(),
                u"oom-restart-errors");
            proc.start(cli,
                { u"summary"_s, u"dep_missing"_s, u"--relay"_s, fx.relay().url({}).toString(), u"--token"_s,
                    owner.token });
            QVERIFY(proc.waitForFinished(20000));
            QVERIFY(proc.exitCode() != 0);
        }
    }

    // Synthetic scenarios on a fresh store, in process.
    void summaryScenarios_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("expectedHint");
        QTest::newRow("error spike") << u"spike"_s << u"error-spike"_s;
        QTest::newRow("new error template") << u"new"_s << u"new-error"_s;
        QTest::newRow("latency regression") << u"latency"_s << u"latency-regression"_s;
        QTest::newRow("OOM restarts") << u"oom"_s << u"oom-kills"_s;
        QTest::newRow("5xx without a restart") << u"5xx"_s << u"server-errors"_s;
        QTest::newRow("quiet") << u"quiet"_s << QString();
    }
    void summaryScenarios()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, expectedHint);
        TestDatabase tdb;
        REQUIRE_TEST_DATABASE(tdb);
        auto opened = Database::open(tdb.url());
        QVERIFY(opened);
        Database &db = **opened;
        QVERIFY(db.migrate());
        AccessLogStore access(db, {});
        ContainerLogStore containers(db, {});
        LogSummarizer summarizer(access, containers);
        Deployment d;
        d.id = u"dep_test"_s;
        d.name = u"svc"_s;
        d.resources.memoryMb = 512;
        const qint64 to = QDateTime::currentMSecsSinceEpoch();
        const qint64 from = to - 3600000;
        const qint64 prevFrom = from - 3600000;

        QList<AccessLogRow> rows;
        const bool slow = scenario == u"latency";
        for (qint64 t = prevFrom; t < to; t += 30000) {
            const int latency = (slow && t >= from) ? 300 + int(t / 30000 % 50) : 20 + int(t / 30000 % 10);
            const bool failing = scenario == u"5xx" && t >= from + 1800000;
            rows << accessRow(d.id, t, failing ? 503 : 200, latency);
        }
        QVERIFY(access.append(rows));
        auto lines = [&](const QStringList &text, qint64 at) {
            QList<ContainerLogLine> l;
            for (const QString &s : text)
                l.append({ 0, at, u"stderr"_s, s, 0 });
            return containers.append(d.id, l).hasValue();
        };
        QVERIFY(lines({ u"server listening on port 3000"_s }, prevFrom + 1000));
        if (scenario == u"spike") {
            QVERIFY(lines({ u"ERROR timeout talking to redis after 5000ms"_s }, prevFrom + 2000));
            QStringList burst;
            for (int i = 0; i < 20; ++i)
                burst << u"ERROR timeout talking to redis after %1ms"_s.arg(5000 + i);
            QVERIFY(lines(burst, from + 60000));
        } else if (scenario == u"new") {
            QVERIFY(lines({ u"Unhandled exception in worker 3: KeyError 'user'"_s,
                              u"Unhandled exception in worker 5: KeyError 'user'"_s },
                from + 120000));
        } else if (scenario == u"oom") {
            QVERIFY(containers.recordEvent(d.id, { from + 60000, u"restart"_s, 137, true, {} }));
            QVERIFY(containers.recordEvent(d.id, { from + 900000, u"restart"_s, 137, true, {} }));
        }

        auto s = summarizer.summarize(d, from, to, u"en"_s);
        QVERIFY(s);
        const QJsonArray hints = s->value(u"hints"_s).toArray();
        const QString text = s->value(u"text"_s).toString();
        if (expectedHint.isEmpty()) {
            QVERIFY2(hints.isEmpty(), qPrintable(text));
            QVERIFY(text.contains(u"No problems found"_s));
            return;
        }
        QStringList codes;
        for (const QJsonValue &h : hints)
            codes << h.toObject().value(u"code"_s).toString();
        QVERIFY2(codes.contains(expectedHint), qPrintable(text));
        if (scenario == u"spike") {
            const QJsonObject top
                = s->value(u"errorTemplates"_s).toObject().value(u"byNovelty"_s).toArray().first().toObject();
            QVERIFY(top.value(u"spike"_s).toBool());
            QCOMPARE(top.value(u"count"_s).toInt(), 20);
            QCOMPARE(top.value(u"previousCount"_s).toInt(), 1);
        } else if (scenario == u"latency") {
            const QJsonObject traffic = s->value(u"traffic"_s).toObject();
            QVERIFY(traffic.value(u"latencyMs"_s).toObject().value(u"p95"_s).toInt() >= 300);
            QVERIFY(traffic.value(u"change"_s).toObject().value(u"p95Ms"_s).toInt() > 250);
        } else if (scenario == u"oom") {
            QCOMPARE(s->value(u"container"_s).toObject().value(u"oomKills"_s).toInt(), 2);
            QVERIFY(text.contains(u"512 MB"_s));
        } else if (scenario == u"5xx") {
            QVERIFY(text.contains(u"503"_s));
        }
        // The info line is never an error template.
        for (const QJsonValue &t : s->value(u"errorTemplates"_s).toObject().value(u"byCount"_s).toArray())
            QVERIFY(!t.toObject().value(u"template"_s).toString().contains(u"listening"_s));
    }
};

QTEST_GUILESS_MAIN(TestLogs)
#include "tst_logs.moc"
