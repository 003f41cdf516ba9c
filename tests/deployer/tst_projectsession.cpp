// ProjectSession against the real strategies and fixture repositories
// (tests/fixtures/*/repo), with detection on the worker thread as in the app.
#include <model/detectionservice.h>
#include <model/offlinepricequotesource.h>
#include <model/offlinerelaylink.h>
#include <model/projectsession.h>

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::deployer;

namespace {
QString fixture(const QString &name)
{
    return qEnvironmentVariable("TTALKAK_SOURCE_DIR") + u"/tests/fixtures/"_s + name + u"/repo"_s;
}
} // namespace

class TestProjectSession : public QObject
{
    Q_OBJECT

    struct Graph
    {
        DetectionService detection;
        OfflineRelayLink relay { QUrl(u"http://127.0.0.1:8470"_s) };
        OfflinePriceQuoteSource prices;
        ProjectSession session { &detection, &relay, &prices };
    };

    static bool openAndWait(Graph &g, const QString &path)
    {
        QSignalSpy done(&g.session, &ProjectSession::detectionFinished);
        auto src = ProjectSource::fromLocalFolder(path);
        if (!src)
            return false;
        g.session.open(*src);
        return done.wait(10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("TTALKAK_SOURCE_DIR"), "run through ctest (sets TTALKAK_SOURCE_DIR)");
    }

    void detectsVite()
    {
        Graph g;
        QSignalSpy states(&g.session, &ProjectSession::stateChanged);
        QVERIFY(openAndWait(g, fixture(u"vite-react-npm"_s)));
        QCOMPARE(g.session.state(), ProjectSession::State::Ready);
        QCOMPARE(states.first().at(0).value<ProjectSession::State>(), ProjectSession::State::Detecting);
        QCOMPARE(g.session.plan()->strategyId, u"vite"_s);
        QVERIFY(g.session.dockerfile().contains(u"FROM "_s));
        QVERIFY(g.session.reasons()->rowCount() > 0);
        QVERIFY(!g.session.isDockerfileModified());
        QVERIFY(g.session.appCandidates().isEmpty());
    }

    void editAndReset()
    {
        Graph g;
        QVERIFY(openAndWait(g, fixture(u"vite-react-npm"_s)));
        const QString generated = g.session.dockerfile();
        QSignalSpy changed(&g.session, &ProjectSession::dockerfileChanged);
        g.session.setDockerfile(generated + u"LABEL edited=\"yes\"\n"_s);
        QVERIFY(g.session.isDockerfileModified());
        QCOMPARE(changed.count(), 1);
        g.session.resetDockerfile();
        QCOMPARE(g.session.dockerfile(), generated);
        QVERIFY(!g.session.isDockerfileModified());
        QCOMPARE(changed.count(), 2);

        g.session.setDockerignore(u"secret.txt\n"_s);
        QVERIFY(g.session.isDockerignoreModified());
        g.session.resetDockerignore();
        QVERIFY(!g.session.isDockerignoreModified());
    }

    void errorNamesFileAndLine()
    {
        Graph g;
        QVERIFY(openAndWait(g, fixture(u"error-node-malformed-package-json"_s)));
        QCOMPARE(g.session.state(), ProjectSession::State::Failed);
        QVERIFY(g.session.error());
        QVERIFY2(
            g.session.error()->toString().startsWith(u"package.json:6:"_s), qPrintable(g.session.error()->toString()));
        QVERIFY(g.session.dockerfile().isEmpty());
        QCOMPARE(g.session.reasons()->rowCount(), 0);
    }

    // A monorepo root is an error that lists its apps: the session offers them
    // as candidates, and picking one re-detects into a working plan.
    void monorepoErrorLeadsToPicker()
    {
        Graph g;
        QVERIFY(openAndWait(g, fixture(u"monorepo-npm-root-error"_s)));
        QCOMPARE(g.session.state(), ProjectSession::State::Failed);
        QCOMPARE(g.session.appCandidates(), (QStringList { u"apps/site"_s, u"apps/web"_s }));

        QSignalSpy done(&g.session, &ProjectSession::detectionFinished);
        g.session.setAppDir(u"apps/web"_s);
        QVERIFY(done.wait(10000));
        QCOMPARE(g.session.state(), ProjectSession::State::Ready);
        QCOMPARE(g.session.plan()->appDir, u"apps/web"_s);
        QVERIFY(g.session.appCandidates().contains(u"apps/site"_s));
        QVERIFY(g.session.deploymentSpec().value(u"spec"_s).toObject().value(u"appDir"_s) == u"apps/web"_s);
    }

    // Only the latest request counts: a slower earlier run must not win.
    void supersededRunsAreDropped()
    {
        Graph g;
        QSignalSpy done(&g.session, &ProjectSession::detectionFinished);
        QSignalSpy raw(&g.detection, &DetectionService::finished);
        g.session.open(*ProjectSource::fromLocalFolder(fixture(u"error-node-malformed-package-json"_s)));
        g.session.open(*ProjectSource::fromLocalFolder(fixture(u"vite-react-npm"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(raw.count(), 2, 10000);
        QCOMPARE(done.count(), 1);
        QCOMPARE(g.session.state(), ProjectSession::State::Ready);
        QCOMPARE(g.session.plan()->strategyId, u"vite"_s);
    }

    void gitHubSourceIsStored()
    {
        Graph g;
        QVERIFY(openAndWait(g, fixture(u"vite-react-npm"_s)));
        g.session.open(*ProjectSource::fromGitHubUrl(u"https://github.com/acme/web/tree/main"_s));
        QCOMPARE(g.session.state(), ProjectSession::State::Remote);
        QVERIFY(!g.session.plan());
        QVERIFY(g.session.dockerfile().isEmpty());
        const QJsonObject source = g.session.deploymentSpec()[u"spec"_s][u"source"_s].toObject();
        QCOMPARE(source[u"url"_s].toString(), u"https://github.com/acme/web"_s);
        QCOMPARE(source[u"ref"_s].toString(), u"main"_s);
    }

    void deployNeedsRelayAndValidEnv()
    {
        Graph g;
        QVERIFY(openAndWait(g, fixture(u"vite-react-npm"_s)));
        QVERIFY(!g.session.canDeploy());
        QCOMPARE(g.session.deployBlockers().size(), 1); // only the relay
        QSignalSpy readiness(&g.session, &ProjectSession::deployReadinessChanged);
        g.session.environment()->addVariable({ u"BAD-NAME"_s, u"x"_s, false });
        QVERIFY(readiness.count() >= 1);
        QCOMPARE(g.session.deployBlockers().size(), 2);
        QVERIFY(g.session.deployBlockers().last().contains(u"BAD-NAME"_s));
    }

    void resourcesAndPrice()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Graph g;
        QVERIFY(g.session.priceEstimate().contains(u"when connected"_s));
        QSignalSpy price(&g.session, &ProjectSession::priceEstimateChanged);
        g.session.setResources({ 2000, 1024, 2048 });
        QCOMPARE(price.count(), 1);
        g.session.setResources({ 99999, 1, 2048 }); // clamped
        QCOMPARE(g.session.resources().cpuMillis, ResourceRequest::MaxCpuMillis);
        QCOMPARE(g.session.resources().memoryMb, ResourceRequest::MinMemoryMb);

        // 1 core at 1,000,000 micro/core-hour + 1 GiB at 500,000 micro/GiB-hour = 1.5 credits/hour.
        g.session.setResources({ 1000, 1024, 2048 });
        g.prices.setFixedQuote(PriceQuote { 1'000'000, 500'000 });
        QCOMPARE(PriceQuote({ 1'000'000, 500'000 }).microPerHour(g.session.resources()), 1'500'000);
        QVERIFY2(g.session.priceEstimate().contains(u"1.5000"_s), qPrintable(g.session.priceEstimate()));
        QVERIFY(g.session.priceEstimate().contains(u"1,080.00"_s));
    }
};

QTEST_GUILESS_MAIN(TestProjectSession)
#include "tst_projectsession.moc"
