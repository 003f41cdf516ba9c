#include "crastrategy.h"

#include "nginxsite.h"
#include "packagemanager.h"

#include <QObject>
#include <QUrl>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Result;

QString CraStrategy::lookingFor() const
{
    return QObject::tr("Create React App: \"react-scripts\" in package.json dependencies");
}

Result<void> CraStrategy::detectFramework(const Repo &, const NodeProject &project, Plan &plan) const
{
    const PackageJson &pkg = project.package();
    NginxSite::Site site;
    site.immutablePrefix = u"static/"_s;

    // "homepage": "https://me.github.io/app" makes CRA emit /app/static/... URLs.
    const QString homepage = pkg.json().value(u"homepage"_s).toString();
    if (!homepage.isEmpty()) {
        const QUrl url(homepage);
        const QString path = url.isRelative() ? homepage : url.path();
        auto base = NginxSite::normaliseBasePath(path);
        if (!base)
            return core::Error(base.error().code(), base.error().message(), pkg.path(), pkg.lineOf(u"homepage"_s));
        site.basePath = *base;
        plan.because(QObject::tr("base path: %1").arg(site.basePath), pkg.path(),
            PackageJson::quotePair(u"homepage"_s, homepage), pkg.lineOf(u"homepage"_s));
    }

    const QString script = pkg.script(u"build"_s);
    plan.buildCommand
        = (script.isEmpty() ? PackageManager::execArgv(project.packageManager(), { u"react-scripts"_s, u"build"_s })
                            : project.runScript(u"build"_s))
              .join(u' ');
    plan.because(QObject::tr("build: %1").arg(plan.buildCommand), pkg.path(),
        script.isEmpty() ? QString() : PackageJson::quotePair(u"build"_s, script),
        script.isEmpty() ? 0 : pkg.lineOf(u"build"_s, u"scripts"_s));
    plan.outputDir = u"build"_s;
    plan.because(QObject::tr("output folder: build (react-scripts always writes there unless BUILD_PATH is set)"));
    plan.staticSite = true;
    plan.port = NginxSite::port;
    plan.healthPath = site.basePath;
    plan.startCommand = u"nginx"_s;
    NginxSite::toPlan(site, plan);
    plan.because(QObject::tr("served by nginx on port %1 with an SPA fallback (client-side routes answer index.html)")
                     .arg(NginxSite::port));
    return core::ok();
}

Result<Generated> CraStrategy::doGenerate(const Plan &plan, const GenerateOptions &options) const
{
    return generateStaticSite(plan, options);
}

} // namespace ttalkak::strategies
