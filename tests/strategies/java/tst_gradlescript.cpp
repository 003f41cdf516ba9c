#include <strategies/java/gradlescript.h>

#include <QTest>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

class TestGradleScript : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void springBootPlugin_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<bool>("found");
        QTest::addColumn<bool>("applied");
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("line");
        QTest::newRow("groovy") << u"plugins {\n  id 'java'\n  id 'org.springframework.boot' version '3.2.5'\n}\n"_s
                                << true << true << u"3.2.5"_s << 3;
        QTest::newRow("kotlin") << u"plugins {\n  id(\"org.springframework.boot\") version \"3.3.1\"\n}\n"_s << true
                                << true << u"3.3.1"_s << 2;
        QTest::newRow("no version") << u"plugins { id(\"org.springframework.boot\") }"_s << true << true << QString()
                                    << 1;
        QTest::newRow("apply false") << u"plugins {\n id 'org.springframework.boot' version '3.2.5' apply false\n}"_s
                                     << true << false << u"3.2.5"_s << 2;
        QTest::newRow("kotlin apply false")
            << u"id(\"org.springframework.boot\") version \"3.2.5\" apply(false)"_s << true << false << u"3.2.5"_s << 1;
        QTest::newRow("legacy apply") << u"apply plugin: 'java'\napply plugin: \"org.springframework.boot\"\n"_s << true
                                      << true << QString() << 2;
        QTest::newRow("kotlin legacy apply")
            << u"apply(plugin = \"org.springframework.boot\")"_s << true << true << QString() << 1;
        QTest::newRow("line comment") << u"// id 'org.springframework.boot' version '1'\nplugins { id 'java' }"_s
                                      << false << false << QString() << 0;
        QTest::newRow("block comment") << u"/* plugins {\n id 'org.springframework.boot'\n} */\n"_s << false << false
                                       << QString() << 0;
        QTest::newRow("url is not a comment")
            << u"maven { url 'https://x' } ; id 'org.springframework.boot' version '3.1.0'"_s << true << true
            << u"3.1.0"_s << 1;
        QTest::newRow("comment after") << u"\n\nid 'org.springframework.boot' version '3.0.0' // the app\n"_s << true
                                       << true << u"3.0.0"_s << 3;
        QTest::newRow("dependency-management only")
            << u"id 'io.spring.dependency-management' version '1.1.5'"_s << false << false << QString() << 0;
        QTest::newRow("other boot-ish id")
            << u"id 'org.springframework.boot.aot'"_s << false << false << QString() << 0;
        QTest::newRow("catalog alias") << u"plugins {\n alias(libs.plugins.spring.boot)\n}"_s << true << true
                                       << QString() << 2;
        QTest::newRow("other alias") << u"plugins { alias(libs.plugins.kotlin.jvm) }"_s << false << false << QString()
                                     << 0;
    }
    void springBootPlugin()
    {
        QFETCH(QString, script);
        QFETCH(bool, found);
        QFETCH(bool, applied);
        QFETCH(QString, version);
        QFETCH(int, line);
        const auto use = GradleScript::parse(script, u"build.gradle"_s).springBootPlugin({ u"spring.boot"_s });
        QCOMPARE(use.has_value(), found);
        if (!found)
            return;
        QCOMPARE(use->applied, applied);
        QCOMPARE(use->match.value, version);
        QCOMPARE(use->match.line, line);
    }

    void javaVersion_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("kind");
        QTest::newRow("toolchain groovy")
            << u"java {\n toolchain {\n  languageVersion = JavaLanguageVersion.of(21)\n }\n}"_s << u"21"_s
            << u"Gradle toolchain languageVersion"_s;
        QTest::newRow("toolchain kotlin set")
            << u"languageVersion.set(JavaLanguageVersion.of(17))"_s << u"17"_s << u"Gradle toolchain languageVersion"_s;
        QTest::newRow("toolchain string") << u"languageVersion = JavaLanguageVersion.of(\"11\")"_s << u"11"_s
                                          << u"Gradle toolchain languageVersion"_s;
        QTest::newRow("kotlin jvmToolchain") << u"kotlin { jvmToolchain(21) }"_s << u"21"_s << u"Kotlin jvmToolchain"_s;
        QTest::newRow("release") << u"tasks.withType(JavaCompile) { options.release = 17 }"_s << u"17"_s
                                 << u"compiler options.release"_s;
        QTest::newRow("sourceCompatibility string")
            << u"sourceCompatibility = '17'"_s << u"17"_s << u"sourceCompatibility"_s;
        QTest::newRow("sourceCompatibility enum")
            << u"java.sourceCompatibility = JavaVersion.VERSION_21"_s << u"21"_s << u"sourceCompatibility"_s;
        QTest::newRow("1_8 enum") << u"sourceCompatibility = JavaVersion.VERSION_1_8"_s << u"1.8"_s
                                  << u"sourceCompatibility"_s;
        QTest::newRow("bare 1.8") << u"sourceCompatibility = 1.8"_s << u"1.8"_s << u"sourceCompatibility"_s;
        QTest::newRow("toVersion") << u"sourceCompatibility = JavaVersion.toVersion(\"17\")"_s << u"17"_s
                                   << u"sourceCompatibility"_s;
        QTest::newRow("target over source")
            << u"sourceCompatibility = '11'\ntargetCompatibility = '17'"_s << u"17"_s << u"targetCompatibility"_s;
        QTest::newRow("toolchain over compat")
            << u"sourceCompatibility = '11'\njava.toolchain.languageVersion = JavaLanguageVersion.of(21)"_s << u"21"_s
            << u"Gradle toolchain languageVersion"_s;
        QTest::newRow("none") << u"plugins { id 'java' }"_s << QString() << QString();
        QTest::newRow("computed is unknown")
            << u"sourceCompatibility = project.javaVersion"_s << QString() << QString();
    }
    void javaVersion()
    {
        QFETCH(QString, script);
        QFETCH(QString, version);
        QFETCH(QString, kind);
        QString foundKind;
        const auto v = GradleScript::parse(script, u"build.gradle"_s).javaVersion(&foundKind);
        QCOMPARE(v ? v->value : QString(), version);
        QCOMPARE(v ? foundKind : QString(), kind);
    }

    void bootJarFileName_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("name");
        QTest::newRow("groovy block") << u"bootJar {\n  archiveFileName = 'app.jar'\n}"_s << u"app.jar"_s;
        QTest::newRow("kotlin named") << u"tasks.named<BootJar>(\"bootJar\") {\n  archiveFileName.set(\"svc.jar\")\n}"_s
                                      << u"svc.jar"_s;
        QTest::newRow("tasks.bootJar") << u"tasks.bootJar { archiveFileName.set(\"x.jar\") }"_s << u"x.jar"_s;
        QTest::newRow("property") << u"bootJar.archiveFileName = 'y.jar'"_s << u"y.jar"_s;
        QTest::newRow("interpolated is unknown")
            << u"bootJar { archiveFileName = \"${project.name}.jar\" }"_s << QString();
        QTest::newRow("jar task is not bootJar")
            << u"jar {\n  archiveFileName = 'plain.jar'\n}\nbootJar { enabled = true }"_s << QString();
        QTest::newRow("none") << u"plugins { id 'java' }"_s << QString();
    }
    void bootJarFileName()
    {
        QFETCH(QString, script);
        QFETCH(QString, name);
        const auto n = GradleScript::parse(script, u"build.gradle"_s).bootJarFileName();
        QCOMPARE(n ? n->value : QString(), name);
    }

    void includedProjects_data()
    {
        QTest::addColumn<QString>("settings");
        QTest::addColumn<QStringList>("projects");
        QTest::newRow("groovy list") << u"rootProject.name = 'x'\ninclude 'app', 'lib'\n"_s
                                     << QStringList { u"app"_s, u"lib"_s };
        QTest::newRow("kotlin call") << u"include(\":app\", \":lib\")"_s << QStringList { u"app"_s, u"lib"_s };
        QTest::newRow("nested path") << u"include 'services:api'"_s << QStringList { u"services/api"_s };
        QTest::newRow("multi-line call") << u"include(\n  \"a\",\n  \"b\"\n)\nrootProject.name = \"r\""_s
                                         << QStringList { u"a"_s, u"b"_s };
        QTest::newRow("groovy continuation")
            << u"include 'a',\n        'b'\nrootProject.name = 'r'"_s << QStringList { u"a"_s, u"b"_s };
        QTest::newRow("several statements") << u"include 'a'\ninclude 'b'\n"_s << QStringList { u"a"_s, u"b"_s };
        QTest::newRow("includeBuild is not a project")
            << u"includeBuild('../other')\ninclude 'a'"_s << QStringList { u"a"_s };
        QTest::newRow("commented") << u"// include 'old'\ninclude 'a'"_s << QStringList { u"a"_s };
    }
    void includedProjects()
    {
        QFETCH(QString, settings);
        QFETCH(QStringList, projects);
        QStringList found;
        for (const auto &m : GradleScript::parse(settings, u"settings.gradle"_s).includedProjects())
            found.append(m.value);
        QCOMPARE(found, projects);
    }
};

QTEST_GUILESS_MAIN(TestGradleScript)
#include "tst_gradlescript.moc"
