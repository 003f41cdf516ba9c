#include <strategies/registry.h>
#include <strategies/repo.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ttalkak::strategies;
using ttalkak::core::ErrorCode;
using namespace Qt::StringLiterals;

namespace {
void write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}
} // namespace

class TestRepo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void missingFolder()
    {
        auto r = Repo::open(u"/nonexistent/ttalkak"_s);
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::NotFound);
    }

    void symlinkOutsideIsRefused()
    {
        QTemporaryDir dir, outside;
        write(dir.filePath(u"package.json"_s), "{}");
        write(outside.filePath(u"secret"_s), "x");
        QVERIFY(QFile::link(outside.filePath(u"secret"_s), dir.filePath(u"src/leak"_s)) || (QDir().mkpath(dir.filePath(u"src"_s)) && QFile::link(outside.filePath(u"secret"_s), dir.filePath(u"src/leak"_s))));
        auto r = Repo::open(dir.path());
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::Unsafe);
        QCOMPARE(r.error().file(), u"src/leak"_s);
    }

    void symlinkInsideIsFine()
    {
        QTemporaryDir dir;
        write(dir.filePath(u"a/real.txt"_s), "x");
        QVERIFY(QFile::link(dir.filePath(u"a/real.txt"_s), dir.filePath(u"link.txt"_s)));
        auto r = Repo::open(dir.path());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(*r->read(u"link.txt"_s), QByteArray("x"));
    }

    void traversalIsRefused()
    {
        QTemporaryDir dir;
        write(dir.filePath(u"package.json"_s), "{}");
        auto repo = Repo::open(dir.path());
        QVERIFY(repo);
        auto r = repo->read(u"../../etc/passwd"_s);
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::Unsafe);
        QVERIFY(!repo->read(u"/etc/passwd"_s));
        QVERIFY(!repo->isFile(u"a/../../x"_s));
    }

    void tooManyFiles()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 20; ++i)
            write(dir.filePath(u"f%1"_s.arg(i)), "x");
        RepoLimits limits;
        limits.maxFiles = 10;
        auto r = Repo::open(dir.path(), limits);
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::TooLarge);
        QVERIFY(r.error().message().contains(u"10"_s));
    }

    void tooManyBytes()
    {
        QTemporaryDir dir;
        write(dir.filePath(u"big.bin"_s), QByteArray(4096, 'x'));
        RepoLimits limits;
        limits.maxBytes = 1024;
        auto r = Repo::open(dir.path(), limits);
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::TooLarge);
    }

    void dependencyFoldersAreNotCounted()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 50; ++i)
            write(dir.filePath(u"node_modules/p%1/index.js"_s.arg(i)), "x");
        write(dir.filePath(u"package.json"_s), "{}");
        RepoLimits limits;
        limits.maxFiles = 10;
        auto r = Repo::open(dir.path(), limits);
        QVERIFY(r);
        QCOMPARE(r->fileCount(), 1);
    }

    void malformedJsonNamesLine()
    {
        QTemporaryDir dir;
        write(dir.filePath(u"package.json"_s), "{\n  \"name\": \"x\",\n  \"scripts\": {,\n}\n");
        auto repo = Repo::open(dir.path());
        QVERIFY(repo);
        auto r = repo->readJsonObject(u"package.json"_s);
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(r.error().file(), u"package.json"_s);
        QCOMPARE(r.error().line(), 3);
    }

    void unknownProjectSaysWhatWasLookedFor()
    {
        QTemporaryDir dir;
        write(dir.filePath(u"README.md"_s), "hello");
        auto r = Registry::withBuiltins().detect(dir.path());
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::Unsupported);
        QVERIFY(r.error().message().contains(u"Dockerfile"_s));
    }

    void appDirMustExistAndStayInside()
    {
        QTemporaryDir dir;
        write(dir.filePath(u"Dockerfile"_s), "FROM x\n");
        DetectOptions o;
        o.appDir = u"nope"_s;
        QCOMPARE(Registry::withBuiltins().detect(dir.path(), o).error().code(), ErrorCode::NotFound);
        o.appDir = u"../x"_s;
        QVERIFY(!Registry::withBuiltins().detect(dir.path(), o));
    }
};

QTEST_GUILESS_MAIN(TestRepo)
#include "tst_repo.moc"
