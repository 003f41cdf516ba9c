// Reading config files without running them (JsConfig), workspace globs, and
// the nginx config the static strategies generate.
#include <strategies/node/jsconfig.h>
#include <strategies/node/nginxsite.h>
#include <strategies/node/workspaces.h>

#include <QTest>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

class TestNodeConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void property_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("present");
        QTest::addColumn<bool>("literal");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("line");
        QTest::newRow("single quotes") << u"export default {\n  build: { outDir: 'www' },\n}"_s << u"outDir"_s << true
                                       << true << u"www"_s << 2;
        QTest::newRow("double quotes") << u"{ \"output\": \"export\" }"_s << u"output"_s << true << true << u"export"_s
                                       << 1;
        QTest::newRow("template") << u"base: `/app/`,"_s << u"base"_s << true << true << u"/app/"_s << 1;
        QTest::newRow("computed") << u"outDir: resolve(__dirname, 'x'),"_s << u"outDir"_s << true << false << QString()
                                  << 1;
        QTest::newRow("line comment skipped")
            << u"// outDir: 'old'\noutDir: 'new'"_s << u"outDir"_s << true << true << u"new"_s << 2;
        QTest::newRow("block comment skipped")
            << u"/* output: 'export' */\nconst x = 1"_s << u"output"_s << false << false << QString() << 0;
        QTest::newRow("url in string is not a comment")
            << u"const u = 'https://x'; output: 'export'"_s << u"output"_s << true << true << u"export"_s << 1;
        QTest::newRow("other key with suffix") << u"myoutput: 'x'"_s << u"output"_s << false << false << QString() << 0;
        QTest::newRow("member access") << u"config.output: 1"_s << u"output"_s << false << false << QString() << 0;
        QTest::newRow("ternary") << u"output: isStatic ? 'export' : undefined,"_s << u"output"_s << true << false
                                 << QString() << 1;
        QTest::newRow("absent") << u"export default {}"_s << u"base"_s << false << false << QString() << 0;
    }
    void property()
    {
        QFETCH(QString, code);
        QFETCH(QString, key);
        QFETCH(bool, present);
        QFETCH(bool, literal);
        QFETCH(QString, value);
        QFETCH(int, line);
        const auto p = JsConfig::fromText(code).property(key);
        QCOMPARE(p.has_value(), present);
        if (!p)
            return;
        QCOMPARE(p->literal, literal);
        QCOMPARE(p->value, value);
        QCOMPARE(p->line, line);
    }

    void glob_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("match");
        QTest::newRow("star") << u"apps/*"_s << u"apps/web"_s << true;
        QTest::newRow("star is one segment") << u"apps/*"_s << u"apps/web/sub"_s << false;
        QTest::newRow("globstar") << u"packages/**"_s << u"packages/a/b"_s << true;
        QTest::newRow("dot slash") << u"./apps/*"_s << u"apps/web"_s << true;
        QTest::newRow("trailing slash") << u"apps/web/"_s << u"apps/web"_s << true;
        QTest::newRow("exact") << u"site"_s << u"site"_s << true;
        QTest::newRow("regex chars are literal") << u"a.b/*"_s << u"aXb/c"_s << false;
    }
    void glob()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, path);
        QFETCH(bool, match);
        QCOMPARE(Workspaces::globMatch(pattern, path), match);
    }

    void basePath_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("normalised"); // "" = rejected
        QTest::newRow("root") << u"/"_s << u"/"_s;
        QTest::newRow("relative") << u"./"_s << u"/"_s;
        QTest::newRow("empty") << QString() << u"/"_s;
        QTest::newRow("no slashes") << u"docs"_s << u"/docs/"_s;
        QTest::newRow("nested") << u"/a/b"_s << u"/a/b/"_s;
        QTest::newRow("traversal") << u"/../etc/"_s << QString();
        QTest::newRow("nginx syntax") << u"/x; return 200"_s << QString();
        QTest::newRow("brace") << u"/x}"_s << QString();
        QTest::newRow("newline") << u"/x\n"_s << u"/x/"_s; // trimmed
    }
    void basePath()
    {
        QFETCH(QString, value);
        QFETCH(QString, normalised);
        const auto r = NginxSite::normaliseBasePath(value);
        QCOMPARE(bool(r), !normalised.isEmpty());
        if (r)
            QCOMPARE(*r, normalised);
    }

    void nginxConfig()
    {
        NginxSite::Site site;
        const QByteArray spa = NginxSite::config(site);
        QVERIFY(spa.contains("listen 8080;"));
        QVERIFY(spa.contains("pid /tmp/nginx.pid;"));
        QVERIFY(spa.contains("try_files $uri $uri.html $uri/ /index.html;"));
        QVERIFY(spa.contains("gzip on;"));
        site.spaFallback = false;
        site.basePath = u"/docs/"_s;
        const QByteArray pages = NginxSite::config(site);
        QVERIFY(pages.contains("error_page 404 /docs/404.html;"));
        QVERIFY(pages.contains("return 302 /docs/;"));
        QVERIFY(!pages.contains("/docs/index.html;\n"));
    }
};

QTEST_GUILESS_MAIN(TestNodeConfig)
#include "tst_nodeconfig.moc"
