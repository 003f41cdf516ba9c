#include "fakebackend.h"

#include <model/deploymentsmodel.h>
#include <model/deployprogress.h>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::deployer;

class TestDeploymentsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listAndLiveStatus()
    {
        DeploymentsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The relay's /v1/info: apps under example.com, HTTP ingress on 8080 (no HTTPS).
        model.setRelayInfo(RelayInfo::fromJson({ { u"domain"_s, u"apps.example.com"_s },
            { u"ingress"_s, QJsonObject { { u"http"_s, QJsonObject { { u"port"_s, 8080 } } } } },
            { u"tunnel"_s, QJsonObject { { u"port"_s, 7000 } } }, { u"protocol"_s, 1 }, { u"version"_s, u"0.1"_s } }));
        qint64 now = 10'000'000;
        model.setClock([&now] { return now; });
        const QJsonObject page { { u"items"_s,
            QJsonArray { QJsonObject { { u"id"_s, u"dep_ab12"_s }, { u"name"_s, u"web"_s }, { u"state"_s, u"queued"_s },
                { u"generation"_s, 1 }, { u"updatedAt"_s, 1000.0 } } } } };
        model.setItems(page);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, DeploymentsModel::StatusColumn).data().toString(), u"Queued"_s);
        QVERIFY(model.index(0, DeploymentsModel::UrlColumn).data().toString().isEmpty());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.applyStatus({ { u"deployment"_s, u"dep_ab12"_s }, { u"state"_s, u"running"_s },
            { u"desired"_s, u"running"_s }, { u"generation"_s, 2 }, { u"providerId"_s, u"prv_1"_s } }));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, DeploymentsModel::StatusColumn).data().toString(), u"Running"_s);
        QCOMPARE(model.index(0, DeploymentsModel::GenerationColumn).data().toInt(), 2);
        QCOMPARE(model.index(0, DeploymentsModel::ProviderColumn).data().toString(), u"prv_1"_s);
        QCOMPARE(model.index(0, DeploymentsModel::UrlColumn).data().toString(), u"http://web.apps.example.com:8080/"_s);
        now += 3 * 60'000;
        QCOMPARE(model.index(0, DeploymentsModel::UptimeColumn).data().toString(), u"3 min"_s);

        QVERIFY(!model.applyStatus({ { u"deployment"_s, u"dep_other"_s }, { u"state"_s, u"failed"_s } }));
        model.upsert({ { u"id"_s, u"dep_new"_s }, { u"name"_s, u"api"_s }, { u"state"_s, u"queued"_s } });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(u"dep_new"_s), 0); // newest first
        model.remove(u"dep_ab12"_s);
        QCOMPARE(model.rowCount(), 1);
    }

    void publicUrl_data()
    {
        QTest::addColumn<QJsonObject>("deployment");
        QTest::addColumn<QJsonObject>("info");
        QTest::addColumn<QString>("expected");
        const QJsonObject https { { u"domain"_s, u"ttalkak.app"_s },
            { u"ingress"_s,
                QJsonObject { { u"http"_s, QJsonObject { { u"port"_s, 80 } } },
                    { u"https"_s, QJsonObject { { u"port"_s, 443 } } } } } };
        const QJsonObject web { { u"id"_s, u"dep_1"_s }, { u"name"_s, u"Web"_s }, { u"kind"_s, u"app"_s } };
        QJsonObject withUrl = web;
        withUrl.insert(u"url"_s, u"https://web.custom.example/"_s);
        QTest::newRow("relay url wins") << withUrl << https << u"https://web.custom.example/"_s;
        QTest::newRow("https ingress, default port") << web << https << u"https://web.ttalkak.app/"_s;
        QTest::newRow("no info: no guess") << web << QJsonObject() << QString();
        QJsonObject db = web;
        db.insert(u"kind"_s, u"database"_s);
        QTest::newRow("database: never derived") << db << https << QString();
    }

    void publicUrl()
    {
        QFETCH(QJsonObject, deployment);
        QFETCH(QJsonObject, info);
        QFETCH(QString, expected);
        QCOMPARE(DeploymentsModel::publicUrl(deployment, RelayInfo::fromJson(info)).toString(), expected);
    }

    void progressFollowsStatusAndLog()
    {
        DeployProgress p;
        QAbstractItemModelTester tester(&p, QAbstractItemModelTester::FailureReportingMode::QtTest);
        p.start(u"web"_s);
        p.setDeployment(u"dep_1"_s, QUrl(u"https://dep-1.r.example/"_s));
        p.applyStatus({ { u"state"_s, u"queued"_s } });
        QCOMPARE(p.stepState(DeployProgress::Queued), DeployProgress::StepState::Active);
        p.applyStatus({ { u"state"_s, u"assigned"_s } });
        QCOMPARE(p.stepState(DeployProgress::Assigned), DeployProgress::StepState::Done);
        QCOMPARE(p.stepState(DeployProgress::Fetching), DeployProgress::StepState::Active);
        p.applyStatus({ { u"state"_s, u"building"_s } });
        p.appendBuildLog(u"cloning"_s);
        QCOMPARE(p.currentStep(), DeployProgress::Fetching);
        p.appendBuildLog(u"Step 1/3 : FROM node:20"_s);
        QCOMPARE(p.currentStep(), DeployProgress::Building);
        p.applyStatus({ { u"state"_s, u"assigned"_s } }); // late message: never back
        QCOMPARE(p.currentStep(), DeployProgress::Building);
        p.appendBuildLog(u"RUN npm run build"_s);
        p.applyStatus({ { u"state"_s, u"failed"_s }, { u"reason"_s, u"npm ERR! missing script"_s } });
        QCOMPARE(p.phase(), DeployProgress::Phase::Failed);
        QCOMPARE(p.stepState(DeployProgress::Building), DeployProgress::StepState::Failed);
        QCOMPARE(p.failure(), u"npm ERR! missing script"_s);
        QCOMPARE(p.logTail(2), QStringList({ u"Step 1/3 : FROM node:20"_s, u"RUN npm run build"_s }));

        p.start(u"web"_s);
        for (int i = 0; i < DeployProgress::MaxLogLines + 10; ++i)
            p.appendBuildLog(QString::number(i));
        QCOMPARE(p.log().size(), DeployProgress::MaxLogLines); // bounded
        QCOMPARE(p.log().constFirst(), u"10"_s);
    }
};

QTEST_GUILESS_MAIN(TestDeploymentsModel)
#include "tst_deploymentsmodel.moc"
