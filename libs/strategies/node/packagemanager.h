#pragma once
// PackageManager: the rules that name a JavaScript package manager and the
// commands that run it. Pure functions over text (tested with _data tables in
// tests/strategies/node/tst_packagemanager.cpp); NodeProject does the file reads.
//
// Names used in plans: npm, yarn (classic 1.x), yarn-berry (2+), pnpm, bun.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ttalkak::strategies {

class PackageManager
{
public:
    struct Spec
    {
        QString name; // plan name, "" on error
        QString version; // "9.1.0"; "" when the field gave none
        QString error; // why the field cannot be used
    };
    // The Corepack "packageManager" field: "pnpm@9.1.0", "yarn@4.1.1+sha224.abc...".
    static Spec parseSpec(const QString &field);

    // Lock files in the order they are looked for (first match wins).
    static QStringList lockFiles();
    // The manager a lock file belongs to; yarn.lock needs its first bytes
    // ("# yarn lockfile v1" = classic, "__metadata:" = berry).
    static QString managerForLock(const QString &lockFile, const QByteArray &head);
    // The major a lock file's format points to: pnpm "lockfileVersion: '9.0'" -> "9",
    // yarn berry "__metadata: version: 8" -> "4"; "" when unknown.
    static QString majorForLock(const QString &manager, const QByteArray &head);

    // Installing: frozen when a lock file exists.
    static QStringList installArgv(const QString &manager, bool locked);
    // Running a package.json script.
    static QStringList runArgv(const QString &manager, const QString &script);
    // Running a binary of an installed dependency ("vite build" -> "npx vite build").
    static QStringList execArgv(const QString &manager, const QStringList &command);
    // Whether the official node image lacks it and Corepack must provide it.
    static bool needsCorepack(const QString &manager);
    // The executable name ("yarn" for both yarns).
    static QString executable(const QString &manager);
};

} // namespace ttalkak::strategies
