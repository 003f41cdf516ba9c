// RelayClient and RelaySubscription against the real relay process.
#include <client/deployspecbuilder.h>
#include <client/relayclient.h>
#include <client/relaysubscription.h>

#include "relayfixture.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ttalkak;
using namespace ttalkak::client;

namespace {

// Waits (bounded) for the job's one result.
core::Result<QJsonObject> wait(RelayJob *job, int *status = nullptr, QString *code = nullptr)
{
    std::optional<core::Result<QJsonObject>> result;
    QObject::connect(job, &RelayJob::result, job, [&, job](const core::Result<QJsonObject> &r) {
        result = r;
        if (status)
            *status = job->httpStatus();
        if (code)
            *code = job->relayCode();
    });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return core::Error(core::ErrorCode::Timeout, u"no result"_s);
    return *result;
}

QJsonObject gitSpec()
{
    strategies::Plan plan;
    plan.port = 8080;
    strategies::Generated files;
    files.dockerfile = u"FROM scratch\n"_s;
    DeploySpecBuilder b(plan, files);
    b.setSource(SourceRef::fromGit(u"https://example.com/app.git"_s, u"main"_s));
    auto spec = b.build();
    return spec ? *spec : QJsonObject();
}

} // namespace

class TestRelayClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accountsAndErrors()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        RelayClient relay(fx.relay().url(u"/"_s));
        auto up = wait(relay.signUp(u"ann@example.com"_s, u"correct horse"_s));
        QVERIFY2(up, up ? "" : qPrintable(up.error().toString()));
        QVERIFY(up->value(u"token"_s).toString().startsWith(u"ttk_u_"_s));

        int status = 0;
        QString code;
        auto again = wait(relay.signUp(u"ann@example.com"_s, u"correct horse"_s), &status, &code);
        QVERIFY(!again);
        QCOMPARE(status, 409);
        QCOMPARE(code, u"conflict"_s);

        auto wrong = wait(relay.signIn(u"ann@example.com"_s, u"wrong password"_s), &status);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code(), core::ErrorCode::PermissionDenied);
        QCOMPARE(wrong.error().message(), u"wrong e-mail or password"_s); // the relay's own message

        auto in = wait(relay.signIn(u"ann@example.com"_s, u"correct horse"_s, u"test"_s));
        QVERIFY(in);
        relay.setToken(in->value(u"token"_s).toString());
        auto me = wait(relay.me());
        QVERIFY(me);
        QCOMPARE(me->value(u"id"_s).toString(), up->value(u"user"_s).toObject().value(u"id"_s).toString());

        relay.setToken(u"ttk_u_not-a-token"_s);
        auto refused = wait(relay.me(), &status);
        QCOMPARE(status, 401);
        QCOMPARE(refused.error().code(), core::ErrorCode::PermissionDenied);

        RelayClient nowhere(QUrl(u"http://127.0.0.1:1"_s), u"x"_s);
        auto down = wait(nowhere.me(), &status);
        QCOMPARE(status, 0);
        QCOMPARE(down.error().code(), core::ErrorCode::Unavailable);
    }

    void projectsAndDeployments()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const TestUser user = fx.signUp(u"bob@example.com"_s);
        RelayClient relay(fx.relay().url({}), user.token);
        for (int i = 0; i < 5; ++i)
            QVERIFY(wait(relay.createProject(u"web-%1"_s.arg(i))));
        QVERIFY(wait(relay.createProject(u"api+x"_s.replace(u'+', u'-'))));
        PageQuery page;
        page.pageSize = 2;
        page.search = u"WEB"_s;
        auto first = wait(relay.listProjects(page));
        QVERIFY(first);
        QCOMPARE(first->value(u"total"_s).toInt(), 5);
        QCOMPARE(first->value(u"items"_s).toArray().size(), 2);
        page.page = 3;
        auto last = wait(relay.listProjects(page));
        QVERIFY(last);
        QCOMPARE(last->value(u"items"_s).toArray().size(), 1);

        const QString projectId = first->value(u"items"_s).toArray().first().toObject().value(u"id"_s).toString();
        DeploymentRequest request;
        request.projectId = projectId;
        request.name = u"web"_s;
        request.spec = gitSpec();
        request.sourceToken = u"ghp_secret"_s;
        auto created = wait(relay.createDeployment(request));
        QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
        const QString id = created->value(u"id"_s).toString();
        QCOMPARE(created->value(u"state"_s).toString(), u"queued"_s);
        QVERIFY(!QJsonDocument(*created).toJson().contains("ghp_secret"));

        auto got = wait(relay.deployment(id));
        QVERIFY(got);
        QCOMPARE(got->value(u"spec"_s).toObject().value(u"port"_s).toInt(), 8080);
        auto listed = wait(relay.listDeployments({}, projectId));
        QVERIFY(listed);
        QCOMPARE(listed->value(u"total"_s).toInt(), 1);
        auto stop = wait(relay.command(id, DeploymentCommand::Stop));
        QVERIFY2(stop, stop ? "" : qPrintable(stop.error().toString()));
        QCOMPARE(stop->value(u"desired"_s).toString(), u"stopped"_s);

        auto missing = wait(relay.deployment(u"dep-nope"_s));
        QCOMPARE(missing.error().code(), core::ErrorCode::NotFound);
        const TestUser other = fx.signUp(u"eve@example.com"_s);
        RelayClient eve(fx.relay().url({}), other.token);
        QCOMPARE(wait(eve.deployment(id)).error().code(), core::ErrorCode::NotFound); // another user's is 404

        DatabaseRequest db;
        db.name = u"pg"_s;
        db.engine = u"postgres"_s;
        auto database = wait(relay.createDatabase(db));
        QVERIFY2(database, database ? "" : qPrintable(database.error().toString()));
        QVERIFY(wait(relay.database(database->value(u"id"_s).toString())));
        auto databases = wait(relay.listDatabases());
        QVERIFY(databases);
        QCOMPARE(databases->value(u"total"_s).toInt(), 1);
        QVERIFY(wait(relay.deleteDatabase(database->value(u"id"_s).toString())));
        auto metrics = wait(relay.metrics(id));
        QVERIFY2(metrics, metrics ? "" : qPrintable(metrics.error().toString()));
        QVERIFY(metrics->contains(u"buckets"_s));
        auto earnings = wait(relay.earnings());
        QVERIFY2(earnings, earnings ? "" : qPrintable(earnings.error().toString()));
        QVERIFY(earnings->contains(u"deployer"_s));
        auto deleted = wait(relay.deleteDeployment(id));
        QVERIFY2(deleted, deleted ? "" : qPrintable(deleted.error().toString()));
    }

    void logsPagingAndLiveStatus()
    {
        // A fixed port, so the restarted relay comes back where the subscription looks for it
        // (the relay takes the last --listen).
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        RelayFixture fx({u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)});
        REQUIRE_RELAY(fx);
        QCOMPARE(fx.relay().port(), port);
        const TestUser user = fx.signUp(u"cy@example.com"_s);
        RelayClient relay(fx.relay().url({}), user.token);
        const QString project = fx.createProject(user, u"app"_s);
        DeploymentRequest request;
        request.projectId = project;
        request.name = u"app"_s;
        request.spec = gitSpec();
        auto created = wait(relay.createDeployment(request));
        QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
        const QString id = created->value(u"id"_s).toString();
        QVERIFY(!id.isEmpty());

        RelaySubscription live(relay.webSocketUrl(), user.token);
        live.setBackoff(50, 200);
        QSignalSpy subscribed(&live, &RelaySubscription::subscribed);
        QSignalSpy statuses(&live, &RelaySubscription::status);
        QSignalSpy buildLines(&live, &RelaySubscription::buildLog);
        QSignalSpy logLines(&live, &RelaySubscription::log);
        live.subscribe(id);
        live.open();
        QVERIFY(subscribed.wait(5000));
        QCOMPARE(subscribed.first().at(1).toJsonObject().value(u"state"_s).toString(), u"queued"_s);

        const TestProvider key = fx.addProvider(user, u"box"_s);
        auto provider = fx.connectProvider(key);
        QVERIFY(provider);
        const QJsonObject offer = provider->waitForType(u"offer"_s);
        QCOMPARE(provider->call({{u"type"_s, u"accept"_s}, {u"offer"_s, offer.value(u"offer"_s)}}).value(u"type"_s).toString(), u"ack"_s);
        provider->call({{u"type"_s, u"status"_s}, {u"deployment"_s, id}, {u"generation"_s, 1}, {u"state"_s, u"building"_s}});
        provider->call({{u"type"_s, u"build-progress"_s}, {u"deployment"_s, id}, {u"line"_s, u"Step 1/3"_s}});
        provider->call({{u"type"_s, u"status"_s}, {u"deployment"_s, id}, {u"generation"_s, 1}, {u"state"_s, u"running"_s}, {u"port"_s, 8080}});
        QVERIFY(QTest::qWaitFor([&] {
            return !statuses.isEmpty() && statuses.last().at(1).toJsonObject().value(u"state"_s).toString() == u"running";
        }, 5000));
        QVERIFY(buildLines.count() >= 1);
        QCOMPARE(buildLines.first().at(1).toString(), u"Step 1/3"_s);

        QJsonArray lines;
        for (int i = 0; i < 25; ++i)
            lines.append(QJsonObject{{u"line"_s, u"request %1 served"_s.arg(i)}, {u"stream"_s, u"stdout"_s}});
        QCOMPARE(provider->call({{u"type"_s, u"logs"_s}, {u"deployment"_s, id}, {u"lines"_s, lines}}).value(u"type"_s).toString(), u"ack"_s);
        QVERIFY(logLines.wait(5000) || !logLines.isEmpty());

        // Paging with `before`: 10 + 10 + 5, newest first, no overlap.
        LogQuery q;
        q.limit = 10;
        QStringList seen;
        for (int pageNo = 0; pageNo < 3; ++pageNo) {
            auto page = wait(relay.logs(id, q));
            QVERIFY2(page, page ? "" : qPrintable(page.error().toString()));
            for (const QJsonValue &v : page->value(u"items"_s).toArray())
                seen.append(v.toObject().value(u"line"_s).toString());
            const QJsonValue next = page->value(u"nextBefore"_s);
            if (pageNo < 2)
                QVERIFY(!next.isNull());
            q.before = next.toInteger();
        }
        QCOMPARE(seen.size(), 25);
        QCOMPARE(seen.first(), u"request 24 served"_s);
        QCOMPARE(seen.last(), u"request 0 served"_s);

        LogQuery search;
        search.search = u"request 1"_s; // 1, 10-19
        auto found = wait(relay.logs(id, search));
        QVERIFY(found);
        QCOMPARE(found->value(u"items"_s).toArray().size(), 11);
        LogQuery access;
        access.kind = LogKind::Access;
        auto accessPage = wait(relay.logs(id, access));
        QVERIFY(accessPage);
        QCOMPARE(accessPage->value(u"kind"_s).toString(), u"access"_s);

        // A relay restart: the subscription comes back by itself and re-subscribes.
        QSignalSpy reconnected(&live, &RelaySubscription::connected);
        subscribed.clear();
        QVERIFY(fx.relay().terminate());
        QVERIFY(fx.restart());
        QVERIFY(subscribed.wait(15000));
        QCOMPARE(subscribed.first().at(0).toString(), id);
    }

    void subscriptionRefusesBadToken()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        RelayClient relay(fx.relay().url({}));
        RelaySubscription live(relay.webSocketUrl(), u"ttk_u_bogus"_s);
        QSignalSpy failed(&live, &RelaySubscription::failed);
        live.open();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).value<core::Error>().code(), core::ErrorCode::PermissionDenied);
    }

    void uploadBlob()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const TestUser user = fx.signUp(u"dee@example.com"_s);
        RelayClient relay(fx.relay().url({}), user.token);
        QTemporaryDir dir;
        QFile f(dir.filePath(u"a.tar.gz"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray bytes(300 * 1024, 'x');
        f.write(bytes);
        f.close();
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        int status = 0;
        RelayJob *job = relay.uploadBlob(f.fileName(), sha);
        QSignalSpy progress(job, &RelayJob::uploadProgress);
        auto r = wait(job, &status);
        if (status == 404 || status == 405)
            QSKIP("this relay has no blob endpoint yet");
        QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
        QVERIFY(status == 201 || status == 200);
        QVERIFY(!progress.isEmpty());
        auto wrong = wait(relay.uploadBlob(f.fileName(), QString(64, u'0')), &status);
        QCOMPARE(status, 400);
        QVERIFY(!wrong);
        auto bad = wait(relay.uploadBlob(f.fileName(), u"NOT-HEX"_s), &status);
        QCOMPARE(bad.error().code(), core::ErrorCode::InvalidInput);
        QCOMPARE(status, 0);
    }
};

QTEST_GUILESS_MAIN(TestRelayClient)
#include "tst_relayclient.moc"
