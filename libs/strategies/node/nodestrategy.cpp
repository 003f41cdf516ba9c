#include "nodestrategy.h"

#include "nginxsite.h"
#include "nodedockerfile.h"

#include "../dockerfiletext.h"

#include <QObject>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Result;

Result<std::optional<Plan>> NodeStrategy::doDetect(const Repo &repo, const QString &appDir) const
{
    const QString pkgPath = Repo::join(appDir, u"package.json"_s);
    if (!repo.isFile(pkgPath))
        return std::optional<Plan>();
    auto pkg = PackageJson::read(repo, pkgPath);
    if (!pkg)
        return pkg.error();
    if (NodeProject::frameworkOf(repo, appDir, *pkg) != m_framework)
        return std::optional<Plan>();

    auto project = NodeProject::load(repo, appDir);
    if (!project)
        return project.error();
    if (!project->has_value())
        return std::optional<Plan>();

    Plan plan;
    plan.framework = NodeProject::frameworkName(m_framework);
    plan.kind = ProjectKind::Frontend;
    // The dependency that gave the framework away.
    QString dep;
    switch (m_framework) {
    case NodeProject::Framework::Next:
        dep = u"next"_s;
        break;
    case NodeProject::Framework::CreateReactApp:
        dep = u"react-scripts"_s;
        break;
    case NodeProject::Framework::Vite:
        dep = u"vite"_s;
        break;
    case NodeProject::Framework::Bundler:
    case NodeProject::Framework::None:
        break;
    }
    if (!dep.isEmpty())
        plan.because(QObject::tr("framework: %1").arg(plan.framework), pkgPath,
            PackageJson::quotePair(dep, pkg->dependency(dep)), pkg->lineOf(dep));
    (*project)->fill(plan);
    if (auto r = detectFramework(repo, **project, plan); !r)
        return r.error();
    return std::optional<Plan>(std::move(plan));
}

QString NodeStrategy::inContext(const Plan &plan, const QString &appRelative)
{
    const QString appPath = plan.details.value(u"appPath"_s).toString();
    return Repo::join(appPath, appRelative);
}

Result<Generated> NodeStrategy::generateStaticSite(const Plan &plan, const GenerateOptions &options)
{
    auto site = NginxSite::fromPlan(plan);
    if (!site)
        return site.error();
    if (auto v = validateToken(QObject::tr("output folder"), plan.outputDir); !v)
        return v.error();
    auto build = NodeDockerfile::buildStage(plan, options, {});
    if (!build)
        return build.error();
    auto runtime = NginxSite::runtimeStage(
        options, u"--from=build "_s + NodeDockerfile::appRoot(plan) + u'/' + plan.outputDir, *site);
    if (!runtime)
        return runtime.error();

    Generated g;
    g.dockerfile = NodeDockerfile::header(plan) + u'\n' + *build + u'\n' + *runtime;
    g.dockerignore = NodeDockerfile::dockerignore(plan, { inContext(plan, plan.outputDir) });
    g.files.insert(QString::fromLatin1(NginxSite::configPath), NginxSite::config(*site));
    return g;
}

} // namespace ttalkak::strategies
