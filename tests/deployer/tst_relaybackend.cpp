// RelayBackend against the real relay process (tests/relay's fixture): sign up, upload a
// sample folder as a blob, create a project and a deployment on it, list it, and follow its
// status live; plus the answers without a session. Offscreen, no Docker needed.
#include <model/relaybackend.h>

#include "relayfixture.h"

#include <client/deployspecbuilder.h>

#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ttalkak;
using namespace ttalkak::deployer;

namespace {

// Waits (bounded) for the one answer of a backend call.
struct Waiter
{
    std::optional<core::Result<QJsonObject>> result;
    DeployerBackend::Reply reply()
    {
        return [this](core::Result<QJsonObject> r) { result = std::move(r); };
    }
    core::Result<QJsonObject> wait()
    {
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return core::Error(core::ErrorCode::Timeout, u"no answer"_s);
        auto r = *result;
        result.reset();
        return r;
    }
};

} // namespace

class TestRelayBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutSessionIsUnavailable()
    {
        RelayBackend backend;
        QVERIFY(!backend.hasSession());
        Waiter w;
        backend.listDeployments(this, w.reply());
        QVERIFY(!w.result); // never inside the call
        auto r = w.wait();
        QVERIFY(!r);
        QCOMPARE(r.error().code(), core::ErrorCode::Unavailable);
    }

    void deployFolderAndFollowIt()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const QUrl relay = fx.relay().url({});
        RelayBackend backend;
        Waiter w;

        backend.signIn(relay, u"ann@example.com"_s, u"correct horse"_s, /*createAccount=*/true, this, w.reply());
        auto up = w.wait();
        QVERIFY2(up, up ? "" : qPrintable(up.error().toString()));
        const QString token = up->value(u"token"_s).toString();
        QVERIFY(token.startsWith(u"ttk_u_"_s));
        QVERIFY(!backend.hasSession()); // signing in does not start the session
        backend.setSession(relay, token);
        QVERIFY(backend.hasSession());

        // /v1/info: a relay that has it answers the documented fields; an older one 404s.
        backend.relayInfo(this, w.reply());
        auto info = w.wait();
        if (info)
            QVERIFY(info->contains(u"domain"_s));
        else
            QCOMPARE(info.error().code(), core::ErrorCode::NotFound);

        // The sample static site, with its generated nginx.conf packed in (as DeployService does).
        const QString folder = qEnvironmentVariable("TTALKAK_SOURCE_DIR") + u"/tests/samples/frontend/static-site"_s;
        auto builder = client::DeploySpecBuilder::fromFolder(folder);
        QVERIFY2(builder, builder ? "" : qPrintable(builder.error().toString()));
        QSignalSpy progress(&backend, &DeployerBackend::uploadProgress);
        backend.uploadBlob(folder, builder->contextFiles(), this, w.reply());
        auto blob = w.wait();
        QVERIFY2(blob, blob ? "" : qPrintable(blob.error().toString()));
        const QString sha = blob->value(u"blob"_s).toString();
        QCOMPARE(sha.size(), 64);
        QVERIFY(blob->value(u"size"_s).toInteger() > 0);
        QVERIFY(!progress.isEmpty());

        backend.createProject({ { u"name"_s, u"site"_s } }, this, w.reply());
        auto project = w.wait();
        QVERIFY2(project, project ? "" : qPrintable(project.error().toString()));

        builder->setSource(client::SourceRef::fromBlob(sha, blob->value(u"size"_s).toInteger()));
        auto spec = builder->build();
        QVERIFY(spec);
        backend.createDeployment({ { u"projectId"_s, project->value(u"id"_s) }, { u"name"_s, u"site"_s },
                                     { u"spec"_s, *spec },
                                     { u"resources"_s,
                                         QJsonObject { { u"cpuMillis"_s, 250 }, { u"memoryMb"_s, 128 },
                                             { u"diskMb"_s, 256 } } } },
            this, w.reply());
        auto created = w.wait();
        QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
        const QString id = created->value(u"id"_s).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(created->value(u"state"_s).toString(), u"queued"_s);

        backend.listDeployments(this, w.reply());
        auto list = w.wait();
        QVERIFY(list);
        const QJsonArray items = list->value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().toObject().value(u"id"_s).toString(), id);

        // Live: the subscription's ack is the first status, then the provider's.
        QSignalSpy statuses(&backend, &DeployerBackend::statusReceived);
        QSignalSpy buildLines(&backend, &DeployerBackend::buildLogReceived);
        backend.subscribe(id);
        QVERIFY(statuses.wait(10000));
        QCOMPARE(statuses.first().at(0).toJsonObject().value(u"deployment"_s).toString(), id);
        QCOMPARE(statuses.first().at(0).toJsonObject().value(u"state"_s).toString(), u"queued"_s);

        const TestUser owner { up->value(u"user"_s).toObject().value(u"id"_s).toString(), u"ann@example.com"_s, token };
        const TestProvider key = fx.addProvider(owner, u"box"_s);
        auto provider = fx.connectProvider(key);
        QVERIFY(provider);
        const QJsonObject offer = provider->waitForType(u"offer"_s);
        QCOMPARE(offer.value(u"deployment"_s).toObject().value(u"spec"_s).toObject().value(u"source"_s).toObject()
                     .value(u"blob"_s).toString(),
            sha);
        provider->call({ { u"type"_s, u"accept"_s }, { u"offer"_s, offer.value(u"offer"_s) } });
        provider->call({ { u"type"_s, u"status"_s }, { u"deployment"_s, id }, { u"generation"_s, 1 },
            { u"state"_s, u"building"_s } });
        provider->call({ { u"type"_s, u"build-progress"_s }, { u"deployment"_s, id }, { u"line"_s, u"Step 1/2"_s } });
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !statuses.isEmpty()
                    && statuses.last().at(0).toJsonObject().value(u"state"_s).toString() == u"building"_s;
            },
            10000));
        QVERIFY(QTest::qWaitFor([&] { return !buildLines.isEmpty(); }, 5000));
        QCOMPARE(buildLines.first().at(1).toString(), u"Step 1/2"_s);

        // A command with a body (what Retry sends) and the deployment's own answer.
        backend.command(id, u"restart"_s, {}, this, w.reply());
        auto restarted = w.wait();
        QVERIFY(restarted || restarted.error().code() == core::ErrorCode::Remote); // 409 while building is fine
        backend.deployment(id, this, w.reply());
        auto one = w.wait();
        QVERIFY(one);
        QCOMPARE(one->value(u"id"_s).toString(), id);

        backend.clearSession();
        QVERIFY(!backend.hasSession());
    }
};

QTEST_MAIN(TestRelayBackend)
#include "tst_relaybackend.moc"
