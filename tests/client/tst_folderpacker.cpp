// FolderPacker: what goes into a blob, and that the same folder always gives the same bytes.
#include <client/folderpacker.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <archive.h>
#include <archive_entry.h>

using namespace Qt::StringLiterals;
using namespace ttalkak::client;

namespace {

void write(const QString &root, const QString &rel, const QByteArray &content = "x")
{
    const QString path = root + u'/' + rel;
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

struct Entry
{
    QString path;
    int type = 0;
    int perm = 0;
    qint64 mtime = 0;
    QByteArray content;
};

QList<Entry> readArchive(const QString &path)
{
    QList<Entry> entries;
    archive *a = archive_read_new();
    archive_read_support_filter_gzip(a);
    archive_read_support_format_tar(a);
    if (archive_read_open_filename(a, QFile::encodeName(path).constData(), 10240) != ARCHIVE_OK) {
        archive_read_free(a);
        return entries;
    }
    archive_entry *e = nullptr;
    while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
        Entry entry;
        entry.path = QString::fromUtf8(archive_entry_pathname_utf8(e));
        if (entry.path.endsWith(u'/'))
            entry.path.chop(1); // tar writes directory names with a trailing slash
        entry.type = int(archive_entry_filetype(e));
        entry.perm = int(archive_entry_perm(e));
        entry.mtime = archive_entry_mtime(e);
        char buffer[4096];
        la_ssize_t n = 0;
        while ((n = archive_read_data(a, buffer, sizeof buffer)) > 0)
            entry.content.append(buffer, qsizetype(n));
        entries.append(entry);
    }
    archive_read_free(a);
    return entries;
}

QStringList paths(const QList<Entry> &entries)
{
    QStringList out;
    for (const Entry &e : entries)
        out.append(e.path);
    return out;
}

} // namespace

class TestFolderPacker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layoutAndIgnores()
    {
        QTemporaryDir dir;
        const QString root = dir.path() + u"/proj"_s;
        write(root, u"package.json"_s, "{}");
        write(root, u"src/main.js"_s, "console.log(1)");
        write(root, u"src/debug.log"_s);
        write(root, u"src/keep.log"_s);
        write(root, u"node_modules/react/index.js"_s);
        write(root, u"dist/out.js"_s);
        write(root, u".git/HEAD"_s, "ref: refs/heads/main");
        write(root, u"sub/.git"_s, "gitdir: ../.git/modules/sub"); // a submodule's .git file
        write(root, u"sub/file.txt"_s);
        write(root, u"secret.env"_s);
        write(root, u"docs/nested/.gitignore"_s, "*.tmp\n!important.tmp\n");
        write(root, u"docs/nested/a.tmp"_s);
        write(root, u"docs/nested/important.tmp"_s);
        write(root, u".gitignore"_s, "node_modules/\n*.log\n!keep.log\n/dist\n");
        write(root, u".dockerignore"_s, "secret.env\n");
        QFile::setPermissions(root + u"/src/main.js"_s, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(QFile::link(root + u"/package.json"_s, root + u"/link.json"_s));
        QVERIFY(QFile::link(u"/etc"_s, root + u"/etc-link"_s));

        auto packed = FolderPacker::pack(root, {});
        QVERIFY2(packed, packed ? "" : qPrintable(packed.error().toString()));
        const QList<Entry> entries = readArchive(packed->path);
        QCOMPARE(paths(entries), (QStringList{u".dockerignore"_s, u".gitignore"_s, u"docs"_s, u"docs/nested"_s,
                                              u"docs/nested/.gitignore"_s, u"docs/nested/important.tmp"_s, u"package.json"_s,
                                              u"src"_s, u"src/keep.log"_s, u"src/main.js"_s, u"sub"_s, u"sub/file.txt"_s}));
        for (const Entry &e : entries) {
            QVERIFY2(e.type == AE_IFREG || e.type == AE_IFDIR, qPrintable(e.path));
            QVERIFY(!e.path.startsWith(u'/') && !e.path.contains(u".."_s));
            QCOMPARE(e.mtime, qint64(946684800));
            QCOMPARE(e.perm, e.type == AE_IFDIR || e.path == u"src/main.js" ? 0755 : 0644);
        }
        QCOMPARE(entries.at(6).content, QByteArray("{}"));
        QCOMPARE(packed->fileCount, 8);
        QCOMPARE(packed->skipped.size(), 2);
        QVERIFY(packed->skipped.join(u'\n').contains(u"link.json"_s));
        QVERIFY(packed->skipped.join(u'\n').contains(u"etc-link"_s));
        QCOMPARE(packed->size, QFileInfo(packed->path).size());
        QFile::remove(packed->path);
    }

    void deterministic()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        // Same content, created in a different order and at different times.
        write(a.path(), u"z.txt"_s, "zz");
        write(a.path(), u"a/b.txt"_s, "bb");
        write(a.path(), u"Ä.txt"_s, "umlaut");
        QTest::qSleep(1100);
        write(b.path(), u"Ä.txt"_s, "umlaut");
        write(b.path(), u"a/b.txt"_s, "bb");
        write(b.path(), u"z.txt"_s, "zz");
        PackOptions options;
        options.outputPath = a.filePath(u"../one.tar.gz"_s);
        auto one = FolderPacker::pack(a.path(), {});
        auto two = FolderPacker::pack(b.path(), {});
        auto again = FolderPacker::pack(a.path(), {});
        QVERIFY(one && two && again);
        QCOMPARE(one->sha256, two->sha256);
        QCOMPARE(one->sha256, again->sha256);
        QCOMPARE(one->sha256.size(), 64);
        write(b.path(), u"z.txt"_s, "zZ");
        auto changed = FolderPacker::pack(b.path(), {});
        QVERIFY(changed->sha256 != one->sha256);
        for (const auto *r : {&one, &two, &again, &changed})
            QFile::remove((*r)->path);
    }

    void extraFilesAndCaps()
    {
        QTemporaryDir dir;
        write(dir.path(), u"web/index.html"_s, "<html>");
        write(dir.path(), u"web/.ttalkak/nginx.conf"_s, "user's");
        PackOptions options;
        options.extraFiles.insert(u"web/.ttalkak/nginx.conf"_s, "ours");
        options.extraFiles.insert(u"api/.ttalkak/x.conf"_s, "new");
        auto packed = FolderPacker::pack(dir.path(), options);
        QVERIFY(packed);
        const QList<Entry> entries = readArchive(packed->path);
        QVERIFY(paths(entries).contains(u"api"_s));
        QVERIFY(paths(entries).contains(u"api/.ttalkak"_s));
        QCOMPARE(paths(entries).count(u"web/.ttalkak/nginx.conf"_s), 1);
        for (const Entry &e : entries)
            if (e.path == u"web/.ttalkak/nginx.conf")
                QCOMPARE(e.content, QByteArray("ours"));
        QFile::remove(packed->path);

        PackOptions small;
        small.maxBytes = 3;
        auto tooBig = FolderPacker::pack(dir.path(), small);
        QVERIFY(!tooBig);
        QCOMPARE(tooBig.error().code(), ttalkak::core::ErrorCode::TooLarge);

        PackOptions escape;
        escape.extraFiles.insert(u"../evil"_s, "x");
        QCOMPARE(FolderPacker::pack(dir.path(), escape).error().code(), ttalkak::core::ErrorCode::Unsafe);
        QCOMPARE(FolderPacker::pack(dir.path() + u"/missing"_s).error().code(), ttalkak::core::ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestFolderPacker)
#include "tst_folderpacker.moc"
