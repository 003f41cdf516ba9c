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
        model.setRelayUrl(QUrl(u"https://relay.example.com:8470"_s));
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
        QCOMPARE(model.index(0, DeploymentsModel::UrlColumn).data().toString(), u"https://dep-ab12.relay.example.com/"_s);
        now += 3 * 60'000;
        QCOMPARE(model.index(0, DeploymentsModel::UptimeColumn).data().toString(), u"3 min"_s);

        QVERIFY(!model.applyStatus({ { u"deployment"_s, u"dep_other"_s }, { u"state"_s, u"failed"_s } }));
        model.upsert({ { u"id"_s, u"dep_new"_s }, { u"name"_s, u"api"_s }, { u"state"_s, u"queued"_s } });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(u"dep_new"_s), 0); // newest first
        model.remove(u"dep_ab12"_s);
        QCOMPARE(model.rowCount(), 1);
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
