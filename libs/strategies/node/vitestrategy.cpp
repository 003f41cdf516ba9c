#include "vitestrategy.h"

#include "jsconfig.h"
#include "nginxsite.h"
#include "packagemanager.h"

#include "../dockerfiletext.h"

#include <QObject>
#include <QRegularExpression>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Result;

namespace {
// `vite build --outDir web` / `--base=/app/` in the build script beat the config file.
QString flagValue(const QString &script, const QString &flag)
{
    const QRegularExpression re(u"(?:^|\\s)--%1(?:=|\\s+)(['\"]?)([^\\s'\"&;|]+)\\1"_s.arg(flag));
    return re.match(script).captured(2);
}
} // namespace

QString ViteStrategy::lookingFor() const
{
    return QObject::tr("Vite: \"vite\" in package.json dependencies");
}

Result<void> ViteStrategy::detectFramework(const Repo &repo, const NodeProject &project, Plan &plan) const
{
    const PackageJson &pkg = project.package();
    const QString script = pkg.script(u"build"_s);
    auto config = JsConfig::find(repo, project.appDir(),
        { u"vite.config.ts"_s, u"vite.config.js"_s, u"vite.config.mjs"_s, u"vite.config.mts"_s, u"vite.config.cjs"_s,
            u"vite.config.cts"_s });
    if (!config)
        return config.error();

    // One setting from the script flag, else the config literal, else the
    // default (reported only when asked: a default base path is not news).
    const auto setting = [&](const QString &key, const QString &fallback, const QString &what, bool sayDefault) {
        if (const QString v = flagValue(script, key); !v.isEmpty()) {
            plan.because(QObject::tr("%1: %2 (build script flag)").arg(what, v), pkg.path(),
                PackageJson::quotePair(u"build"_s, script), pkg.lineOf(u"build"_s, u"scripts"_s));
            return v;
        }
        const QString configPath = config->has_value() ? (*config)->path() : QString();
        if (config->has_value()) {
            if (const auto p = (*config)->property(key)) {
                if (p->literal) {
                    plan.because(
                        QObject::tr("%1: %2").arg(what, p->value), configPath, key + u": "_s + p->source, p->line);
                    return p->value;
                }
                plan.because(QObject::tr("%1: %2 (the config computes %3 when it runs; using Vite's default)")
                                 .arg(what, fallback, key),
                    configPath, key + u": "_s + p->source, p->line);
                return fallback;
            }
        }
        if (sayDefault)
            plan.because(
                QObject::tr("%1: %2 (Vite's default; build.%3 is not set)").arg(what, fallback, key), configPath);
        return fallback;
    };

    QString outDir = setting(u"outDir"_s, u"dist"_s, QObject::tr("output folder"), true);
    while (outDir.startsWith(u"./"))
        outDir.remove(0, 2);
    while (outDir.endsWith(u'/'))
        outDir.chop(1);
    const QString blame = config->has_value() ? (*config)->path() : pkg.path();
    if (auto v = validateToken(QObject::tr("Vite outDir"), outDir); !v)
        return core::Error(v.error().code(), v.error().message(), blame);
    NginxSite::Site site;
    auto base = NginxSite::normaliseBasePath(setting(u"base"_s, u"/"_s, QObject::tr("base path"), false));
    if (!base)
        return core::Error(base.error().code(), base.error().message(), blame);
    site.basePath = *base;
    QString assets = u"assets"_s;
    if (config->has_value()) {
        if (const auto p = (*config)->property(u"assetsDir"_s); p && p->literal)
            assets = p->value;
    }
    site.immutablePrefix = assets.isEmpty() ? QString() : assets + u'/';

    plan.buildCommand
        = (pkg.hasScript(u"build"_s) ? project.runScript(u"build"_s)
                                     : PackageManager::execArgv(project.packageManager(), { u"vite"_s, u"build"_s }))
              .join(u' ');
    plan.because(QObject::tr("build: %1").arg(plan.buildCommand), pkg.path(),
        script.isEmpty() ? QString() : PackageJson::quotePair(u"build"_s, script),
        script.isEmpty() ? 0 : pkg.lineOf(u"build"_s, u"scripts"_s));
    plan.outputDir = outDir;
    plan.staticSite = true;
    plan.port = NginxSite::port;
    plan.healthPath = site.basePath;
    plan.startCommand = u"nginx"_s;
    NginxSite::toPlan(site, plan);
    plan.because(QObject::tr("served by nginx on port %1 with an SPA fallback (client-side routes answer index.html)")
                     .arg(NginxSite::port));
    return core::ok();
}

Result<Generated> ViteStrategy::doGenerate(const Plan &plan, const GenerateOptions &options) const
{
    return generateStaticSite(plan, options);
}

} // namespace ttalkak::strategies
