#include <model/projectsource.h>

#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using ttalkak::deployer::ProjectSource;

class TestProjectSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void localFolder()
    {
        QTemporaryDir dir;
        auto s = ProjectSource::fromLocalFolder(dir.path() + u"/./"_s);
        QVERIFY(s);
        QCOMPARE(s->kind(), ProjectSource::Kind::LocalFolder);
        QCOMPARE(s->localPath(), QDir::cleanPath(dir.path()));
        QVERIFY(!ProjectSource::fromLocalFolder(dir.filePath(u"missing"_s)));
        QVERIFY(!ProjectSource::fromLocalFolder({}));
    }

    void gitHubUrl_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("ref");
        QTest::newRow("https") << u"https://github.com/acme/web"_s << true << u"https://github.com/acme/web"_s
                               << QString();
        QTest::newRow(".git") << u"https://github.com/acme/web.git"_s << true << u"https://github.com/acme/web"_s
                              << QString();
        QTest::newRow("no scheme") << u"github.com/acme/web"_s << true << u"https://github.com/acme/web"_s << QString();
        QTest::newRow("tree ref") << u"https://github.com/acme/web/tree/feature/x"_s << true
                                  << u"https://github.com/acme/web"_s << u"feature/x"_s;
        QTest::newRow("scp") << u"git@github.com:acme/web.git"_s << true << u"https://github.com/acme/web"_s
                             << QString();
        QTest::newRow("enterprise") << u"https://git.example.com/team/app"_s << true
                                    << u"https://git.example.com/team/app"_s << QString();
        QTest::newRow("owner only") << u"https://github.com/acme"_s << false << QString() << QString();
        QTest::newRow("empty") << u"  "_s << false << QString() << QString();
        QTest::newRow("ftp") << u"ftp://github.com/acme/web"_s << false << QString() << QString();
        QTest::newRow("bad name") << u"https://github.com/acme/we$b"_s << false << QString() << QString();
        QTest::newRow("dotdot") << u"https://github.com/acme/.."_s << false << QString() << QString();
    }

    void gitHubUrl()
    {
        QFETCH(QString, input);
        QFETCH(bool, ok);
        QFETCH(QString, url);
        QFETCH(QString, ref);
        auto s = ProjectSource::fromGitHubUrl(input);
        QCOMPARE(bool(s), ok);
        if (!ok) {
            QVERIFY(!s.error().message().isEmpty());
            return;
        }
        QCOMPARE(s->kind(), ProjectSource::Kind::GitHub);
        QCOMPARE(s->repositoryUrl().toString(), url);
        QCOMPARE(s->ref(), ref);
    }

    void mimeData()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(u"package.json"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();

        QMimeData folder;
        folder.setUrls({ QUrl::fromLocalFile(dir.path()) });
        QVERIFY(ProjectSource::canAccept(folder));
        auto a = ProjectSource::fromMimeData(folder);
        QVERIFY(a);
        QCOMPARE(a->localPath(), QDir::cleanPath(dir.path()));

        QMimeData file; // a dropped file stands for its folder
        file.setUrls({ QUrl::fromLocalFile(f.fileName()) });
        auto b = ProjectSource::fromMimeData(file);
        QVERIFY(b);
        QCOMPARE(b->localPath(), QDir::cleanPath(dir.path()));

        QMimeData link; // a link dragged from a browser
        link.setUrls({ QUrl(u"https://github.com/acme/web"_s) });
        auto c = ProjectSource::fromMimeData(link);
        QVERIFY(c);
        QCOMPARE(c->kind(), ProjectSource::Kind::GitHub);

        QMimeData text;
        text.setText(u"not a url at all"_s);
        QVERIFY(!ProjectSource::fromMimeData(text));
        QMimeData empty;
        QVERIFY(!ProjectSource::canAccept(empty));
        QVERIFY(!ProjectSource::fromMimeData(empty));
    }
};

QTEST_GUILESS_MAIN(TestProjectSource)
#include "tst_projectsource.moc"
