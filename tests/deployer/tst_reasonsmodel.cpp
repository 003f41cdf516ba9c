#include <model/reasonsmodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using ttalkak::deployer::ReasonsModel;
using ttalkak::strategies::Reason;

class TestReasonsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelContract()
    {
        ReasonsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 3);
        model.setReasons(
            { { u"framework: Vite"_s, u"package.json"_s, 7, u"\"vite\": \"^5\""_s }, { u"port 8080"_s, {}, 0, {} } });
        QCOMPARE(model.rowCount(), 2);
        model.setReasons({ { u"one"_s, u"a"_s, 0, {} } });
        QCOMPARE(model.rowCount(), 1);
        model.retranslate();
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void data()
    {
        ReasonsModel model;
        const Reason r { u"framework: Vite"_s, u"package.json"_s, 7, u"\"vite\": \"^5\""_s };
        model.setReasons({ r, { u"port 8080"_s, {}, 0, {} }, { u"node 20"_s, u".nvmrc"_s, 0, u"20"_s } });
        QCOMPARE(model.index(0, ReasonsModel::DecisionColumn).data().toString(), u"framework: Vite"_s);
        QCOMPARE(model.index(0, ReasonsModel::SourceColumn).data().toString(), u"package.json:7"_s);
        QCOMPARE(model.index(0, ReasonsModel::ValueColumn).data().toString(), u"\"vite\": \"^5\""_s);
        QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), r.toString());
        QCOMPARE(model.index(0, 0).data(ReasonsModel::LineRole).toInt(), 7);
        QCOMPARE(model.index(1, ReasonsModel::SourceColumn).data().toString(), u"default"_s);
        QCOMPARE(model.index(2, ReasonsModel::SourceColumn).data().toString(), u".nvmrc"_s);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Decision"_s);
    }
};

QTEST_MAIN(TestReasonsModel)
#include "tst_reasonsmodel.moc"
