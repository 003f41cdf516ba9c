#include <core/result.h>

#include <QTest>

using namespace ttalkak::core;

class TestResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valueAndError()
    {
        Result<int> good = 42;
        QVERIFY(good);
        QCOMPARE(*good, 42);
        QCOMPARE(good.valueOr(7), 42);

        Result<int> bad = Error(ErrorCode::InvalidInput, QStringLiteral("broken"), QStringLiteral("package.json"), 3);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(bad.valueOr(7), 7);
        QCOMPARE(bad.error().toString(), QStringLiteral("package.json:3: broken"));
    }

    void errorToString_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no file") << QString() << 0 << QStringLiteral("msg");
        QTest::newRow("file") << QStringLiteral("pom.xml") << 0 << QStringLiteral("pom.xml: msg");
        QTest::newRow("file and line") << QStringLiteral("a.yml") << 12 << QStringLiteral("a.yml:12: msg");
    }
    void errorToString()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, expected);
        QCOMPARE(Error(ErrorCode::Io, QStringLiteral("msg"), file, line).toString(), expected);
    }

    void voidResult()
    {
        Result<void> good = ok();
        QVERIFY(good);
        Result<void> bad = Error(ErrorCode::Timeout, QStringLiteral("slow"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().message(), QStringLiteral("slow"));
    }

    void moveOnlyValue()
    {
        Result<std::unique_ptr<int>> r = std::make_unique<int>(5);
        QVERIFY(r);
        std::unique_ptr<int> p = std::move(r).value();
        QCOMPARE(*p, 5);
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
