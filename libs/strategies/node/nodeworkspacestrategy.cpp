#include "nodeworkspacestrategy.h"

#include "nodeproject.h"
#include "workspaces.h"

#include <QObject>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

QString NodeWorkspaceStrategy::lookingFor() const
{
    return QObject::tr(
        "a JavaScript monorepo (package.json \"workspaces\" or pnpm-workspace.yaml): choose one of its apps");
}

Result<std::optional<Plan>> NodeWorkspaceStrategy::doDetect(const Repo &repo, const QString &appDir) const
{
    const QString pkgPath = Repo::join(appDir, u"package.json"_s);
    const bool hasPackage = repo.isFile(pkgPath);
    if (!hasPackage && !repo.isFile(Repo::join(appDir, u"pnpm-workspace.yaml"_s)))
        return std::optional<Plan>();
    if (hasPackage) {
        auto pkg = PackageJson::read(repo, pkgPath);
        if (!pkg)
            return pkg.error();
        if (NodeProject::frameworkOf(repo, appDir, *pkg) != NodeProject::Framework::None)
            return std::optional<Plan>();
    }
    auto ws = Workspaces::find(repo, appDir);
    if (!ws)
        return ws.error();
    if (!ws->has_value() || (*ws)->root() != appDir)
        return std::optional<Plan>();

    QStringList apps;
    for (const QString &dir : (*ws)->packageDirs()) {
        const auto pkg = PackageJson::read(repo, Repo::join(dir, u"package.json"_s));
        if (pkg && NodeProject::frameworkOf(repo, dir, *pkg) != NodeProject::Framework::None)
            apps.append(dir);
    }
    if (apps.isEmpty())
        return std::optional<Plan>(); // nothing deployable: the registry's "unknown project" error says what was looked
                                      // for
    return Error(ErrorCode::InvalidInput,
        QObject::tr("this is a monorepo; choose the app to deploy (--app DIR). Apps found: %1").arg(apps.join(u", "_s)),
        (*ws)->file(), (*ws)->line());
}

Result<Generated> NodeWorkspaceStrategy::doGenerate(const Plan &, const GenerateOptions &) const
{
    return Error(ErrorCode::InvalidInput, QObject::tr("a monorepo root is not deployable; choose one of its apps"));
}

} // namespace ttalkak::strategies
