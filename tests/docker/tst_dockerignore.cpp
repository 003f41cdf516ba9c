// DockerIgnore against Docker's documented and implemented semantics, and BuildContext packing.
#include <docker/buildcontext.h>
#include <docker/dockerignore.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace ttalkak::docker;
using namespace Qt::StringLiterals;

class TestDockerIgnore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matches_data();
    void matches();
    void parseFile_data();
    void parseFile();
    void badPatterns_data();
    void badPatterns();
    void skipDirectory();
    void contextListing();
    void contextTarContents();
    void contextLimits();
    void contextKeepsDockerfileAndIgnore();
};

void TestDockerIgnore::matches_data()
{
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("excluded");

    // Anchored at the root, unlike .gitignore.
    QTest::newRow("plain name") << QStringList { u"foo"_s } << u"foo"_s << true;
    QTest::newRow("plain name not nested") << QStringList { u"foo"_s } << u"a/foo"_s << false;
    QTest::newRow("parent dir matches children") << QStringList { u"foo"_s } << u"foo/bar/baz.txt"_s << true;
    QTest::newRow("star no slash") << QStringList { u"*.md"_s } << u"README.md"_s << true;
    QTest::newRow("star does not cross slash") << QStringList { u"*.md"_s } << u"docs/README.md"_s << false;
    QTest::newRow("star in dir") << QStringList { u"*/temp*"_s } << u"somedir/temporary.txt"_s << true;
    QTest::newRow("star in dir depth") << QStringList { u"*/temp*"_s } << u"a/b/temporary.txt"_s << false;
    QTest::newRow("two levels") << QStringList { u"*/*/temp*"_s } << u"a/b/temp"_s << true;
    QTest::newRow("question mark") << QStringList { u"temp?"_s } << u"tempa"_s << true;
    QTest::newRow("question no slash") << QStringList { u"a?b"_s } << u"a/b"_s << false;
    QTest::newRow("double star any depth") << QStringList { u"**/*.go"_s } << u"a/b/c/x.go"_s << true;
    QTest::newRow("double star zero depth") << QStringList { u"**/*.go"_s } << u"x.go"_s << true;
    QTest::newRow("double star middle") << QStringList { u"a/**/z"_s } << u"a/z"_s << true;
    QTest::newRow("double star middle deep") << QStringList { u"a/**/z"_s } << u"a/b/c/z"_s << true;
    QTest::newRow("double star end") << QStringList { u"a/**"_s } << u"a/x/y"_s << true;
    QTest::newRow("double star end not sibling") << QStringList { u"a/**"_s } << u"ab"_s << false;
    QTest::newRow("lone double star") << QStringList { u"**"_s } << u"anything/at/all"_s << true;
    QTest::newRow("exception") << QStringList { u"*.md"_s, u"!README.md"_s } << u"README.md"_s << false;
    QTest::newRow("exception other") << QStringList { u"*.md"_s, u"!README.md"_s } << u"CHANGES.md"_s << true;
    QTest::newRow("last wins") << QStringList { u"*.md"_s, u"!README*.md"_s, u"README-secret.md"_s }
                               << u"README-secret.md"_s << true;
    QTest::newRow("last wins 2") << QStringList { u"*.md"_s, u"README-secret.md"_s, u"!README*.md"_s }
                                 << u"README-secret.md"_s << false;
    QTest::newRow("exception inside excluded dir")
        << QStringList { u"node_modules"_s, u"!node_modules/keep.js"_s } << u"node_modules/keep.js"_s << false;
    QTest::newRow("excluded dir sibling")
        << QStringList { u"node_modules"_s, u"!node_modules/keep.js"_s } << u"node_modules/drop.js"_s << true;
    // fromPatterns() is patternmatcher.New(): only the file reader drops a leading slash.
    QTest::newRow("api keeps leading slash") << QStringList { u"/foo"_s } << u"foo"_s << false;
    QTest::newRow("cleaned dots") << QStringList { u"./a/../b//c/"_s } << u"b/c"_s << true;
    QTest::newRow("dot is literal") << QStringList { u"a.txt"_s } << u"abtxt"_s << false;
    QTest::newRow("plus is literal") << QStringList { u"a+b"_s } << u"aab"_s << false;
    QTest::newRow("plus literal match") << QStringList { u"a+b"_s } << u"a+b"_s << true;
    QTest::newRow("parens literal") << QStringList { u"(x)"_s } << u"(x)"_s << true;
    QTest::newRow("char class") << QStringList { u"file[0-9].txt"_s } << u"file7.txt"_s << true;
    QTest::newRow("char class miss") << QStringList { u"file[0-9].txt"_s } << u"filex.txt"_s << false;
    QTest::newRow("negated class") << QStringList { u"file[^0-9]"_s } << u"filex"_s << true;
    QTest::newRow("escaped star") << QStringList { u"a\\*b"_s } << u"a*b"_s << true;
    QTest::newRow("escaped star literal") << QStringList { u"a\\*b"_s } << u"axb"_s << false;
    QTest::newRow("dir pattern with slash") << QStringList { u"build/"_s } << u"build/out.o"_s << true;
    QTest::newRow("no patterns") << QStringList {} << u"x"_s << false;
    QTest::newRow("exception only") << QStringList { u"!x"_s } << u"x"_s << false;
    QTest::newRow("git dir") << QStringList { u".git"_s } << u".git/objects/ab/cdef"_s << true;
    QTest::newRow("star matches hidden") << QStringList { u"*"_s } << u".env"_s << true;
    QTest::newRow("all but one") << QStringList { u"*"_s, u"!src"_s } << u"src/main.c"_s << false;
    QTest::newRow("all but one other") << QStringList { u"*"_s, u"!src"_s } << u"docs/x"_s << true;
}

void TestDockerIgnore::matches()
{
    QFETCH(QStringList, patterns);
    QFETCH(QString, path);
    QFETCH(bool, excluded);
    auto ignore = DockerIgnore::fromPatterns(patterns);
    QVERIFY2(ignore.hasValue(), qPrintable(ignore ? QString() : ignore.error().message()));
    QCOMPARE(ignore->matches(path), excluded);
}

void TestDockerIgnore::parseFile_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("patterns");

    QTest::newRow("comments and blanks") << QByteArray("# comment\n\nfoo\n   \n") << QStringList { u"foo"_s };
    QTest::newRow("indented hash is a pattern") << QByteArray("  #x\n") << QStringList { u"#x"_s };
    QTest::newRow("trim and clean") << QByteArray("  ./a//b/  \n") << QStringList { u"a/b"_s };
    QTest::newRow("exception spaces") << QByteArray("! foo \n") << QStringList { u"!foo"_s };
    QTest::newRow("crlf") << QByteArray("a\r\nb\r\n") << QStringList { u"a"_s, u"b"_s };
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFnode_modules\n") << QStringList { u"node_modules"_s };
    QTest::newRow("absolute") << QByteArray("/dist\n!/dist/keep\n") << QStringList { u"dist"_s, u"!dist/keep"_s };
    QTest::newRow("root slash stays") << QByteArray("/\n") << QStringList { u"/"_s };
}

void TestDockerIgnore::parseFile()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, patterns);
    auto ignore = DockerIgnore::parse(file);
    QVERIFY(ignore.hasValue());
    QCOMPARE(ignore->patterns(), patterns);
}

void TestDockerIgnore::badPatterns_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("line");
    QTest::newRow("lone bang") << QByteArray("ok\n!\n") << 2;
    QTest::newRow("unclosed class") << QByteArray("a[b\n") << 1;
    QTest::newRow("empty class") << QByteArray("x\ny\na[]\n") << 3;
    QTest::newRow("trailing backslash") << QByteArray("abc\\\n") << 1;
}

void TestDockerIgnore::badPatterns()
{
    QFETCH(QByteArray, file);
    QFETCH(int, line);
    auto ignore = DockerIgnore::parse(file);
    QVERIFY(!ignore.hasValue());
    QCOMPARE(ignore.error().code(), ttalkak::core::ErrorCode::InvalidInput);
    QCOMPARE(ignore.error().file(), u".dockerignore"_s);
    QCOMPARE(ignore.error().line(), line);
}

void TestDockerIgnore::skipDirectory()
{
    auto a = DockerIgnore::fromPatterns({ u"node_modules"_s });
    QVERIFY(a->canSkipDirectory(u"node_modules"));
    auto b = DockerIgnore::fromPatterns({ u"node_modules"_s, u"!node_modules/keep"_s });
    QVERIFY(!b->canSkipDirectory(u"node_modules"));
    QVERIFY(b->canSkipDirectory(u"other"));
    // Docker's walker only looks at the pattern's prefix: "**" exceptions do not reach into
    // excluded directories. Reproduced on purpose.
    auto c = DockerIgnore::fromPatterns({ u"vendor"_s, u"!**/keep"_s });
    QVERIFY(c->canSkipDirectory(u"vendor"));
}

static void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

static QString makeTree(QTemporaryDir &dir)
{
    const QString r = dir.path();
    writeFile(r + u"/Dockerfile"_s, "FROM scratch\n");
    writeFile(r + u"/.dockerignore"_s, "node_modules\n!node_modules/keep.js\n*.log\n**/secret*\n.git\nDockerfile\n");
    writeFile(r + u"/src/main.js"_s, "console.log(1)\n");
    writeFile(r + u"/src/deep/secret.key"_s, "k");
    writeFile(r + u"/secret.env"_s, "k");
    writeFile(r + u"/debug.log"_s, "log");
    writeFile(r + u"/logs/app.log"_s, "nested log is kept: *.log is anchored");
    writeFile(r + u"/node_modules/keep.js"_s, "keep");
    writeFile(r + u"/node_modules/drop.js"_s, "drop");
    writeFile(r + u"/node_modules/sub/x.js"_s, "drop");
    writeFile(r + u"/.git/HEAD"_s, "ref");
    writeFile(r + u"/big.bin"_s, QByteArray(300 * 1024, 'z'));
    ::symlink("src/main.js", QFile::encodeName(r + u"/link.js"_s).constData());
    ::chmod(QFile::encodeName(r + u"/src/main.js"_s).constData(), 0755);
    return r;
}

void TestDockerIgnore::contextListing()
{
    QTemporaryDir dir;
    const QString root = makeTree(dir);
    auto list = BuildContext::list(root);
    QVERIFY2(list.hasValue(), qPrintable(list ? QString() : list.error().toString()));
    const QStringList expected = {
        u".dockerignore"_s,
        u"Dockerfile"_s,
        u"big.bin"_s,
        u"link.js"_s,
        u"logs"_s,
        u"logs/app.log"_s,
        u"node_modules/keep.js"_s,
        u"src"_s,
        u"src/deep"_s,
        u"src/main.js"_s,
    };
    QCOMPARE(*list, expected);
}

void TestDockerIgnore::contextTarContents()
{
    QTemporaryDir dir;
    const QString root = makeTree(dir);
    auto ctx = BuildContext::open(root);
    QVERIFY(ctx.hasValue());
    QByteArray tar;
    while (!(*ctx)->atEnd()) {
        auto r = (*ctx)->read(tar, 4096); // small slices: the packer must resume mid-file
        QVERIFY(r.hasValue());
    }
    QCOMPARE((*ctx)->bytesProduced(), tar.size());

    archive *a = archive_read_new();
    archive_read_support_format_tar(a);
    QCOMPARE(archive_read_open_memory(a, tar.constData(), size_t(tar.size())), ARCHIVE_OK);
    archive_entry *e = nullptr;
    QMap<QString, QByteArray> files;
    QStringList names;
    while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
        const QString name = QString::fromUtf8(archive_entry_pathname(e));
        names << name;
        QCOMPARE(archive_entry_uid(e), 0);
        QCOMPARE(archive_entry_gid(e), 0);
        if (name == u"link.js") {
            QCOMPARE(archive_entry_filetype(e), AE_IFLNK);
            QCOMPARE(QByteArray(archive_entry_symlink(e)), QByteArray("src/main.js"));
        }
        if (name == u"src/main.js")
            QCOMPARE(archive_entry_perm(e) & 0777, 0755);
        if (archive_entry_filetype(e) == AE_IFREG) {
            QByteArray data(qsizetype(archive_entry_size(e)), 0);
            QCOMPARE(archive_read_data(a, data.data(), size_t(data.size())), ssize_t(data.size()));
            files.insert(name, data);
        }
    }
    archive_read_free(a);
    QCOMPARE(names.size(), 10);
    QVERIFY(names.contains(u"src/"_s)); // directories carry a trailing slash in tar
    QCOMPARE(files.value(u"big.bin"_s), QByteArray(300 * 1024, 'z'));
    QCOMPARE(files.value(u"node_modules/keep.js"_s), QByteArray("keep"));
    QVERIFY(!files.contains(u"node_modules/drop.js"_s));
    QVERIFY(!files.contains(u"secret.env"_s));
}

void TestDockerIgnore::contextLimits()
{
    QTemporaryDir dir;
    const QString root = makeTree(dir);
    BuildContextOptions o;
    o.maxBytes = 100 * 1024;
    auto list = BuildContext::list(root, o);
    QVERIFY(!list.hasValue());
    QCOMPARE(list.error().code(), ttalkak::core::ErrorCode::TooLarge);

    BuildContextOptions escape;
    escape.dockerfile = u"../Dockerfile"_s;
    auto bad = BuildContext::open(root, escape);
    QVERIFY(!bad.hasValue());
    QCOMPARE(bad.error().code(), ttalkak::core::ErrorCode::Unsafe);

    auto missing = BuildContext::open(root + u"/nope"_s);
    QCOMPARE(missing.error().code(), ttalkak::core::ErrorCode::NotFound);
}

void TestDockerIgnore::contextKeepsDockerfileAndIgnore()
{
    QTemporaryDir dir;
    writeFile(dir.path() + u"/Dockerfile"_s, "FROM scratch\n");
    writeFile(dir.path() + u"/.dockerignore"_s, "*\n");
    writeFile(dir.path() + u"/app.js"_s, "x");
    BuildContextOptions o;
    o.extraFiles.insert(u".ttalkak.Dockerfile"_s, "FROM scratch\nCOPY . /\n");
    auto list = BuildContext::list(dir.path(), o);
    QVERIFY(list.hasValue());
    QCOMPARE(*list, (QStringList { u".dockerignore"_s, u"Dockerfile"_s, u".ttalkak.Dockerfile"_s }));
}

QTEST_GUILESS_MAIN(TestDockerIgnore)
#include "tst_dockerignore.moc"
