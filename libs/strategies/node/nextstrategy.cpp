#include "nextstrategy.h"

#include "jsconfig.h"
#include "nginxsite.h"
#include "nodedockerfile.h"
#include "packagemanager.h"

#include "../dockerfiletext.h"

#include <QObject>
#include <QRegularExpression>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::Result;

QString NextStrategy::lookingFor() const
{
    return QObject::tr("Next.js: \"next\" in package.json dependencies");
}

Result<void> NextStrategy::detectFramework(const Repo &repo, const NodeProject &project, Plan &plan) const
{
    const PackageJson &pkg = project.package();
    const QString script = pkg.script(u"build"_s);
    const int scriptLine = pkg.lineOf(u"build"_s, u"scripts"_s);
    auto config = JsConfig::find(repo, project.appDir(),
        { u"next.config.js"_s, u"next.config.mjs"_s, u"next.config.ts"_s, u"next.config.cjs"_s, u"next.config.mts"_s });
    if (!config)
        return config.error();
    const auto literal = [&](const QString &key) -> std::optional<JsConfig::Value> {
        return config->has_value() ? (*config)->property(key) : std::nullopt;
    };

    // Output mode.
    QString mode = u"server"_s;
    QString exportDir = u"out"_s;
    static const QRegularExpression legacyExport(u"\\bnext\\s+export\\b(?:.*?(?:-o|--outdir)\\s+([^\\s&;|]+))?"_s);
    const auto legacy = legacyExport.match(script);
    if (const auto out = literal(u"output"_s)) {
        if (out->literal && out->value == u"export") {
            mode = u"export"_s;
            plan.because(QObject::tr("static export: Next.js writes plain files, served by nginx"), (*config)->path(),
                u"output: "_s + out->source, out->line);
        } else if (out->literal) {
            plan.because(QObject::tr("server mode: standalone output"), (*config)->path(), u"output: "_s + out->source,
                out->line);
        } else {
            plan.because(QObject::tr("server mode (output is computed by the config; a static export would need "
                                     "output: 'export' written literally)"),
                (*config)->path(), u"output: "_s + out->source, out->line);
        }
    } else if (legacy.hasMatch()) {
        mode = u"export"_s;
        if (!legacy.captured(1).isEmpty())
            exportDir = legacy.captured(1);
        plan.because(QObject::tr("static export: the build script runs next export"), pkg.path(),
            PackageJson::quotePair(u"build"_s, script), scriptLine);
    } else {
        plan.because(
            QObject::tr("server mode: generation turns on standalone output (a small image with only the files "
                        "the server needs); next.config is left as it is"),
            config->has_value() ? (*config)->path() : QString());
    }

    QString distDir = u".next"_s;
    if (const auto d = literal(u"distDir"_s)) {
        if (d->literal) {
            distDir = d->value;
            plan.because(
                QObject::tr("build folder: %1").arg(distDir), (*config)->path(), u"distDir: "_s + d->source, d->line);
        } else {
            plan.because(QObject::tr("build folder: .next (distDir is computed by the config; using the default)"),
                (*config)->path(), u"distDir: "_s + d->source, d->line);
        }
    }
    // With output: 'export' a custom distDir is where the export goes (Next 13.3+).
    if (mode == u"export" && !legacy.hasMatch() && distDir != u".next")
        exportDir = distDir;
    const auto clean = [](QString d) {
        while (d.startsWith(u"./"))
            d.remove(0, 2);
        while (d.endsWith(u'/'))
            d.chop(1);
        return d;
    };
    distDir = clean(distDir);
    exportDir = clean(exportDir);
    for (const QString &d : { distDir, exportDir })
        if (auto v = validateToken(QObject::tr("Next.js output folder"), d); !v)
            return Error(v.error().code(), v.error().message(), config->has_value() ? (*config)->path() : pkg.path());

    QString basePath = u"/"_s;
    if (const auto b = literal(u"basePath"_s); b && b->literal) {
        auto n = NginxSite::normaliseBasePath(b->value);
        if (!n)
            return Error(n.error().code(), n.error().message(), (*config)->path(), b->line);
        basePath = *n;
        plan.because(
            QObject::tr("base path: %1").arg(basePath), (*config)->path(), u"basePath: "_s + b->source, b->line);
    }

    plan.buildCommand
        = (script.isEmpty() ? PackageManager::execArgv(project.packageManager(), { u"next"_s, u"build"_s })
                            : project.runScript(u"build"_s))
              .join(u' ');
    plan.because(QObject::tr("build: %1").arg(plan.buildCommand), pkg.path(),
        script.isEmpty() ? QString() : PackageJson::quotePair(u"build"_s, script), script.isEmpty() ? 0 : scriptLine);
    plan.details.insert(u"nextOutput"_s, mode == u"export" ? u"export"_s : u"standalone"_s);
    plan.healthPath = basePath;

    if (mode == u"export") {
        NginxSite::Site site;
        site.basePath = basePath;
        site.immutablePrefix = u"_next/static/"_s;
        // Exported pages are files (about.html); unknown paths get Next's 404 page.
        site.spaFallback = false;
        NginxSite::toPlan(site, plan);
        plan.outputDir = exportDir;
        plan.staticSite = true;
        plan.port = NginxSite::port;
        plan.startCommand = u"nginx"_s;
        plan.because(QObject::tr("output folder: %1").arg(exportDir));
        plan.because(
            QObject::tr("served by nginx on port %1; pages answer as /page and /page.html").arg(NginxSite::port));
        return core::ok();
    }

    plan.details.insert(u"distDir"_s, distDir);
    plan.details.insert(u"publicDir"_s, repo.isDir(Repo::join(project.appDir(), u"public"_s)));
    if (!literal(u"output"_s) || !literal(u"output"_s)->literal || literal(u"output"_s)->value != u"standalone")
        plan.details.insert(u"enableStandalone"_s, true);
    plan.outputDir = distDir + u"/standalone"_s;
    plan.port = serverPort;
    plan.startCommand = u"node server.js"_s;
    plan.because(QObject::tr("port %1 (PORT is set in the image; the standalone server reads it)").arg(serverPort));
    return core::ok();
}

Result<Generated> NextStrategy::doGenerate(const Plan &plan, const GenerateOptions &options) const
{
    if (plan.details.value(u"nextOutput"_s).toString() == u"export")
        return generateStaticSite(plan, options);
    return generateServer(plan, options);
}

Result<Generated> NextStrategy::generateServer(const Plan &plan, const GenerateOptions &options)
{
    const QString distDir = plan.details.value(u"distDir"_s).toString(u".next"_s);
    if (auto v = validateToken(QObject::tr("Next.js build folder"), distDir); !v)
        return v.error();
    const QString appPath = plan.details.value(u"appPath"_s).toString();
    if (!appPath.isEmpty())
        if (auto v = validateToken(QObject::tr("app folder"), appPath); !v)
            return v.error();
    if (plan.port != serverPort)
        return Error(core::ErrorCode::InvalidInput, QObject::tr("a Next.js server plan listens on %1").arg(serverPort));
    auto basePath = NginxSite::normaliseBasePath(plan.healthPath);
    if (!basePath)
        return basePath.error();

    NodeDockerfile::BuildStage stage;
    stage.env.append(u"NEXT_TELEMETRY_DISABLED=1"_s);
    if (plan.details.value(u"enableStandalone"_s).toBool())
        stage.env.append(u"NEXT_PRIVATE_STANDALONE=true"_s);
    auto build = NodeDockerfile::buildStage(plan, options, stage);
    if (!build)
        return build.error();

    const bool publicDir = plan.details.value(u"publicDir"_s).toBool();
    const QString image = options.images.image(u"node"_s, plan.runtimeVersion);
    QString t = NodeDockerfile::header(plan) + u'\n' + *build;
    QString copies;
    QString entry = u"server.js"_s;
    if (appPath.isEmpty()) {
        t += u"RUN test -f "_s + distDir + u"/standalone/server.js || { echo \"ttalkak: next build wrote no "_s
            + distDir + u"/standalone/server.js; set output: 'standalone' in next.config\" >&2; exit 1; }\n"_s;
        copies += u"COPY --from=build --chown=node:node /app/"_s + distDir + u"/standalone ./\n"_s;
        copies += u"COPY --from=build --chown=node:node /app/"_s + distDir + u"/static ./"_s + distDir + u"/static\n"_s;
        if (publicDir)
            copies += u"COPY --from=build --chown=node:node /app/public ./public\n"_s;
    } else {
        // In a workspace Next may trace from the workspace root (Next 15 does by
        // default), nesting server.js under the app's path; gather either layout
        // into /standalone with server.js where `node` looks for it.
        t += u"RUN set -eu; s="_s + distDir
            + u"/standalone; \\\n"_s
              u"    if [ -f \"$s/"_s
            + appPath + u"/server.js\" ]; then app=\""_s + appPath
            + u"\"; \\\n"_s
              u"    elif [ -f \"$s/server.js\" ]; then app=.; \\\n"_s
              u"    else echo \"ttalkak: next build wrote no $s/server.js; set output: 'standalone' in next.config\" >&2; exit 1; fi; \\\n"_s
              u"    cp -a \"$s\" /standalone; \\\n"_s
              u"    cp -a "_s
            + distDir + u"/static \"/standalone/$app/"_s + distDir
            + u"/static\"; \\\n"_s
              u"    if [ -d public ]; then cp -a public \"/standalone/$app/public\"; fi; \\\n"_s
              u"    printf 'require(\"./%s/server.js\");\\n' \"$app\" > /standalone/ttalkak-server.js\n"_s;
        copies += u"COPY --from=build --chown=node:node /standalone ./\n"_s;
        entry = u"ttalkak-server.js"_s;
    }
    t += u"\n# ---- runtime: only the traced server files, as the unprivileged user node\n"_s;
    t += u"FROM "_s + image + u'\n';
    t += u"WORKDIR /app\n"_s;
    // HOSTNAME: Docker sets it to the container id, and Next would then listen on that address only.
    t += u"ENV NODE_ENV=production PORT=%1 HOSTNAME=0.0.0.0 NEXT_TELEMETRY_DISABLED=1\n"_s.arg(serverPort);
    t += copies;
    t += u"USER node\n"_s;
    t += u"EXPOSE %1\n"_s.arg(serverPort);
    t += NodeDockerfile::nodeHealthCheck(serverPort, *basePath);
    t += u"CMD "_s + execForm({ u"node"_s, entry }) + u'\n';

    Generated g;
    g.dockerfile = t;
    g.dockerignore = NodeDockerfile::dockerignore(plan, {});
    return g;
}

} // namespace ttalkak::strategies
