// DeploySpecBuilder: the spec for a real sample project, and the relay's limits.
#include <client/deployspecbuilder.h>

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ttalkak;
using namespace ttalkak::client;

class TestDeploySpecBuilder : public QObject
{
    Q_OBJECT

private:
    static QString sample(const QString &rel)
    {
        return qEnvironmentVariable("TTALKAK_SOURCE_DIR") + u"/tests/samples/"_s + rel;
    }

private Q_SLOTS:
    void viteReactBlob()
    {
        auto b = DeploySpecBuilder::fromFolder(sample(u"frontend/vite-react"_s));
        QVERIFY2(b, b ? "" : qPrintable(b.error().toString()));
        QCOMPARE(b->plan().strategyId, u"vite"_s);
        const QString sha(64, u'a');
        b->setSource(SourceRef::fromBlob(sha, 1234)).setEnv({{u"API_URL"_s, u"https://api.example.com"_s}});
        auto spec = b->build();
        QVERIFY2(spec, spec ? "" : qPrintable(spec.error().toString()));
        QCOMPARE(spec->value(u"source"_s).toObject(),
                 (QJsonObject{{u"type"_s, u"blob"_s}, {u"blob"_s, sha}, {u"size"_s, 1234}}));
        QCOMPARE(spec->value(u"contextDir"_s).toString(), QString());
        QCOMPARE(spec->value(u"dockerfile"_s).toString(), b->generated().dockerfile);
        QVERIFY(spec->value(u"dockerfile"_s).toString().startsWith(u"# syntax"_s) || spec->value(u"dockerfile"_s).toString().contains(u"FROM "_s));
        QCOMPARE(spec->value(u"port"_s).toInt(), b->plan().port);
        QVERIFY(spec->value(u"port"_s).toInt() > 0);
        QCOMPARE(spec->value(u"env"_s).toObject(), (QJsonObject{{u"API_URL"_s, u"https://api.example.com"_s}}));
        QCOMPARE(spec->value(u"healthPath"_s).toString(), u"/"_s);
        QCOMPARE(spec->value(u"dockerignore"_s).toString(), b->generated().dockerignore);
        // Only the documented fields.
        const QStringList allowed{u"source"_s, u"contextDir"_s, u"dockerfile"_s, u"dockerignore"_s, u"buildArgs"_s,
                                  u"env"_s, u"port"_s, u"healthPath"_s};
        for (const QString &key : spec->keys())
            QVERIFY2(allowed.contains(key), qPrintable(key));
        // The static site's nginx.conf travels in the blob, at the folder-relative path.
        QVERIFY(b->contextFiles().contains(u".ttalkak/nginx.conf"_s));
    }

    void gitSourceAndLimits()
    {
        strategies::Plan plan;
        plan.port = 3000;
        plan.contextDir = u"apps/web"_s;
        plan.healthPath = u"/health"_s;
        strategies::Generated files;
        files.dockerfile = u"FROM node:20\n"_s;
        DeploySpecBuilder b(plan, files);
        QCOMPARE(b.build().error().code(), core::ErrorCode::InvalidInput); // no source

        const QString commit(40, u'c');
        b.setSource(SourceRef::fromGit(u"https://github.com/u/r.git"_s, u"main"_s, commit));
        b.setBuildArgs({{u"NODE_ENV"_s, u"production"_s}});
        auto spec = b.build();
        QVERIFY(spec);
        QCOMPARE(spec->value(u"source"_s).toObject(),
                 (QJsonObject{{u"type"_s, u"git"_s}, {u"url"_s, u"https://github.com/u/r.git"_s}, {u"ref"_s, u"main"_s}, {u"commit"_s, commit}}));
        QCOMPARE(spec->value(u"contextDir"_s).toString(), u"apps/web"_s);
        QCOMPARE(spec->value(u"buildArgs"_s).toObject().value(u"NODE_ENV"_s).toString(), u"production"_s);
        QCOMPARE(spec->value(u"healthPath"_s).toString(), u"/health"_s);
        QVERIFY(!spec->contains(u"dockerignore"_s));

        b.setEnv({{u"1BAD"_s, u"x"_s}});
        QCOMPARE(b.build().error().code(), core::ErrorCode::InvalidInput);
        b.setEnv({{u"OK"_s, QString(u"a"_s) + QChar(0)}});
        QCOMPARE(b.build().error().code(), core::ErrorCode::InvalidInput);
        b.setEnv({});
        b.setPort(70000);
        QCOMPARE(b.build().error().code(), core::ErrorCode::InvalidInput);
        b.setPort(3000);
        b.setSource(SourceRef::fromGit(u"ftp://x/r.git"_s));
        QCOMPARE(b.build().error().code(), core::ErrorCode::InvalidInput);
        b.setSource(SourceRef::fromGit(u"https://x/r.git"_s, {}, u"abc"_s));
        QCOMPARE(b.build().error().code(), core::ErrorCode::InvalidInput);
        b.setSource(SourceRef::fromGit(u"https://x/r.git"_s));
        b.setDockerfile(QString(65 * 1024, u'x'));
        QCOMPARE(b.build().error().code(), core::ErrorCode::InvalidInput);

        // A git source carries the generated helper files in spec.files (context-relative);
        // the blob packing still gets them at the folder-relative path.
        files.files.insert(u".ttalkak/nginx.conf"_s, "server { listen 8080; }\n");
        DeploySpecBuilder withFiles(plan, files);
        withFiles.setSource(SourceRef::fromGit(u"https://x/r.git"_s));
        auto withSpec = withFiles.build();
        QVERIFY2(withSpec, withSpec ? "" : qPrintable(withSpec.error().toString()));
        QCOMPARE(withSpec->value(u"files"_s).toObject(),
                 (QJsonObject{{u".ttalkak/nginx.conf"_s, u"server { listen 8080; }\n"_s}}));
        QCOMPARE(withFiles.contextFiles().keys(), QStringList{u"apps/web/.ttalkak/nginx.conf"_s});
        // ... but not for a blob source: the archive has them.
        withFiles.setSource(SourceRef::fromBlob(QString(64, u'b'), 10));
        QVERIFY(!withFiles.build()->contains(u"files"_s));
    }

    void helperFileLimits_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("copies");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << u".ttalkak/nginx.conf"_s << QByteArray("x") << 1 << true;
        QTest::newRow("twenty files") << u"f"_s << QByteArray("x") << 20 << true;
        QTest::newRow("21 files") << u"f"_s << QByteArray("x") << 21 << false;
        QTest::newRow("256 KiB") << u"f"_s << QByteArray(128 * 1024, 'x') << 2 << true;
        QTest::newRow("over 256 KiB") << u"f"_s << QByteArray(128 * 1024 + 1, 'x') << 2 << false;
        QTest::newRow("absolute") << u"/etc/passwd"_s << QByteArray("x") << 1 << false;
        QTest::newRow("dot-dot") << u"a/../../b"_s << QByteArray("x") << 1 << false;
        QTest::newRow(".git") << u".git/config"_s << QByteArray("x") << 1 << false;
        QTest::newRow("binary") << u"bin"_s << QByteArray("\xff\xfe", 2) << 1 << false;
    }

    void helperFileLimits()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        QFETCH(int, copies);
        QFETCH(bool, ok);
        strategies::Plan plan;
        plan.port = 8080;
        strategies::Generated files;
        files.dockerfile = u"FROM nginx\n"_s;
        for (int i = 0; i < copies; ++i)
            files.files.insert(copies == 1 ? path : path + QString::number(i), content);
        DeploySpecBuilder b(plan, files);
        b.setSource(SourceRef::fromGit(u"https://x/r.git"_s));
        auto spec = b.build();
        QCOMPARE(bool(spec), ok);
        if (!ok)
            QVERIFY(spec.error().message().startsWith(u"files"_s));
        else
            QCOMPARE(spec->value(u"files"_s).toObject().size(), copies);
    }
};

QTEST_GUILESS_MAIN(TestDeploySpecBuilder)
#include "tst_deployspecbuilder.moc"
