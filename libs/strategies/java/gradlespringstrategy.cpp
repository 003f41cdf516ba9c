#include "gradlespringstrategy.h"
#include "gradlescript.h"
#include "javaproperties.h"
#include "springdockerfile.h"
#include "springsupport.h"

#include "../dockerfiletext.h"

#include <QJsonArray>
#include <QObject>
#include <QRegularExpression>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

namespace {
QString dirOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? QString() : path.left(slash);
}

QString relativeTo(const QString &base, const QString &path)
{
    if (base.isEmpty())
        return path;
    if (path == base)
        return {};
    return path.mid(base.size() + 1);
}

// build.gradle.kts wins when both exist, as in Gradle.
QString scriptIn(const Repo &repo, const QString &dir, const QString &name)
{
    for (const QString &ext : { u".gradle.kts"_s, u".gradle"_s }) {
        const QString path = Repo::join(dir, name + ext);
        if (repo.isFile(path))
            return path;
    }
    return {};
}

// gradle/libs.versions.toml, read just enough to map aliases: which plugin
// aliases are org.springframework.boot, which library aliases are actuator.
// (Line-based: the catalog format keeps one entry per line in practice.)
struct Catalog
{
    QStringList bootPluginAccessors; // "spring.boot" for libs.plugins.spring.boot
    QString bootPluginVersion;
    QStringList actuatorAccessors; // "libs.spring.boot.starter.actuator"
    QString file;
};

Catalog readCatalog(const Repo &repo, const QString &root)
{
    Catalog c;
    c.file = Repo::join(root, u"gradle/libs.versions.toml"_s);
    if (!repo.isFile(c.file))
        return c;
    auto data = repo.read(c.file);
    if (!data)
        return c;
    static const QRegularExpression entryRe(u"^\\s*([A-Za-z0-9_.-]+)\\s*=\\s*(.*)$"_s);
    static const QRegularExpression versionRe(u"version\\s*=\\s*\"([^\"]+)\""_s);
    static const QRegularExpression versionRefRe(u"version\\.ref\\s*=\\s*\"([^\"]+)\""_s);
    QString section;
    QHash<QString, QString> versions;
    QString bootVersionRef;
    for (const QString &raw : QString::fromUtf8(*data).split(u'\n')) {
        const QString line = raw.section(u'#', 0, 0).trimmed();
        if (line.startsWith(u'[')) {
            section = line;
            continue;
        }
        const auto m = entryRe.match(line);
        if (!m.hasMatch())
            continue;
        const QString key = m.captured(1);
        const QString value = m.captured(2);
        const QString accessor = QString(key).replace(u'-', u'.').replace(u'_', u'.');
        if (section == u"[versions]") {
            versions.insert(key, value.trimmed().remove(u'"'));
        } else if (section == u"[plugins]" && value.contains(u"org.springframework.boot\""_s)) {
            c.bootPluginAccessors.append(accessor);
            if (const auto v = versionRe.match(value); v.hasMatch())
                c.bootPluginVersion = v.captured(1);
            else if (const auto r = versionRefRe.match(value); r.hasMatch())
                bootVersionRef = r.captured(1);
        } else if (section == u"[libraries]" && value.contains(u"spring-boot-starter-actuator"_s)) {
            c.actuatorAccessors.append(u"libs."_s + accessor);
        }
    }
    if (c.bootPluginVersion.isEmpty() && !bootVersionRef.isEmpty())
        c.bootPluginVersion = versions.value(bootVersionRef);
    return c;
}

QString wrapperVersion(const Repo &repo, const QString &path)
{
    auto data = repo.read(path);
    if (!data)
        return {};
    const JavaProperties props = JavaProperties::parse(*data); // find() points into it: keep it alive
    const auto *url = props.find(u"distributionUrl"_s);
    if (!url)
        return {};
    static const QRegularExpression re(u"gradle-([0-9][0-9A-Za-z.-]*?)-(?:bin|all)\\.zip"_s);
    const auto m = re.match(url->value);
    return m.hasMatch() ? m.captured(1) : QString();
}
} // namespace

QString GradleSpringStrategy::lookingFor() const
{
    return QObject::tr("Spring Boot with Gradle: build.gradle or build.gradle.kts applying the "
                       "org.springframework.boot plugin");
}

Result<std::optional<Plan>> GradleSpringStrategy::doDetect(const Repo &repo, const QString &appDir) const
{
    const QString ownBuild = scriptIn(repo, appDir, u"build"_s);
    const QString ownSettings = scriptIn(repo, appDir, u"settings"_s);
    if (ownBuild.isEmpty() && ownSettings.isEmpty())
        return std::optional<Plan>();

    // The build root: this folder if it has settings, else the nearest
    // ancestor whose settings include this folder as a project.
    QString root = appDir;
    QString settingsPath = ownSettings;
    if (ownSettings.isEmpty()) {
        QString dir = appDir;
        while (!dir.isEmpty()) {
            dir = dirOf(dir);
            const QString s = scriptIn(repo, dir, u"settings"_s);
            if (s.isEmpty())
                continue;
            auto settings = GradleScript::read(repo, s);
            if (!settings)
                return settings.error();
            for (const auto &p : settings->includedProjects())
                if (Repo::join(dir, p.value) == appDir) {
                    root = dir;
                    settingsPath = s;
                }
            break;
        }
    }
    std::optional<GradleScript> settings;
    QList<GradleScript::Match> projects;
    if (!settingsPath.isEmpty()) {
        auto s = GradleScript::read(repo, settingsPath);
        if (!s)
            return s.error();
        settings = *s;
        projects = settings->includedProjects();
    }
    const Catalog catalog = readCatalog(repo, root);
    const QString rootBuildPath = scriptIn(repo, root, u"build"_s);
    std::optional<GradleScript> rootBuild;
    if (!rootBuildPath.isEmpty()) {
        auto s = GradleScript::read(repo, rootBuildPath);
        if (!s)
            return s.error();
        rootBuild = *s;
    }

    Plan plan;
    QString appBuildPath = ownBuild;
    // The root of a multi-project build: find the project applying Spring Boot.
    if (appDir == root && !projects.isEmpty()
        && !(rootBuild
            && rootBuild->springBootPlugin(catalog.bootPluginAccessors)
                   .value_or(GradleScript::PluginUse { {}, false })
                   .applied)) {
        QStringList apps;
        QStringList appScripts;
        for (const auto &p : std::as_const(projects)) {
            const QString dir = Repo::join(root, p.value);
            const QString path = scriptIn(repo, dir, u"build"_s);
            if (path.isEmpty())
                continue;
            auto s = GradleScript::read(repo, path);
            if (!s)
                return s.error();
            if (const auto use = s->springBootPlugin(catalog.bootPluginAccessors); use && use->applied) {
                apps.append(dir);
                appScripts.append(path);
            }
        }
        if (apps.isEmpty()) {
            if (rootBuild && rootBuild->mention(u"org.springframework.boot"_s))
                return Error(ErrorCode::Unsupported,
                    QObject::tr("this Gradle build declares Spring Boot, but no project applies the "
                                "org.springframework.boot plugin, so none has a bootJar task"),
                    rootBuildPath);
            return std::optional<Plan>();
        }
        appBuildPath = appScripts.first();
        if (apps.size() > 1) {
            plan.appCandidates = apps;
            plan.because(QObject::tr("several projects apply Spring Boot (%1); using %2 — pick another with --app")
                             .arg(apps.join(u", "_s), apps.first()));
        }
        plan.because(QObject::tr("app project %1: it applies the org.springframework.boot plugin").arg(apps.first()),
            appBuildPath);
    }
    if (appBuildPath.isEmpty())
        return std::optional<Plan>();
    auto appBuild = GradleScript::read(repo, appBuildPath);
    if (!appBuild)
        return appBuild.error();
    const QString moduleDir = dirOf(appBuildPath);
    const QString project = relativeTo(root, moduleDir);

    // Spring Boot: the plugin makes the bootJar task; without it there is no
    // executable jar, which is worth saying rather than passing the project on.
    const auto use = appBuild->springBootPlugin(catalog.bootPluginAccessors);
    std::optional<GradleScript::Match> legacyClasspath;
    if (!use || !use->applied) {
        if (const auto starter = appBuild->mention(u"org.springframework.boot:spring-boot-starter"_s))
            return Error(ErrorCode::Unsupported,
                QObject::tr("uses Spring Boot starters but does not apply the org.springframework.boot plugin, "
                            "so there is no bootJar task to build an executable jar"),
                appBuildPath, starter->line);
        return std::optional<Plan>();
    }
    QString bootVersion = use->match.value;
    if (bootVersion.isEmpty() && rootBuild)
        if (const auto declared = rootBuild->springBootPlugin(catalog.bootPluginAccessors))
            bootVersion = declared->match.value;
    if (bootVersion.isEmpty() && settings)
        if (const auto declared = settings->springBootPlugin(catalog.bootPluginAccessors))
            bootVersion = declared->match.value;
    if (bootVersion.isEmpty() && use->match.text.contains(u"libs.plugins"_s))
        bootVersion = catalog.bootPluginVersion;
    if (bootVersion.isEmpty())
        for (const auto &s : { &*appBuild, rootBuild ? &*rootBuild : nullptr })
            if (s && bootVersion.isEmpty())
                if (const auto cp = s->springBootGradlePluginClasspath())
                    bootVersion = cp->value;
    if (!bootVersion.isEmpty() && !validateToken(QString(), bootVersion))
        bootVersion.clear();

    plan.framework = QObject::tr("Spring Boot (Gradle)");
    plan.kind = ProjectKind::Backend;
    plan.packageManager = u"gradle"_s;
    // "" would be read as "the app folder" by Strategy::detect; "." is the repo root.
    plan.contextDir = root.isEmpty() && !appDir.isEmpty() ? u"."_s : root;
    plan.because(QObject::tr("Spring Boot%1 (from the org.springframework.boot plugin)")
                     .arg(bootVersion.isEmpty() ? QString() : u" "_s + bootVersion),
        appBuildPath, use->match.text, use->match.line);
    plan.because(
        appBuild->isKotlin() ? QObject::tr("Gradle Kotlin DSL") : QObject::tr("Gradle Groovy DSL"), appBuildPath);
    if (!bootVersion.isEmpty())
        plan.details.insert(u"springBootVersion"_s, bootVersion);
    plan.details.insert(u"springBootFrom"_s, u"plugin"_s);
    if (!project.isEmpty()) {
        if (auto v = validateToken(QObject::tr("project folder"), project); !v)
            return v.error();
        plan.details.insert(u"module"_s, project);
        plan.because(QObject::tr("multi-project build: context is the settings folder '%1', project :%2")
                         .arg(root.isEmpty() ? u"."_s : root, QString(project).replace(u'/', u':')),
            settingsPath);
    }

    // Java version: the app's script, then the root's (allprojects/subprojects).
    {
        QString kind;
        std::optional<GradleScript::Match> v = appBuild->javaVersion(&kind);
        QString file = appBuildPath;
        if (!v && rootBuild && rootBuildPath != appBuildPath) {
            v = rootBuild->javaVersion(&kind);
            file = rootBuildPath;
        }
        QStringList propertyDirs { moduleDir };
        if (root != moduleDir)
            propertyDirs.append(root);
        if (auto r = Internal::settleJavaVersion(plan, repo, v ? v->value : QString(), file,
                v ? kind + u": "_s + v->text : QString(), v ? v->line : 0, propertyDirs, bootVersion);
            !r)
            return r.error();
    }

    // The wrapper needs its script, properties and jar.
    const QString gradlew = Repo::join(root, u"gradlew"_s);
    const QString wrapperProps = Repo::join(root, u"gradle/wrapper/gradle-wrapper.properties"_s);
    const QString wrapperJar = Repo::join(root, u"gradle/wrapper/gradle-wrapper.jar"_s);
    const bool wrapper = repo.isFile(gradlew) && repo.isFile(wrapperProps) && repo.isFile(wrapperJar);
    if (wrapper) {
        plan.packageManagerVersion = wrapperVersion(repo, wrapperProps);
        plan.because(QObject::tr("Gradle wrapper %1: build with ./gradlew on a JDK image")
                         .arg(plan.packageManagerVersion)
                         .simplified(),
            wrapperProps);
    } else if (repo.isFile(gradlew)) {
        plan.because(QObject::tr("gradlew found without gradle/wrapper/gradle-wrapper.properties and .jar: using "
                                 "Gradle from the image"),
            gradlew);
    } else {
        plan.because(QObject::tr("no Gradle wrapper (gradlew): build with Gradle from the image"));
    }
    plan.details.insert(u"buildTool"_s, u"gradle"_s);
    plan.details.insert(u"wrapper"_s, wrapper);

    // The boot jar: a literal archiveFileName, else the one non-plain jar.
    const QString libs = Repo::join(project, u"build/libs"_s);
    if (const auto name = appBuild->bootJarFileName(); name && validateToken(QString(), name->value)) {
        const QString jar = Repo::join(libs, name->value);
        plan.details.insert(u"bootJar"_s, jar);
        plan.because(QObject::tr("boot jar %1").arg(jar), appBuildPath, name->text, name->line);
    } else {
        plan.details.insert(u"bootJarDir"_s, libs);
        plan.because(QObject::tr("boot jar: the jar in %1 that is not the -plain jar").arg(libs));
    }

    const QString gradle = wrapper ? u"./gradlew"_s : u"gradle"_s;
    const QString prefix = project.isEmpty() ? QString() : u':' + QString(project).replace(u'/', u':') + u':';
    plan.installCommand = gradle + u" --no-daemon "_s + prefix + u"dependencies"_s;
    plan.buildCommand = gradle + u" --no-daemon "_s + prefix + u"bootJar"_s;
    plan.startCommand = u"java -XX:MaxRAMPercentage=75 -jar app.jar"_s;

    // Actuator: a literal dependency or a catalog accessor that names it.
    std::optional<GradleScript::Match> actuator = appBuild->mention(u"spring-boot-starter-actuator"_s);
    for (const QString &accessor : catalog.actuatorAccessors)
        if (!actuator)
            actuator = appBuild->mention(accessor);
    if (auto r = Internal::applySpringConfig(
            plan, repo, moduleDir, actuator.has_value(), appBuildPath, actuator ? actuator->line : 0);
        !r)
        return r.error();

    // Build files copied before the sources.
    QJsonArray files;
    QJsonArray outputs { u"build"_s };
    const auto addFile = [&](const QString &repoPath) {
        if (!repoPath.isEmpty() && repo.isFile(repoPath))
            files.append(relativeTo(root, repoPath));
    };
    if (wrapper)
        files.append(u"gradlew"_s);
    addFile(settingsPath);
    addFile(rootBuildPath);
    addFile(Repo::join(root, u"gradle.properties"_s));
    if (repo.isDir(Repo::join(root, u"gradle"_s)))
        files.append(u"gradle/"_s);
    if (repo.isDir(Repo::join(root, u"buildSrc"_s))) {
        files.append(u"buildSrc/"_s);
        outputs.append(u"buildSrc/build"_s);
    }
    for (const auto &p : std::as_const(projects)) {
        addFile(scriptIn(repo, Repo::join(root, p.value), u"build"_s));
        outputs.append(Repo::join(p.value, u"build"_s));
    }
    plan.details.insert(u"dependencyFiles"_s, files);
    plan.details.insert(u"ignoreOutputs"_s, outputs);
    Internal::keepDockerignore(plan, repo);
    return std::optional<Plan>(std::move(plan));
}

Result<Generated> GradleSpringStrategy::doGenerate(const Plan &plan, const GenerateOptions &options) const
{
    return Internal::generateSpringBoot(plan, options);
}

} // namespace ttalkak::strategies
