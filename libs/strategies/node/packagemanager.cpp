#include "packagemanager.h"

#include <QObject>
#include <QRegularExpression>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;

PackageManager::Spec PackageManager::parseSpec(const QString &field)
{
    Spec s;
    const QString f = field.trimmed();
    static const QRegularExpression re(
        u"^([a-z]+)(?:@([0-9]+(?:\\.[0-9]+){0,2}(?:-[0-9A-Za-z.-]+)?))?(\\+[0-9A-Za-z.]+)?$"_s);
    const auto m = re.match(f);
    if (!m.hasMatch()) {
        s.error = QObject::tr("\"%1\" is not of the form name@version (e.g. \"pnpm@9.1.0\")").arg(f.left(64));
        return s;
    }
    const QString name = m.captured(1);
    s.version = m.captured(2);
    if (name == u"npm" || name == u"pnpm" || name == u"bun") {
        s.name = name;
    } else if (name == u"yarn") {
        // Yarn 2+ ("berry") is a different program with different flags.
        s.name = s.version.isEmpty() || s.version.startsWith(u"1.") ? u"yarn"_s : u"yarn-berry"_s;
    } else {
        s.error = QObject::tr("unknown package manager \"%1\" (Ttalkak knows npm, yarn, pnpm and bun)").arg(name);
    }
    return s;
}

QStringList PackageManager::lockFiles()
{
    // A stray package-lock.json next to another manager's lock file is the
    // common accident (someone ran npm once), so npm's files come last.
    return { u"pnpm-lock.yaml"_s, u"yarn.lock"_s, u"bun.lock"_s, u"bun.lockb"_s, u"package-lock.json"_s,
        u"npm-shrinkwrap.json"_s };
}

QString PackageManager::managerForLock(const QString &lockFile, const QByteArray &head)
{
    if (lockFile == u"pnpm-lock.yaml")
        return u"pnpm"_s;
    if (lockFile == u"bun.lock" || lockFile == u"bun.lockb")
        return u"bun"_s;
    if (lockFile == u"package-lock.json" || lockFile == u"npm-shrinkwrap.json")
        return u"npm"_s;
    if (lockFile == u"yarn.lock")
        return head.contains("__metadata:") ? u"yarn-berry"_s : u"yarn"_s;
    return {};
}

QString PackageManager::majorForLock(const QString &manager, const QByteArray &head)
{
    if (manager == u"pnpm") {
        static const QRegularExpression re(u"lockfileVersion:\\s*'?\"?([0-9.]+)"_s);
        const auto m = re.match(QString::fromUtf8(head));
        if (!m.hasMatch())
            return {};
        const double v = m.captured(1).toDouble();
        if (v >= 9.0)
            return u"9"_s;
        if (v >= 6.0)
            return u"8"_s;
        if (v >= 5.4)
            return u"7"_s;
        return u"6"_s;
    }
    if (manager == u"yarn-berry") {
        static const QRegularExpression re(u"__metadata:\\s*\\n\\s*version:\\s*([0-9]+)"_s);
        const auto m = re.match(QString::fromUtf8(head));
        if (!m.hasMatch())
            return {};
        const int v = m.captured(1).toInt();
        return v >= 8 ? u"4"_s : v >= 6 ? u"3"_s : u"2"_s;
    }
    return {};
}

QStringList PackageManager::installArgv(const QString &manager, bool locked)
{
    if (manager == u"npm")
        return locked ? QStringList { u"npm"_s, u"ci"_s } : QStringList { u"npm"_s, u"install"_s };
    if (manager == u"yarn")
        return locked ? QStringList { u"yarn"_s, u"install"_s, u"--frozen-lockfile"_s }
                      : QStringList { u"yarn"_s, u"install"_s };
    if (manager == u"yarn-berry")
        return locked ? QStringList { u"yarn"_s, u"install"_s, u"--immutable"_s }
                      : QStringList { u"yarn"_s, u"install"_s };
    if (manager == u"pnpm")
        return locked ? QStringList { u"pnpm"_s, u"install"_s, u"--frozen-lockfile"_s }
                      : QStringList { u"pnpm"_s, u"install"_s };
    if (manager == u"bun")
        return locked ? QStringList { u"bun"_s, u"install"_s, u"--frozen-lockfile"_s }
                      : QStringList { u"bun"_s, u"install"_s };
    return {};
}

QStringList PackageManager::runArgv(const QString &manager, const QString &script)
{
    return { executable(manager), u"run"_s, script };
}

QStringList PackageManager::execArgv(const QString &manager, const QStringList &command)
{
    if (manager == u"pnpm")
        return QStringList { u"pnpm"_s, u"exec"_s } + command;
    if (manager == u"yarn" || manager == u"yarn-berry")
        return QStringList { u"yarn"_s } + command;
    if (manager == u"bun")
        return QStringList { u"bunx"_s } + command;
    return QStringList { u"npx"_s, u"--no-install"_s } + command;
}

bool PackageManager::needsCorepack(const QString &manager)
{
    return manager == u"pnpm" || manager == u"yarn-berry";
}

QString PackageManager::executable(const QString &manager)
{
    return manager == u"yarn-berry" ? u"yarn"_s : manager;
}

} // namespace ttalkak::strategies
