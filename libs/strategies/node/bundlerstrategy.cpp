#include "bundlerstrategy.h"

#include "jsconfig.h"
#include "nginxsite.h"

#include "../dockerfiletext.h"

#include <QObject>
#include <QRegularExpression>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Result;

namespace {
struct Found
{
    QString dir;
    QString file;
    QString value;
    int line = 0;
    QString bundler;
};

QString cleanDir(QString d)
{
    while (d.startsWith(u"./"))
        d.remove(0, 2);
    while (d.endsWith(u'/'))
        d.chop(1);
    return d;
}

// Output flags of the common bundler CLIs: parcel --dist-dir, esbuild --outdir /
// --outfile, webpack --output-path, rollup -d/--dir/-o/--file, rspack/rsbuild --output-path.
std::optional<Found> fromScript(const QString &script)
{
    static const QRegularExpression re(
        u"(?:^|\\s)(--dist-dir|--out-dir|--outdir|--output-path|--dir|-d|--outfile|--file|-o)(?:=|\\s+)(['\"]?)([^\\s'\"&;|]+)\\2"_s);
    const auto m = re.match(script);
    if (!m.hasMatch())
        return std::nullopt;
    Found f;
    f.value = m.captured(0).trimmed();
    QString path = m.captured(3);
    // A single output file (esbuild --outfile=public/app.js) lives in the folder served.
    if (m.captured(1) == u"--outfile" || m.captured(1) == u"--file" || m.captured(1) == u"-o") {
        const qsizetype slash = path.lastIndexOf(u'/');
        path = slash < 0 ? QString() : path.left(slash);
    }
    f.dir = cleanDir(path);
    return f;
}
} // namespace

QString BundlerStrategy::lookingFor() const
{
    return QObject::tr("a JavaScript frontend with a \"build\" script and a bundler (webpack, Parcel, Rollup, esbuild, "
                       "Rspack) or UI library (React, Vue, Svelte...) in package.json");
}

Result<void> BundlerStrategy::detectFramework(const Repo &repo, const NodeProject &project, Plan &plan) const
{
    const PackageJson &pkg = project.package();
    const QString script = pkg.script(u"build"_s);
    const int scriptLine = pkg.lineOf(u"build"_s, u"scripts"_s);

    // Name the bundler for the display name and the reason.
    static const QList<std::pair<QString, QString>> bundlers { { u"webpack"_s, u"webpack"_s },
        { u"parcel"_s, u"Parcel"_s }, { u"rollup"_s, u"Rollup"_s }, { u"esbuild"_s, u"esbuild"_s },
        { u"rspack"_s, u"Rspack"_s }, { u"rsbuild"_s, u"Rsbuild"_s }, { u"snowpack"_s, u"Snowpack"_s } };
    QString bundler;
    for (const auto &[b, display] : bundlers) {
        if (script.contains(b) || pkg.hasDependency(b) || pkg.hasDependency(u"@"_s + b + u"/cli"_s)
            || pkg.hasDependency(u"@"_s + b + u"/core"_s)) {
            bundler = display;
            break;
        }
    }
    plan.framework
        = bundler.isEmpty() ? QObject::tr("Static frontend") : QObject::tr("Static frontend (%1)").arg(bundler);
    // First in the why list, like every framework decision.
    plan.why.prepend({ QObject::tr("framework: a frontend built by its \"build\" script%1")
                           .arg(bundler.isEmpty() ? QString() : QObject::tr(" with %1").arg(bundler)),
        pkg.path(), scriptLine, PackageJson::quotePair(u"build"_s, script) });

    std::optional<Found> out = fromScript(script);
    if (out) {
        out->file = pkg.path();
        out->line = scriptLine;
    }
    if (!out && bundler == u"webpack") {
        auto config = JsConfig::find(repo, project.appDir(),
            { u"webpack.config.js"_s, u"webpack.config.mjs"_s, u"webpack.config.cjs"_s, u"webpack.config.ts"_s });
        if (!config)
            return config.error();
        if (config->has_value()) {
            // output: { path: path.resolve(__dirname, 'public') }
            static const QRegularExpression re(
                u"path\\s*:\\s*(?:path\\.)?(?:resolve|join)\\(\\s*__dirname\\s*,\\s*['\"]([^'\"]+)['\"]\\s*\\)"_s);
            auto text = repo.read((*config)->path());
            if (text) {
                const QString code = QString::fromUtf8(*text);
                if (const auto m = re.match(code); m.hasMatch()) {
                    out = Found { cleanDir(m.captured(1)), (*config)->path(), m.captured(0),
                        int(code.left(m.capturedStart()).count(u'\n')) + 1, {} };
                }
            }
        }
    }
    if (out && !out->dir.isEmpty()) {
        plan.outputDir = out->dir;
        plan.because(QObject::tr("output folder: %1").arg(out->dir), out->file, out->value, out->line);
    } else {
        // dist is the default of webpack, Parcel, Rspack and Rsbuild.
        plan.outputDir = u"dist"_s;
        plan.because(QObject::tr("output folder: dist (a guess: the build script and bundler config do not name one; "
                                 "change it if the build writes elsewhere)"));
    }
    if (auto v = validateToken(QObject::tr("output folder"), plan.outputDir); !v)
        return core::Error(v.error().code(), v.error().message(), out ? out->file : pkg.path(), out ? out->line : 0);

    plan.buildCommand = project.runScript(u"build"_s).join(u' ');
    plan.because(QObject::tr("build: %1").arg(plan.buildCommand), pkg.path(),
        PackageJson::quotePair(u"build"_s, script), scriptLine);
    plan.staticSite = true;
    plan.port = NginxSite::port;
    plan.startCommand = u"nginx"_s;
    NginxSite::toPlan(NginxSite::Site {}, plan);
    plan.because(QObject::tr("served by nginx on port %1 with an SPA fallback (client-side routes answer index.html)")
                     .arg(NginxSite::port));
    return core::ok();
}

Result<Generated> BundlerStrategy::doGenerate(const Plan &plan, const GenerateOptions &options) const
{
    return generateStaticSite(plan, options);
}

} // namespace ttalkak::strategies
