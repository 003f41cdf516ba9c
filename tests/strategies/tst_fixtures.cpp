// Data-driven golden tests: one row per folder in tests/fixtures.
//
// tests/fixtures/<name>/
//   repo/            the sample repository
//   fixture.json     {"appDir": "...", "expect": {plan fields...}}  or  {"error": {"code", "file", "line", "contains"}}
//   golden/plan.json, golden/Dockerfile, golden/.dockerignore, golden/files/<path>
//
// "expect" is written by hand and always checked; the golden files pin the
// whole output. TTALKAK_UPDATE_GOLDEN=1 rewrites the golden files (review the diff).

#include <strategies/registry.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

namespace {
QString fixturesRoot() { return qEnvironmentVariable("TTALKAK_SOURCE_DIR") + u"/tests/fixtures"_s; }
bool updating() { return qEnvironmentVariableIntValue("TTALKAK_UPDATE_GOLDEN") == 1; }

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

// Compares produced text with a golden file, or rewrites it when updating.
void checkGolden(const QString &path, const QByteArray &actual)
{
    if (updating()) {
        writeFile(path, actual);
        return;
    }
    QVERIFY2(QFile::exists(path), qPrintable(u"missing golden file "_s + path + u" (run with TTALKAK_UPDATE_GOLDEN=1)"_s));
    const QByteArray expected = readFile(path);
    if (expected != actual) {
        const QList<QByteArray> a = actual.split('\n'), e = expected.split('\n');
        for (int i = 0; i < std::max(a.size(), e.size()); ++i) {
            const QByteArray al = a.value(i), el = e.value(i);
            if (al != el)
                QFAIL(qPrintable(u"%1 differs at line %2:\n  expected: %3\n  actual:   %4"_s.arg(
                    path, QString::number(i + 1), QString::fromUtf8(el), QString::fromUtf8(al))));
        }
    }
}
} // namespace

class TestFixtures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enoughFixtures()
    {
        const QStringList names = QDir(fixturesRoot()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY2(names.size() >= 30, qPrintable(u"only %1 fixtures"_s.arg(names.size())));
    }

    void fixture_data()
    {
        QTest::addColumn<QString>("dir");
        const QStringList names = QDir(fixturesRoot()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << fixturesRoot() + u'/' + name;
    }

    void fixture()
    {
        QFETCH(QString, dir);
        QJsonParseError perr;
        const QJsonObject spec = QJsonDocument::fromJson(readFile(dir + u"/fixture.json"_s), &perr).object();
        QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(u"fixture.json: "_s + perr.errorString()));

        const Registry registry = Registry::withBuiltins();
        DetectOptions options;
        options.appDir = spec.value(u"appDir"_s).toString();
        const auto plan = registry.detect(dir + u"/repo"_s, options);

        if (spec.contains(u"error"_s)) {
            const QJsonObject err = spec.value(u"error"_s).toObject();
            QVERIFY2(!plan, "detection succeeded but the fixture expects an error");
            QCOMPARE(ttalkak::core::errorCodeName(plan.error().code()), err.value(u"code"_s).toString());
            if (err.contains(u"file"_s))
                QCOMPARE(plan.error().file(), err.value(u"file"_s).toString());
            if (err.contains(u"line"_s))
                QCOMPARE(plan.error().line(), err.value(u"line"_s).toInt());
            const QString contains = err.value(u"contains"_s).toString();
            QVERIFY2(plan.error().message().contains(contains, Qt::CaseInsensitive),
                     qPrintable(plan.error().toString() + u" does not mention: "_s + contains));
            return;
        }

        QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
        const QJsonObject json = plan->toJson();
        const QJsonObject expect = spec.value(u"expect"_s).toObject();
        for (auto it = expect.begin(); it != expect.end(); ++it) {
            QVERIFY2(json.contains(it.key()), qPrintable(u"plan has no field "_s + it.key()));
            QVERIFY2(json.value(it.key()) == it.value(),
                     qPrintable(u"%1: expected %2, got %3"_s.arg(
                         it.key(), QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)),
                         QString::fromUtf8(QJsonDocument(QJsonArray{json.value(it.key())}).toJson(QJsonDocument::Compact)))));
        }
        QVERIFY2(!plan->why.isEmpty(), "a plan must explain itself");
        QVERIFY(plan->port > 0);

        checkGolden(dir + u"/golden/plan.json"_s, QJsonDocument(json).toJson(QJsonDocument::Indented));

        const auto generated = registry.generate(*plan, {});
        QVERIFY2(generated, qPrintable(generated ? QString() : generated.error().toString()));
        QVERIFY(generated->dockerfile.startsWith(u"# syntax") || generated->dockerfile.contains(u"FROM "_s));
        checkGolden(dir + u"/golden/Dockerfile"_s, generated->dockerfile.toUtf8());
        if (plan->kind != ProjectKind::Dockerfile) {
            QVERIFY2(generated->dockerfile.contains(u"HEALTHCHECK"_s), "generated Dockerfiles carry a HEALTHCHECK");
            QVERIFY2(generated->dockerfile.contains(u"EXPOSE "_s + QString::number(plan->port)), "EXPOSE the real port");
            QVERIFY2(generated->dockerfile.contains(u"\nUSER "_s), "runtime runs as a non-root user");
            checkGolden(dir + u"/golden/.dockerignore"_s, generated->dockerignore.toUtf8());
        }
        for (auto it = generated->files.cbegin(); it != generated->files.cend(); ++it)
            checkGolden(dir + u"/golden/files/"_s + it.key(), it.value());
    }
};

QTEST_GUILESS_MAIN(TestFixtures)
#include "tst_fixtures.moc"
