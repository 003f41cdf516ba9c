#include "fakebackend.h"

#include <model/accesslogmodel.h>
#include <model/monitoringsession.h>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::deployer;

namespace {
QJsonObject row(int id, qint64 at, const QString &method, const QString &path, int status)
{
    return { { u"id"_s, id }, { u"at"_s, double(at) }, { u"method"_s, method }, { u"path"_s, path },
        { u"status"_s, status }, { u"latencyMs"_s, 3.5 }, { u"bytesIn"_s, 100 }, { u"bytesOut"_s, 2000 },
        { u"client"_s, u"203.0.113.9"_s } };
}
} // namespace

class TestAccessLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filters_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("statusClass");
        QTest::addColumn<QString>("path");
        QTest::addColumn<qint64>("from");
        QTest::addColumn<int>("rows");
        QTest::newRow("none") << QString() << 0 << QString() << qint64(0) << 4;
        QTest::newRow("method") << u"post"_s << 0 << QString() << qint64(0) << 1;
        QTest::newRow("5xx") << QString() << 5 << QString() << qint64(0) << 2;
        QTest::newRow("path") << QString() << 0 << u"API"_s << qint64(0) << 3;
        QTest::newRow("5xx+path") << QString() << 5 << u"/api/orders"_s << qint64(0) << 1;
        QTest::newRow("time") << QString() << 0 << QString() << qint64(3000) << 2;
    }
    void filters()
    {
        QFETCH(QString, method);
        QFETCH(int, statusClass);
        QFETCH(QString, path);
        QFETCH(qint64, from);
        QFETCH(int, rows);
        AccessLogModel model;
        AccessLogFilterModel filtered;
        filtered.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&filtered, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendPage({ { u"items"_s,
            QJsonArray { row(4, 4000, u"GET"_s, u"/api/orders/1"_s, 502), row(3, 3000, u"POST"_s, u"/api/cart"_s, 201),
                row(2, 2000, u"GET"_s, u"/"_s, 503), row(1, 1000, u"GET"_s, u"/api/x"_s, 404) } } });
        AccessLogFilter f;
        f.method = method;
        f.statusClass = statusClass;
        f.pathText = path;
        f.fromMs = from;
        filtered.setFilter(f);
        QCOMPARE(filtered.rowCount(), rows);
    }

    void queryAndPaging()
    {
        AccessLogFilter f;
        f.pathText = u"/api"_s;
        f.fromMs = 5;
        const QUrlQuery q = f.query(100, 77);
        QCOMPARE(q.queryItemValue(u"kind"_s), u"access"_s);
        QCOMPARE(q.queryItemValue(u"q"_s), u"/api"_s);
        QCOMPARE(q.queryItemValue(u"from"_s), u"5"_s);
        QCOMPARE(q.queryItemValue(u"before"_s), u"77"_s);
        QVERIFY(!q.hasQueryItem(u"to"_s));

        test::FakeBackend backend;
        MonitoringSession session(&backend);
        session.setDeployment(u"dep_1"_s, u"web"_s);
        backend.setReply(u"logs"_s, QJsonObject { { u"items"_s, QJsonArray { row(9, 9, u"GET"_s, u"/"_s, 200) } },
            { u"nextBefore"_s, 9 } });
        QSignalSpy loading(&session, &MonitoringSession::logsLoading);
        session.reloadLogs();
        QTRY_COMPARE(loading.count(), 2);
        QCOMPARE(session.accessLog()->rowCount(), 1);
        QVERIFY(session.accessLog()->hasMore());
        backend.setReply(u"logs"_s, QJsonObject { { u"items"_s, QJsonArray { row(8, 8, u"GET"_s, u"/"_s, 200) } } });
        session.loadMoreLogs();
        QTRY_COMPARE(session.accessLog()->rowCount(), 2);
        QCOMPARE(backend.calls.last().body.value(u"before"_s).toString(), u"9"_s);
        QVERIFY(!session.accessLog()->hasMore());
    }

    void summaryFollowsLanguage()
    {
        test::FakeBackend backend;
        MonitoringSession session(&backend);
        session.setDeployment(u"dep_1"_s, u"web"_s);
        session.setLanguage(u"ko"_s);
        backend.setReply(u"summary"_s, QJsonObject { { u"text"_s, u"요약"_s }, { u"source"_s, u"local"_s } });
        QSignalSpy changed(&session, &MonitoringSession::summaryChanged);
        session.refreshSummary();
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(backend.calls.last().body.value(u"lang"_s).toString(), u"ko"_s);
        QCOMPARE(backend.calls.last().body.value(u"window"_s).toString(), u"1h"_s);
        QCOMPARE(session.summary().text, u"요약"_s);
        QVERIFY(session.summary().generatedAt.isValid());
    }
};

QTEST_GUILESS_MAIN(TestAccessLogModel)
#include "tst_accesslogmodel.moc"
