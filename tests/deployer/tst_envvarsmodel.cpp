#include <model/envvarsmodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using ttalkak::deployer::EnvVar;
using ttalkak::deployer::EnvVarsModel;

class TestEnvVarsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelContract()
    {
        EnvVarsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addVariable({ u"API_URL"_s, u"https://api"_s, false });
        model.addVariable({ u"TOKEN"_s, u"s3cret"_s, true });
        model.addVariable();
        QVERIFY(model.setData(model.index(2, EnvVarsModel::NameColumn), u"PORT"_s));
        QVERIFY(model.setData(model.index(2, EnvVarsModel::ValueColumn), u"3000"_s));
        QVERIFY(model.setData(model.index(2, EnvVarsModel::SecretColumn), Qt::Checked, Qt::CheckStateRole));
        model.setRevealSecrets(true);
        model.setRevealSecrets(false);
        QVERIFY(model.removeRows(0, 2));
        QVERIFY(!model.removeRows(0, 5));
        model.setVariables({ { u"A"_s, u"1"_s, false } });
        model.retranslate();
        QCOMPARE(model.rowCount(), 1);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"NODE_ENV"_s << u"production"_s << true;
        QTest::newRow("underscore") << u"_X1"_s << QString() << true;
        QTest::newRow("empty name") << QString() << u"x"_s << false;
        QTest::newRow("leading digit") << u"1ABC"_s << u"x"_s << false;
        QTest::newRow("dash") << u"MY-VAR"_s << u"x"_s << false;
        QTest::newRow("space") << u"MY VAR"_s << u"x"_s << false;
        QTest::newRow("newline value") << u"EVIL"_s << u"a\nRUN rm -rf /"_s << false;
        QTest::newRow("cr value") << u"EVIL"_s << u"a\rb"_s << false;
        QTest::newRow("quotes ok") << u"Q"_s << u"a \"b\" $c 'd'"_s << true;
    }

    void validation()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(bool, valid);
        EnvVarsModel model;
        QSignalSpy validity(&model, &EnvVarsModel::validityChanged);
        model.addVariable({ name, value, false });
        QCOMPARE(validity.count(), 1);
        QCOMPARE(model.isValid(), valid);
        QCOMPARE(model.rowError(0).isEmpty(), valid);
        QCOMPARE(model.errors().size(), valid ? 0 : 1);
        const QModelIndex n = model.index(0, EnvVarsModel::NameColumn);
        QCOMPARE(n.data(EnvVarsModel::ErrorRole).toString(), model.rowError(0));
        if (!valid) {
            QCOMPARE(n.data(Qt::ToolTipRole).toString(), model.rowError(0));
            QVERIFY(n.data(Qt::ForegroundRole).isValid());
        }
    }

    void duplicates()
    {
        EnvVarsModel model;
        model.addVariable({ u"A"_s, u"1"_s, false });
        model.addVariable({ u"B"_s, u"2"_s, false });
        QVERIFY(model.isValid());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setData(model.index(1, EnvVarsModel::NameColumn), u"A"_s));
        QVERIFY(!model.isValid());
        QVERIFY(!model.rowError(0).isEmpty()); // both rows are flagged
        QVERIFY(!model.rowError(1).isEmpty());
        // The rename refreshed the other row's error too.
        QVERIFY(changed.count() >= 1);
        QCOMPARE(changed.last().at(0).value<QModelIndex>().row(), 0);
        QVERIFY(model.removeRows(1, 1));
        QVERIFY(model.isValid());
    }

    void secretsMasked()
    {
        EnvVarsModel model;
        model.addVariable({ u"TOKEN"_s, u"s3cret"_s, true });
        model.addVariable({ u"EMPTY"_s, QString(), true });
        const QModelIndex v = model.index(0, EnvVarsModel::ValueColumn);
        QCOMPARE(v.data().toString(), EnvVarsModel::maskedText());
        QCOMPARE(v.data(Qt::EditRole).toString(), u"s3cret"_s); // editing sees the real value
        QCOMPARE(model.index(1, EnvVarsModel::ValueColumn).data().toString(), QString()); // nothing to hide
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setRevealSecrets(true);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(v.data().toString(), u"s3cret"_s);
        model.setRevealSecrets(false);
        QVERIFY(model.setData(model.index(0, EnvVarsModel::SecretColumn), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(v.data().toString(), u"s3cret"_s);
        QCOMPARE(model.variables().at(0), (EnvVar { u"TOKEN"_s, u"s3cret"_s, false }));
        QVERIFY(model.flags(model.index(0, EnvVarsModel::SecretColumn)) & Qt::ItemIsUserCheckable);
        QVERIFY(model.flags(v) & Qt::ItemIsEditable);
    }

    void nameIsTrimmed()
    {
        EnvVarsModel model;
        model.addVariable();
        QVERIFY(model.setData(model.index(0, 0), u"  API_KEY "_s));
        QCOMPARE(model.variables().at(0).name, u"API_KEY"_s);
    }
};

QTEST_GUILESS_MAIN(TestEnvVarsModel)
#include "tst_envvarsmodel.moc"
