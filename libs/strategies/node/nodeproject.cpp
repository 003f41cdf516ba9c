#include "nodeproject.h"

#include "jsconfig.h"
#include "nodeversion.h"
#include "packagemanager.h"

#include <QJsonArray>
#include <QObject>
#include <QRegularExpression>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

namespace {
// A workspace with more packages than this gets "COPY . ." before the install
// rather than one COPY line per package.json.
constexpr int kMaxManifestCopies = 60;

QString relativeTo(const QString &root, const QString &path)
{
    if (root.isEmpty() || root == u".")
        return path;
    if (path == root)
        return {};
    return path.startsWith(root + u'/') ? path.mid(root.size() + 1) : path;
}

// Files that configure the install and must be in place before it runs.
const QStringList &installConfigFiles()
{
    static const QStringList files { u".npmrc"_s, u".yarnrc"_s, u".yarnrc.yml"_s, u"pnpm-workspace.yaml"_s,
        u".pnpmfile.cjs"_s, u"bunfig.toml"_s };
    return files;
}
const QStringList &installConfigDirs()
{
    // Yarn berry's checked-in release and plugins; patch folders used by
    // pnpm patchedDependencies and patch-package.
    static const QStringList dirs { u".yarn/releases"_s, u".yarn/plugins"_s, u".yarn/patches"_s, u"patches"_s };
    return dirs;
}

QStringList bundlerPackages()
{
    return { u"webpack"_s, u"webpack-cli"_s, u"parcel"_s, u"parcel-bundler"_s, u"rollup"_s, u"esbuild"_s,
        u"@rspack/cli"_s, u"@rsbuild/core"_s, u"snowpack"_s, u"browserify"_s };
}
QStringList uiPackages()
{
    return { u"react"_s, u"preact"_s, u"vue"_s, u"svelte"_s, u"solid-js"_s, u"lit"_s };
}
} // namespace

NodeProject::Framework NodeProject::frameworkOf(const Repo &repo, const QString &dir, const PackageJson &package)
{
    const QString build = package.script(u"build"_s);
    if (package.hasDependency(u"next"_s))
        return Framework::Next;
    if (package.hasDependency(u"react-scripts"_s))
        return Framework::CreateReactApp;
    if (package.hasDependency(u"vite"_s)) {
        // vite is also pulled in for vitest alone; then the build script names
        // the real bundler.
        static const QRegularExpression otherBundler(u"\\b(webpack|parcel|rollup|esbuild|rspack|rsbuild|tsc\\s*$)"_s);
        if (build.isEmpty() || build.contains(u"vite"_s))
            return Framework::Vite;
        if (!otherBundler.match(build).hasMatch()) {
            for (const QString &ext : { u"js"_s, u"ts"_s, u"mjs"_s, u"mts"_s, u"cjs"_s, u"cts"_s })
                if (repo.isFile(Repo::join(dir, u"vite.config."_s + ext)))
                    return Framework::Vite;
        }
    }
    if (!build.isEmpty()) {
        for (const QString &p : bundlerPackages() + uiPackages())
            if (package.hasDependency(p))
                return Framework::Bundler;
    }
    return Framework::None;
}

QString NodeProject::frameworkName(Framework framework)
{
    switch (framework) {
    case Framework::Next:
        return u"Next.js"_s;
    case Framework::CreateReactApp:
        return u"Create React App"_s;
    case Framework::Vite:
        return u"Vite"_s;
    case Framework::Bundler:
        return u"JavaScript bundler"_s;
    case Framework::None:
        break;
    }
    return {};
}

Result<std::optional<NodeProject>> NodeProject::load(const Repo &repo, const QString &appDir)
{
    const QString pkgPath = Repo::join(appDir, u"package.json"_s);
    if (!repo.isFile(pkgPath))
        return std::optional<NodeProject>();
    auto pkg = PackageJson::read(repo, pkgPath);
    if (!pkg)
        return pkg.error();

    NodeProject p;
    p.m_appDir = appDir;
    p.m_package = *pkg;

    auto ws = Workspaces::find(repo, appDir);
    if (!ws)
        return ws.error();
    p.m_workspace = *ws;
    if (p.m_workspace) {
        const QString root = p.m_workspace->root();
        p.m_contextDir = root.isEmpty() && !appDir.isEmpty() ? u"."_s : root;
        p.m_appPath = relativeTo(root, appDir);
        if (root != appDir) {
            const QString rootPkg = Repo::join(root, u"package.json"_s);
            if (repo.isFile(rootPkg)) {
                auto r = PackageJson::read(repo, rootPkg);
                if (!r)
                    return r.error();
                p.m_rootPackage = *r;
            }
            p.because(QObject::tr("monorepo: build from the workspace root so its lock file and packages are in reach"),
                p.m_workspace->file(), p.m_workspace->line(), p.m_workspace->patterns().join(u", "_s));
        }
        for (const QString &dir : p.m_workspace->packageDirs()) {
            const auto candidate = PackageJson::read(repo, Repo::join(dir, u"package.json"_s));
            if (candidate && frameworkOf(repo, dir, *candidate) != Framework::None)
                p.m_candidates.append(dir);
        }
    } else {
        p.m_contextDir = appDir;
    }

    if (auto r = p.detectPackageManager(repo); !r)
        return r.error();
    p.detectNodeVersion(repo);
    p.collectManifests(repo);
    return std::optional<NodeProject>(std::move(p));
}

Result<void> NodeProject::detectPackageManager(const Repo &repo)
{
    const QString ctx = m_contextDir == u"." ? QString() : m_contextDir;

    // 1. Corepack's field, nearest the install (the workspace root) first.
    QList<const PackageJson *> packages;
    if (m_rootPackage)
        packages.append(&*m_rootPackage);
    packages.append(&m_package);
    const PackageJson *fieldOwner = nullptr;
    PackageManager::Spec spec;
    for (const PackageJson *pkg : packages) {
        const QJsonValue field = pkg->json().value(u"packageManager"_s);
        if (field.isUndefined())
            continue;
        const int line = pkg->lineOf(u"packageManager"_s);
        if (!field.isString())
            return Error(ErrorCode::InvalidInput,
                QObject::tr("\"packageManager\" must be a string such as \"pnpm@9.1.0\""), pkg->path(), line);
        spec = PackageManager::parseSpec(field.toString());
        if (!spec.error.isEmpty())
            return Error(
                ErrorCode::InvalidInput, QObject::tr("\"packageManager\": %1").arg(spec.error), pkg->path(), line);
        fieldOwner = pkg;
        break;
    }

    // 2. The lock file in the install folder.
    QString lock;
    QString lockManager;
    QByteArray lockHead;
    for (const QString &name : PackageManager::lockFiles()) {
        const QString path = Repo::join(ctx, name);
        if (!repo.isFile(path))
            continue;
        if (name != u"bun.lockb") {
            auto data = repo.read(path);
            if (!data)
                return data.error();
            lockHead = data->left(4096);
        }
        lock = path;
        lockManager = PackageManager::managerForLock(name, lockHead);
        break;
    }

    if (fieldOwner) {
        m_manager = spec.name;
        m_managerVersion = spec.version;
        because(QObject::tr("package manager: %1 (\"packageManager\" field)").arg(spec.name), fieldOwner->path(),
            fieldOwner->lineOf(u"packageManager"_s),
            PackageJson::quotePair(u"packageManager"_s, fieldOwner->json().value(u"packageManager"_s).toString()));
        // Corepack reads the field from the folder the install runs in.
        if (PackageManager::needsCorepack(m_manager) && fieldOwner != packages.first())
            m_corepackInstall
                = PackageManager::executable(m_manager) + u'@' + (spec.version.isEmpty() ? u"latest"_s : spec.version);
        else if (PackageManager::needsCorepack(m_manager) && spec.version.isEmpty())
            m_corepackInstall = PackageManager::executable(m_manager) + u"@latest"_s;
        if (!lock.isEmpty() && lockManager != m_manager) {
            because(QObject::tr("lock file ignored: it belongs to %1, not %2; dependencies are installed without "
                                "a frozen lock file")
                        .arg(lockManager, m_manager),
                lock);
            lock.clear();
        }
    } else if (!lock.isEmpty()) {
        m_manager = lockManager;
        // For yarn.lock the header line is what tells classic from berry.
        QString marker;
        if (lockManager == u"yarn")
            marker = u"# yarn lockfile v1"_s;
        else if (lockManager == u"yarn-berry")
            marker = u"__metadata:"_s;
        const qsizetype at = marker.isEmpty() ? -1 : lockHead.indexOf(marker.toUtf8());
        const int markerLine = at < 0 ? 0 : int(std::count(lockHead.begin(), lockHead.begin() + at, '\n')) + 1;
        because(QObject::tr("package manager: %1 (lock file)").arg(m_manager), lock, markerLine,
            at < 0 ? QString() : marker);
        const QString major = PackageManager::majorForLock(m_manager, lockHead);
        if (PackageManager::needsCorepack(m_manager)) {
            const QString version = major.isEmpty() ? u"latest"_s : major;
            m_corepackInstall = PackageManager::executable(m_manager) + u'@' + version;
            if (!major.isEmpty())
                because(
                    QObject::tr("%1 %2 (the version that writes this lock file format; no \"packageManager\" field)")
                        .arg(m_manager, major),
                    lock);
        }
        m_managerVersion = major;
    } else {
        // 3. engines.<manager>, e.g. "engines": {"pnpm": ">=9"}.
        const PackageJson &top = *packages.first();
        for (const QString &name : { u"pnpm"_s, u"yarn"_s, u"bun"_s }) {
            const QString range = top.engine(name);
            if (range.isEmpty())
                continue;
            static const QRegularExpression firstNumber(u"([0-9]+)"_s);
            const QString major = firstNumber.match(range).captured(1);
            m_manager = name == u"yarn"_s && !major.isEmpty() && major.toInt() >= 2 ? u"yarn-berry"_s : name;
            m_managerVersion = major;
            if (PackageManager::needsCorepack(m_manager))
                m_corepackInstall
                    = PackageManager::executable(m_manager) + u'@' + (major.isEmpty() ? u"latest"_s : major);
            because(QObject::tr("package manager: %1 (engines)").arg(m_manager), top.path(),
                top.lineOf(name, u"engines"_s), PackageJson::quotePair(name, range));
            break;
        }
        if (m_manager.isEmpty()) {
            m_manager = u"npm"_s;
            because(QObject::tr(
                "package manager: npm (no packageManager field, lock file or engines entry names another)"));
        }
    }
    m_lockFile = lock;
    if (lock.isEmpty())
        because(QObject::tr("no lock file: dependencies are installed without one, so versions may drift between "
                            "builds; commit a lock file for reproducible deploys"));
    return core::ok();
}

void NodeProject::because(const QString &decision, const QString &file, int line, const QString &value)
{
    m_why.append(Reason { decision, file, line, value });
}

void NodeProject::detectNodeVersion(const Repo &repo)
{
    QStringList dirs { m_appDir };
    const QString ctx = m_contextDir == u"." ? QString() : m_contextDir;
    if (ctx != m_appDir)
        dirs.append(ctx);

    const auto use = [this](int major, const QString &rule, const QString &file, int line, const QString &value) {
        m_nodeMajor = major;
        QString decision = QObject::tr("Node.js %1").arg(major);
        if (!rule.isEmpty())
            decision += u": "_s + rule;
        because(decision, file, line, value);
    };
    QStringList unusable; // hints we could not use, said in the default's reason

    for (const QString &name : { u".nvmrc"_s, u".node-version"_s }) {
        for (const QString &dir : dirs) {
            const QString path = Repo::join(dir, name);
            if (!repo.isFile(path))
                continue;
            auto text = repo.read(path);
            if (!text)
                continue;
            const QString value = QString::fromUtf8(*text).trimmed().section(u'\n', 0, 0).left(64);
            const auto c = NodeVersion::fromPinFile(QString::fromUtf8(*text));
            if (c.major) {
                use(c.major, c.rule, path, 1, value);
                return;
            }
            unusable.append(u"%1: %2"_s.arg(path, c.error));
        }
    }
    QList<const PackageJson *> packages { &m_package };
    if (m_rootPackage)
        packages.append(&*m_rootPackage);
    for (const PackageJson *pkg : packages) {
        const QString range = pkg->engine(u"node"_s);
        if (range.isEmpty())
            continue;
        const auto c = NodeVersion::fromRange(range);
        const int line = pkg->lineOf(u"node"_s, u"engines"_s);
        if (c.major) {
            use(c.major, c.rule, pkg->path(), line, PackageJson::quotePair(u"node"_s, range));
            return;
        }
        unusable.append(u"%1:%2: engines.node %3"_s.arg(pkg->path()).arg(line).arg(c.error));
    }
    m_nodeMajor = NodeVersion::currentLts;
    if (unusable.isEmpty())
        because(QObject::tr("Node.js %1: the current LTS (no .nvmrc, .node-version or engines.node)").arg(m_nodeMajor));
    else
        because(QObject::tr("Node.js %1: the current LTS, because %2").arg(m_nodeMajor).arg(unusable.join(u"; "_s)));
}

void NodeProject::collectManifests(const Repo &repo)
{
    const QString ctx = m_contextDir == u"." ? QString() : m_contextDir;
    const auto add = [&](const QString &repoPath) { m_manifests.append(relativeTo(ctx, repoPath)); };
    add(Repo::join(ctx, u"package.json"_s));
    if (!m_lockFile.isEmpty())
        add(m_lockFile);
    for (const QString &f : installConfigFiles())
        if (repo.isFile(Repo::join(ctx, f)))
            add(Repo::join(ctx, f));
    for (const QString &d : installConfigDirs())
        if (repo.isDir(Repo::join(ctx, d)))
            add(Repo::join(ctx, d) + u'/');
    if (m_workspace) {
        for (const QString &dir : m_workspace->packageDirs())
            if (dir != ctx)
                add(Repo::join(dir, u"package.json"_s));
        if (!m_workspace->packageDirs().contains(m_appDir) && m_appDir != ctx)
            add(Repo::join(m_appDir, u"package.json"_s));
    }

    if (repo.isFile(Repo::join(ctx, u".dockerignore"_s))) {
        if (auto text = repo.read(Repo::join(ctx, u".dockerignore"_s)))
            m_userDockerignore = QString::fromUtf8(*text);
    }
    for (const QString &dir : QStringList { ctx, m_appDir }) {
        for (const QString &e : repo.entries(dir)) {
            if (e.startsWith(u".env"_s) && !e.endsWith(u'/'))
                m_envFiles.append(Repo::join(dir, e));
        }
        if (dir == m_appDir)
            break;
    }
    m_envFiles.removeDuplicates();
}

QStringList NodeProject::runScript(const QString &script) const
{
    return PackageManager::runArgv(m_manager, script);
}

void NodeProject::fill(Plan &plan) const
{
    plan.runtime = u"node"_s;
    plan.runtimeVersion = QString::number(m_nodeMajor);
    plan.packageManager = m_manager;
    plan.packageManagerVersion = m_managerVersion;
    plan.contextDir = m_contextDir;
    plan.appCandidates = m_candidates;
    plan.installCommand = PackageManager::installArgv(m_manager, !m_lockFile.isEmpty()).join(u' ');
    plan.why.append(m_why);

    // Lifecycle scripts of the root package run during the install and may
    // need any file, so the sources go in before it (no install cache then).
    bool copyAll = false;
    QList<const PackageJson *> packages { &m_package };
    if (m_rootPackage)
        packages.append(&*m_rootPackage);
    for (const PackageJson *pkg : packages) {
        for (const QString &hook : { u"preinstall"_s, u"install"_s, u"postinstall"_s }) {
            if (pkg->hasScript(hook) && !copyAll) {
                copyAll = true;
                plan.because(
                    QObject::tr("the whole source is copied before the install because a %1 script runs during "
                                "it (the dependency layer is rebuilt on every change)")
                        .arg(hook),
                    pkg->path(), PackageJson::quotePair(hook, pkg->script(hook)), pkg->lineOf(hook, u"scripts"_s));
            }
        }
    }
    if (m_workspace && m_workspace->packageDirs().size() > kMaxManifestCopies && !copyAll) {
        copyAll = true;
        plan.because(QObject::tr("the whole source is copied before the install: the workspace has %1 packages")
                         .arg(m_workspace->packageDirs().size()),
            m_workspace->file());
    }
    if (!m_envFiles.isEmpty())
        plan.because(QObject::tr("kept out of the image: %1 (pass build-time values as build arguments)")
                         .arg(m_envFiles.join(u", "_s)),
            m_envFiles.first());

    plan.details.insert(u"appPath"_s, m_appPath);
    plan.details.insert(u"manifests"_s, QJsonArray::fromStringList(m_manifests));
    if (copyAll)
        plan.details.insert(u"copyAllBeforeInstall"_s, true);
    if (!m_corepackInstall.isEmpty() || PackageManager::needsCorepack(m_manager))
        plan.details.insert(u"corepack"_s, m_corepackInstall.isEmpty() ? u"enable"_s : m_corepackInstall);
    if (m_manager == u"bun")
        plan.details.insert(
            u"globalInstall"_s, QString(u"bun@"_s + (m_managerVersion.isEmpty() ? u"1"_s : m_managerVersion)));
    if (!m_userDockerignore.isEmpty())
        plan.details.insert(u"userDockerignore"_s, m_userDockerignore);
}

} // namespace ttalkak::strategies
