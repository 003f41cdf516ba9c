#include "mavenspringstrategy.h"
#include "javaproperties.h"
#include "pomfile.h"
#include "springdockerfile.h"
#include "springsupport.h"

#include "../dockerfiletext.h"

#include <QDir>
#include <QJsonArray>
#include <QObject>
#include <QRegularExpression>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

namespace {
const QString bootGroup = u"org.springframework.boot"_s;
const QString bootPlugin = u"spring-boot-maven-plugin"_s;

QString dirOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? QString() : path.left(slash);
}

// "", "a/b" relative to "a" -> "b"; "" when equal.
QString relativeTo(const QString &base, const QString &path)
{
    if (base.isEmpty())
        return path;
    if (path == base)
        return {};
    return path.mid(base.size() + 1);
}

QString cleanRelative(const QString &path)
{
    QString c = QDir::cleanPath(path);
    return c == u"." ? QString() : c;
}

// A pom and the poms it inherits from that live in the same repository
// (nearest first), plus where the reactor (the aggregator) starts.
struct PomChain
{
    QList<PomFile> poms;
    QString reactorRoot; // repo-relative folder of the outermost aggregating pom

    const PomFile &self() const { return poms.first(); }

    // Maven's interpolation, limited to what a repository states: project.*,
    // properties along the chain. Environment and settings.xml are unknown.
    QString interpolate(QString s, int depth = 0) const
    {
        static const QRegularExpression re(u"\\$\\{([^}]+)\\}"_s);
        if (depth > 8)
            return s;
        QString out;
        qsizetype last = 0;
        for (auto it = re.globalMatch(s); it.hasNext();) {
            const auto m = it.next();
            out += s.mid(last, m.capturedStart() - last);
            last = m.capturedEnd();
            const QString value = lookup(m.captured(1));
            out += value.isNull() ? m.captured() : interpolate(value, depth + 1);
        }
        out += s.mid(last);
        return out;
    }

    QString lookup(const QString &name) const
    {
        const PomFile &p = self();
        if (name == u"project.version" || name == u"pom.version" || name == u"version")
            return version();
        if (name == u"project.artifactId" || name == u"pom.artifactId" || name == u"artifactId")
            return p.artifactId().text;
        if (name == u"project.groupId" || name == u"pom.groupId")
            return p.groupId().isSet() ? p.groupId().text : p.parent().coordinate.groupId;
        if (name == u"project.parent.version" || name == u"parent.version")
            return p.parent().coordinate.version;
        for (const PomFile &pom : poms)
            if (const auto it = pom.properties().constFind(name); it != pom.properties().cend())
                return it->text;
        return QString(); // null: unknown
    }

    QString version() const
    {
        const PomFile &p = self();
        return p.version().isSet() ? p.version().text : p.parent().coordinate.version;
    }

    struct Found
    {
        const PomFile *pom = nullptr;
        PomFile::Value value;
        QString name;
    };
    Found property(const QString &name) const
    {
        for (const PomFile &pom : poms)
            if (const auto it = pom.properties().constFind(name); it != pom.properties().cend())
                return { &pom, *it, name };
        return {};
    }

    const PomFile::Plugin *plugin(const QString &group, const QString &artifact, const PomFile **where) const
    {
        for (const PomFile &pom : poms)
            if (const auto *pl = pom.plugin(group, artifact)) {
                *where = &pom;
                return pl;
            }
        return nullptr;
    }

    const PomFile::Coordinate *dependency(const QString &group, const QString &artifact, const PomFile **where) const
    {
        for (const PomFile &pom : poms)
            if (const auto *c = pom.dependency(group, artifact)) {
                *where = &pom;
                return c;
            }
        return nullptr;
    }
};

// Loads dir/pom.xml and the in-repo parents it inherits from.
Result<PomChain> loadChain(const Repo &repo, const QString &dir)
{
    PomChain chain;
    auto self = PomFile::read(repo, Repo::join(dir, u"pom.xml"_s));
    if (!self)
        return self.error();
    chain.poms.append(*self);
    chain.reactorRoot = dir;
    QString currentDir = dir;
    bool aggregated = true; // every step so far lists the previous one as a module
    for (int depth = 0; depth < 8; ++depth) {
        const PomFile::Parent &parent = chain.poms.last().parent();
        if (!parent.isSet())
            break;
        QString rel = parent.relativePath.isSet() ? parent.relativePath.text : u"../pom.xml"_s;
        if (rel.isEmpty())
            break; // <relativePath/>: the parent comes from a repository
        QString parentPath = cleanRelative(Repo::join(currentDir, rel));
        if (!parentPath.endsWith(u".xml"_s))
            parentPath = Repo::join(parentPath, u"pom.xml"_s);
        if (parentPath.startsWith(u".."_s) || !repo.isFile(parentPath))
            break;
        auto pom = PomFile::read(repo, parentPath);
        if (!pom)
            return pom.error();
        // Maven only uses the relative path when the coordinates match.
        if (pom->artifactId().text != parent.coordinate.artifactId)
            break;
        const QString parentDir = dirOf(parentPath);
        bool lists = false;
        for (const PomFile::Value &m : pom->modules())
            lists = lists || cleanRelative(Repo::join(parentDir, m.text)) == currentDir;
        aggregated = aggregated && lists;
        if (aggregated)
            chain.reactorRoot = parentDir;
        chain.poms.append(*pom);
        currentDir = parentDir;
    }
    return chain;
}

// Every module folder of a reactor, breadth first, repo-relative.
Result<QStringList> reactorModules(const Repo &repo, const QString &root)
{
    QStringList out;
    QStringList pending { root };
    while (!pending.isEmpty() && out.size() < 500) {
        const QString dir = pending.takeFirst();
        auto pom = PomFile::read(repo, Repo::join(dir, u"pom.xml"_s));
        if (!pom)
            return pom.error();
        for (const PomFile::Value &m : pom->modules()) {
            QString moduleDir = cleanRelative(Repo::join(dir, m.text));
            if (moduleDir.endsWith(u".xml"_s))
                moduleDir = dirOf(moduleDir);
            if (moduleDir.startsWith(u".."_s) || out.contains(moduleDir))
                continue;
            if (!repo.isFile(Repo::join(moduleDir, u"pom.xml"_s)))
                return Error(
                    ErrorCode::NotFound, QObject::tr("module '%1' has no pom.xml").arg(m.text), pom->path(), m.line);
            out.append(moduleDir);
            pending.append(moduleDir);
        }
    }
    return out;
}

// What makes a pom chain a Spring Boot app, strongest evidence first.
struct BootEvidence
{
    QString how; // "plugin", "parent", "dependency management", "dependency"
    QString version; // interpolated, may be empty
    QString file;
    QString text;
    int line = 0;
    bool plugin = false; // spring-boot-maven-plugin runs (an executable jar)
    bool isSet() const { return !how.isEmpty(); }
};

BootEvidence bootEvidence(const PomChain &chain)
{
    // The parent or the imported BOM name the Spring Boot version, so they are
    // the better evidence to show; the plugin matters for the executable jar.
    const PomFile *where = nullptr;
    const auto *pl = chain.plugin(bootGroup, bootPlugin, &where);
    BootEvidence e;
    for (const PomFile &pom : chain.poms) {
        const auto &c = pom.parent().coordinate;
        if (c.groupId == bootGroup && c.artifactId == u"spring-boot-starter-parent") {
            e = { u"parent"_s, chain.interpolate(c.version), pom.path(),
                c.groupId + u':' + c.artifactId + u':' + c.version, c.line, false };
            break;
        }
        for (const auto &bom : pom.importedBoms())
            if (!e.isSet() && bom.groupId == bootGroup && bom.artifactId == u"spring-boot-dependencies")
                e = { u"dependency management"_s, chain.interpolate(bom.version), pom.path(),
                    bom.groupId + u':' + bom.artifactId + u':' + bom.version, bom.line, false };
        if (e.isSet())
            break;
    }
    if (!e.isSet() && pl)
        e = { u"plugin"_s, chain.interpolate(pl->coordinate.version), where->path(), bootGroup + u':' + bootPlugin,
            pl->coordinate.line, false };
    if (!e.isSet())
        for (const auto &dep : chain.self().dependencies())
            if (dep.groupId == bootGroup && dep.artifactId.startsWith(u"spring-boot"_s)) {
                e = { u"dependency"_s, chain.interpolate(dep.version), chain.self().path(),
                    dep.groupId + u':' + dep.artifactId, dep.line, false };
                break;
            }
    e.plugin = pl != nullptr;
    return e;
}

QString wrapperVersion(const Repo &repo, const QString &path, const QString &pattern)
{
    auto data = repo.read(path);
    if (!data)
        return {};
    const JavaProperties props = JavaProperties::parse(*data);
    const auto *url = props.find(u"distributionUrl"_s);
    if (!url)
        return {};
    const auto m = QRegularExpression(pattern).match(url->value);
    return m.hasMatch() ? m.captured(1) : QString();
}
} // namespace

QString MavenSpringStrategy::lookingFor() const
{
    return QObject::tr("Spring Boot with Maven: pom.xml using spring-boot-starter-parent, spring-boot-maven-plugin or "
                       "Spring Boot dependencies");
}

Result<std::optional<Plan>> MavenSpringStrategy::doDetect(const Repo &repo, const QString &appDir) const
{
    if (!repo.isFile(Repo::join(appDir, u"pom.xml"_s)))
        return std::optional<Plan>();
    auto requested = loadChain(repo, appDir);
    if (!requested)
        return requested.error();

    Plan plan;
    QString moduleDir = appDir; // repo-relative folder of the app module
    PomChain chain = *requested;

    // An aggregator: the app is the module that builds an executable jar.
    if (!requested->self().modules().isEmpty() && !bootEvidence(*requested).plugin) {
        auto modules = reactorModules(repo, appDir);
        if (!modules)
            return modules.error();
        QStringList apps;
        QList<PomChain> appChains;
        QString bootSomewhere;
        for (const QString &m : std::as_const(*modules)) {
            auto c = loadChain(repo, m);
            if (!c)
                return c.error();
            const PomFile *where = nullptr;
            if (c->self().plugin(bootGroup, bootPlugin)) {
                apps.append(m);
                appChains.append(*c);
            } else if (bootSomewhere.isEmpty()
                && (bootEvidence(*c).isSet() || c->plugin(bootGroup, bootPlugin, &where))) {
                bootSomewhere = c->self().path();
            }
        }
        if (apps.isEmpty()) {
            if (bootSomewhere.isEmpty() && !bootEvidence(*requested).isSet())
                return std::optional<Plan>();
            return Error(ErrorCode::Unsupported,
                QObject::tr("this Maven project uses Spring Boot, but no module applies spring-boot-maven-plugin, "
                            "so none builds an executable jar; add the plugin to the app module's <build><plugins>"),
                bootSomewhere.isEmpty() ? requested->self().path() : bootSomewhere);
        }
        moduleDir = apps.first();
        chain = appChains.first();
        if (apps.size() > 1) {
            plan.appCandidates = apps;
            plan.because(QObject::tr("several modules build Spring Boot apps (%1); using %2 — pick another with --app")
                             .arg(apps.join(u", "_s), moduleDir));
        }
        plan.because(
            QObject::tr("app module %1: it applies spring-boot-maven-plugin").arg(moduleDir), chain.self().path());
    }

    const BootEvidence boot = bootEvidence(chain);
    if (!boot.isSet())
        return std::optional<Plan>(); // a plain Maven project: not ours

    plan.framework = QObject::tr("Spring Boot (Maven)");
    plan.kind = ProjectKind::Backend;
    plan.packageManager = u"maven"_s;
    const QString root = chain.reactorRoot;
    // "" would be read as "the app folder" by Strategy::detect; "." is the repo root.
    plan.contextDir = root.isEmpty() && !appDir.isEmpty() ? u"."_s : root;
    const QString module = relativeTo(root, moduleDir);
    const QString bootVersion = boot.version.contains(u"${"_s) ? QString() : boot.version;
    {
        const QString v = bootVersion.isEmpty() ? QString() : u" "_s + bootVersion;
        const QString how = boot.how == u"plugin"  ? QObject::tr("spring-boot-maven-plugin")
            : boot.how == u"parent"                ? QObject::tr("parent spring-boot-starter-parent")
            : boot.how == u"dependency management" ? QObject::tr("imported spring-boot-dependencies BOM")
                                                   : QObject::tr("Spring Boot dependency");
        plan.because(QObject::tr("Spring Boot%1 (from the %2)").arg(v, how), boot.file, boot.text, boot.line);
    }
    if (!bootVersion.isEmpty())
        plan.details.insert(u"springBootVersion"_s, bootVersion);
    plan.details.insert(u"springBootFrom"_s, boot.how);
    if (!module.isEmpty()) {
        plan.details.insert(u"module"_s, module);
        plan.because(QObject::tr("multi-module build: context is the reactor root '%1', module %2")
                         .arg(root.isEmpty() ? u"."_s : root, module),
            Repo::join(root, u"pom.xml"_s));
    }
    for (const auto &[what, token] :
        { std::pair { QObject::tr("module"), module }, std::pair { QObject::tr("Spring Boot version"), bootVersion } })
        if (!token.isEmpty())
            if (auto v = validateToken(what, token); !v)
                return v.error();

    // Java version: what the compiler is told, in Maven's order of precedence.
    {
        QString found, file, text;
        int line = 0;
        for (const QString &name : { u"maven.compiler.release"_s, u"java.version"_s }) {
            if (const auto p = chain.property(name); p.pom) {
                found = chain.interpolate(p.value.text);
                file = p.pom->path();
                text = u"<%1>%2</%1>"_s.arg(name, p.value.text);
                line = p.value.line;
                break;
            }
        }
        if (found.isEmpty()) {
            const PomFile *where = nullptr;
            if (const auto *c = chain.plugin(u"org.apache.maven.plugins"_s, u"maven-compiler-plugin"_s, &where)) {
                for (const QString &key : { u"release"_s, u"target"_s, u"source"_s }) {
                    if (const auto it = c->configuration.constFind(key); it != c->configuration.cend()) {
                        found = chain.interpolate(it->text);
                        file = where->path();
                        text = u"maven-compiler-plugin <%1>%2</%1>"_s.arg(key, it->text);
                        line = it->line;
                        break;
                    }
                }
            }
        }
        if (found.isEmpty()) {
            for (const QString &name : { u"maven.compiler.target"_s, u"maven.compiler.source"_s }) {
                if (const auto p = chain.property(name); p.pom) {
                    found = chain.interpolate(p.value.text);
                    file = p.pom->path();
                    text = u"<%1>%2</%1>"_s.arg(name, p.value.text);
                    line = p.value.line;
                    break;
                }
            }
        }
        QStringList propertyDirs { moduleDir };
        if (root != moduleDir)
            propertyDirs.append(root);
        if (auto r = Internal::settleJavaVersion(plan, repo, found, file, text, line, propertyDirs, bootVersion); !r)
            return r.error();
    }

    // The wrapper lives at the reactor root.
    const QString mvnw = Repo::join(root, u"mvnw"_s);
    const QString wrapperProps = Repo::join(root, u".mvn/wrapper/maven-wrapper.properties"_s);
    const bool wrapper = repo.isFile(mvnw) && repo.isFile(wrapperProps);
    if (wrapper) {
        plan.packageManagerVersion = wrapperVersion(repo, wrapperProps, u"apache-maven-([0-9][0-9A-Za-z.-]*)-bin"_s);
        plan.because(QObject::tr("Maven wrapper %1: build with ./mvnw on a JDK image")
                         .arg(plan.packageManagerVersion)
                         .simplified(),
            mvnw);
    } else if (repo.isFile(mvnw)) {
        plan.because(
            QObject::tr("mvnw found without .mvn/wrapper/maven-wrapper.properties: using Maven from the image"), mvnw);
    } else {
        plan.because(QObject::tr("no Maven wrapper (mvnw): build with Maven from the image"));
    }
    plan.details.insert(u"buildTool"_s, u"maven"_s);
    plan.details.insert(u"wrapper"_s, wrapper);

    // The boot jar: <finalName> or <artifactId>-<version>, plus the plugin's
    // classifier; war packaging makes an executable war.
    const PomFile &self = chain.self();
    const PomFile *pluginPom = nullptr;
    const PomFile::Plugin *plugin = chain.plugin(bootGroup, bootPlugin, &pluginPom);
    {
        QString base;
        PomFile::Value finalName;
        QString finalNameFile;
        for (const PomFile &pom : chain.poms)
            if (pom.finalName().isSet()) {
                finalName = pom.finalName();
                finalNameFile = pom.path();
                break;
            }
        base = finalName.isSet() ? chain.interpolate(finalName.text)
                                 : self.artifactId().text + u'-' + chain.interpolate(chain.version());
        const QString packaging = self.packaging().isSet() ? chain.interpolate(self.packaging().text) : u"jar"_s;
        const QString ext = packaging == u"war" ? u"war"_s : u"jar"_s;
        QString classifier;
        if (plugin)
            if (const auto it = plugin->configuration.constFind(u"classifier"_s); it != plugin->configuration.cend())
                classifier = chain.interpolate(it->text);
        const QString name = base + (classifier.isEmpty() ? QString() : u'-' + classifier) + u'.' + ext;
        const QString targetDir = Repo::join(module, u"target"_s);
        if (name.contains(u"${"_s) || !validateToken(QString(), name)) {
            plan.details.insert(u"bootJarDir"_s, targetDir);
            plan.because(QObject::tr("boot jar: the one executable jar in %1 (its name '%2' depends on values not in "
                                     "the repository)")
                             .arg(targetDir, name));
        } else {
            const QString jar = Repo::join(targetDir, name);
            plan.details.insert(u"bootJar"_s, jar);
            if (finalName.isSet())
                plan.because(QObject::tr("boot jar %1").arg(jar), finalNameFile,
                    u"<finalName>"_s + finalName.text + u"</finalName>"_s, finalName.line);
            else
                plan.because(QObject::tr("boot jar %1 (artifactId-version%2)")
                                 .arg(jar, classifier.isEmpty() ? QString() : QObject::tr("-classifier")),
                    self.path(), self.artifactId().text + u':' + chain.version(), self.artifactId().line);
        }
    }

    const QString mvn = wrapper ? u"./mvnw"_s : u"mvn"_s;
    const QString selection = module.isEmpty() ? QString() : u" -pl "_s + module + u" -am"_s;
    plan.installCommand = mvn + u" -B dependency:go-offline"_s + selection;
    plan.buildCommand = mvn + u" -B package -DskipTests"_s + selection;
    if (plugin) {
        plan.because(QObject::tr("executable jar from spring-boot-maven-plugin"), pluginPom->path(),
            plugin->coordinate.groupId + u':' + plugin->coordinate.artifactId, plugin->coordinate.line);
    } else {
        // Without the plugin `package` makes a plain jar; run repackage explicitly.
        const QString goal = u"org.springframework.boot:spring-boot-maven-plugin:"_s
            + (bootVersion.isEmpty() ? QString() : bootVersion + u':') + u"repackage"_s;
        plan.buildCommand += u' ' + goal;
        plan.because(
            QObject::tr("spring-boot-maven-plugin is not in <build><plugins>: the build runs %1 to make the jar "
                        "executable")
                .arg(goal),
            self.path());
    }
    plan.startCommand = u"java -XX:MaxRAMPercentage=75 -jar app.jar"_s;

    // Actuator health and the port.
    const PomFile *actuatorPom = nullptr;
    const auto *actuator = chain.dependency(bootGroup, u"spring-boot-starter-actuator"_s, &actuatorPom);
    if (auto r = Internal::applySpringConfig(plan, repo, moduleDir, actuator != nullptr,
            actuatorPom ? actuatorPom->path() : QString(), actuator ? actuator->line : 0);
        !r)
        return r.error();

    // Build files copied before the sources: every pom of the reactor.
    QJsonArray files;
    QJsonArray outputs { u"target"_s };
    if (wrapper)
        files.append(u"mvnw"_s);
    files.append(u"pom.xml"_s);
    if (repo.isDir(Repo::join(root, u".mvn"_s)))
        files.append(u".mvn/"_s);
    auto modules = reactorModules(repo, root);
    if (!modules)
        return modules.error();
    for (const QString &m : std::as_const(*modules)) {
        const QString rel = relativeTo(root, m);
        files.append(Repo::join(rel, u"pom.xml"_s));
        outputs.append(Repo::join(rel, u"target"_s));
    }
    plan.details.insert(u"dependencyFiles"_s, files);
    plan.details.insert(u"ignoreOutputs"_s, outputs);
    Internal::keepDockerignore(plan, repo);
    return std::optional<Plan>(std::move(plan));
}

Result<Generated> MavenSpringStrategy::doGenerate(const Plan &plan, const GenerateOptions &options) const
{
    return Internal::generateSpringBoot(plan, options);
}

} // namespace ttalkak::strategies
