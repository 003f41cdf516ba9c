// SpringConfig against real files in a temporary repository.
#include <strategies/java/springconfig.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

using Files = QMap<QString, QByteArray>;
Q_DECLARE_METATYPE(Files)

namespace {
const QString resources = u"src/main/resources"_s;

void write(const QString &root, const Files &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = root + u"/src/main/resources/"_s + it.key();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(it.value());
    }
}
} // namespace

class TestSpringConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void port_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QString>("port"); // resolved server.port, "" = unset
        QTest::addColumn<QString>("file"); // where it came from
        QTest::addColumn<int>("line");

        QTest::newRow("none") << Files {} << QString() << QString() << 0;
        QTest::newRow("properties") << Files { { u"application.properties"_s, "server.port=8081\n" } } << u"8081"_s
                                    << u"application.properties"_s << 1;
        QTest::newRow("yml nested") << Files { { u"application.yml"_s,
            "spring:\n  application:\n    name: x\nserver:\n  port: 8082\n" } }
                                    << u"8082"_s << u"application.yml"_s << 5;
        QTest::newRow("yaml dotted key") << Files { { u"application.yaml"_s, "server.port: 8083\n" } } << u"8083"_s
                                         << u"application.yaml"_s << 1;
        QTest::newRow("properties beat yml") << Files { { u"application.yml"_s, "server:\n  port: 1\n" },
            { u"application.properties"_s, "server.port=2\n" } }
                                             << u"2"_s << u"application.properties"_s << 1;
        QTest::newRow("placeholder default") << Files { { u"application.properties"_s, "server.port=${PORT:8084}\n" } }
                                             << u"8084"_s << u"application.properties"_s << 1;
        QTest::newRow("placeholder from config")
            << Files { { u"application.properties"_s, "app.port=8085\nserver.port=${app.port:1}\n" } } << u"8085"_s
            << u"application.properties"_s << 2;
        QTest::newRow("profile file") << Files { { u"application.properties"_s,
                                                     "spring.profiles.active=prod\nserver.port=1\n" },
            { u"application-prod.yml"_s, "server:\n  port: 8086\n" } }
                                      << u"8086"_s << u"application-prod.yml"_s << 2;
        QTest::newRow("inactive profile file ignored") << Files { { u"application.properties"_s, "server.port=8087\n" },
            { u"application-dev.properties"_s, "server.port=1\n" } }
                                                       << u"8087"_s << u"application.properties"_s << 1;
        QTest::newRow("later profile wins")
            << Files { { u"application.yml"_s, "spring:\n  profiles:\n    active: a, b\n" },
                   { u"application-a.properties"_s, "server.port=1\n" },
                   { u"application-b.properties"_s, "server.port=8088\n" } }
            << u"8088"_s << u"application-b.properties"_s << 1;
        QTest::newRow("yaml list of profiles")
            << Files { { u"application.yml"_s, "spring:\n  profiles:\n    active:\n      - x\n" },
                   { u"application-x.properties"_s, "server.port=8089\n" } }
            << u"8089"_s << u"application-x.properties"_s << 1;
        QTest::newRow("multi-document on-profile") << Files { { u"application.yml"_s,
            "spring.profiles.active: prod\nserver.port: 1\n---\n"
            "spring.config.activate.on-profile: dev\nserver.port: 2\n---\n"
            "spring:\n  config:\n    activate:\n      on-profile: prod\nserver:\n  port: 8090\n" } }
                                                   << u"8090"_s << u"application.yml"_s << 12;
        QTest::newRow("legacy spring.profiles") << Files {
            { u"application.yml"_s, "spring.profiles.active: prod\n---\nspring.profiles: prod\nserver.port: 8091\n" }
        } << u"8091"_s << u"application.yml"_s << 4;
        QTest::newRow("negated profile") << Files { { u"application.yml"_s,
            "server.port: 1\n---\nspring.config.activate.on-profile: \"!dev\"\nserver.port: 8092\n" } }
                                         << u"8092"_s << u"application.yml"_s << 4;
        QTest::newRow("multi-document properties") << Files { { u"application.properties"_s,
            "spring.profiles.active=k8s\nserver.port=1\n#---\n"
            "spring.config.activate.on-profile=k8s\nserver.port=8093\n" } }
                                                   << u"8093"_s << u"application.properties"_s << 5;
        QTest::newRow("profile placeholder default")
            << Files { { u"application.properties"_s, "spring.profiles.active=${P:cloud}\n" },
                   { u"application-cloud.properties"_s, "server.port=8094\n" } }
            << u"8094"_s << u"application-cloud.properties"_s << 1;
    }
    void port()
    {
        QFETCH(Files, files);
        QFETCH(QString, port);
        QFETCH(QString, file);
        QFETCH(int, line);
        QTemporaryDir dir;
        write(dir.path(), files);
        auto repo = Repo::open(dir.path());
        QVERIFY(repo);
        auto config = SpringConfig::read(*repo, resources);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        const ConfigValue v = config->value(u"server.port"_s);
        QCOMPARE(config->resolve(v.value), port);
        QCOMPARE(v.file, file.isEmpty() ? QString() : resources + u'/' + file);
        QCOMPARE(v.line, line);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::newRow("bad indentation") << u"application.yml"_s << QByteArray("server:\n  port: 1\n   x: 2\n") << 3;
        QTest::newRow("unclosed flow") << u"application.yaml"_s << QByteArray("a: 1\nb: [1, 2\n") << 3;
        QTest::newRow("top-level list") << u"application.yml"_s << QByteArray("- a\n- b\n") << 1;
        QTest::newRow("profile file") << u"application-prod.yml"_s << QByteArray("a: 1\nb: [1\n") << 3;
    }
    void malformed()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QTemporaryDir dir;
        Files files { { name, text } };
        if (name.contains(u"prod"_s))
            files.insert(u"application.properties"_s, "spring.profiles.active=prod\n");
        write(dir.path(), files);
        auto repo = Repo::open(dir.path());
        QVERIFY(repo);
        auto config = SpringConfig::read(*repo, resources);
        QVERIFY(!config);
        QCOMPARE(config.error().file(), resources + u'/' + name);
        QCOMPARE(config.error().line(), line);
    }

    void profileNamesStayInTheFolder()
    {
        QTemporaryDir dir;
        write(dir.path(), { { u"application.properties"_s, "spring.profiles.active=../../x\nserver.port=1\n" } });
        auto repo = Repo::open(dir.path());
        QVERIFY(repo);
        auto config = SpringConfig::read(*repo, resources);
        QVERIFY(config);
        QCOMPARE(config->files().size(), 1);
    }

    void unresolvedPlaceholders()
    {
        QTemporaryDir dir;
        write(dir.path(), { { u"application.properties"_s, "server.port=${PORT}\n" } });
        auto repo = Repo::open(dir.path());
        QVERIFY(repo);
        auto config = SpringConfig::read(*repo, resources);
        QVERIFY(config);
        QStringList unresolved;
        QCOMPARE(config->resolve(config->value(u"server.port"_s).value, &unresolved), QString());
        QCOMPARE(unresolved, QStringList { u"PORT"_s });
    }
};

QTEST_GUILESS_MAIN(TestSpringConfig)
#include "tst_springconfig.moc"
