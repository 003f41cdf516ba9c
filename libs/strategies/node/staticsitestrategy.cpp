#include "staticsitestrategy.h"

#include "nginxsite.h"
#include "nodedockerfile.h"

#include "../dockerfiletext.h"

#include <QObject>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Result;

QString StaticSiteStrategy::lookingFor() const
{
    return QObject::tr("a static site: index.html without package.json");
}

Result<std::optional<Plan>> StaticSiteStrategy::doDetect(const Repo &repo, const QString &appDir) const
{
    const QString index = Repo::join(appDir, u"index.html"_s);
    if (!repo.isFile(index) || repo.isFile(Repo::join(appDir, u"package.json"_s)))
        return std::optional<Plan>();

    Plan plan;
    plan.framework = QObject::tr("Static site");
    plan.kind = ProjectKind::Frontend;
    plan.because(
        QObject::tr("static site: index.html and no package.json, so the files are served as they are"), index);
    plan.outputDir = u"."_s;
    plan.staticSite = true;
    plan.port = NginxSite::port;
    plan.startCommand = u"nginx"_s;
    NginxSite::toPlan(NginxSite::Site {}, plan);
    plan.because(QObject::tr("served by nginx on port %1 with an SPA fallback (unknown paths answer index.html)")
                     .arg(NginxSite::port));
    QStringList envFiles;
    for (const QString &e : repo.entries(appDir))
        if (e.startsWith(u".env"_s) && !e.endsWith(u'/'))
            envFiles.append(Repo::join(appDir, e));
    if (!envFiles.isEmpty())
        plan.because(QObject::tr("kept out of the image: %1").arg(envFiles.join(u", "_s)), envFiles.first());
    if (repo.isFile(Repo::join(appDir, u".dockerignore"_s))) {
        if (auto text = repo.read(Repo::join(appDir, u".dockerignore"_s)))
            plan.details.insert(u"userDockerignore"_s, QString::fromUtf8(*text));
    }
    return std::optional<Plan>(std::move(plan));
}

Result<Generated> StaticSiteStrategy::doGenerate(const Plan &plan, const GenerateOptions &options) const
{
    auto site = NginxSite::fromPlan(plan);
    if (!site)
        return site.error();
    const QString image = options.images.image(u"nginx"_s);
    if (auto v = validateToken(QObject::tr("base image"), image); !v)
        return v.error();
    auto runtime = NginxSite::runtimeStage(options, u"--from=site /site"_s, *site);
    if (!runtime)
        return runtime.error();

    QString t = NodeDockerfile::header(plan) + u'\n';
    t += u"# ---- site: the repository's files, without Ttalkak's helper folder\n"_s;
    t += u"FROM "_s + image + u" AS site\n"_s;
    t += u"COPY . /site\n"_s;
    t += u"RUN rm -rf /site/.ttalkak\n"_s;
    t += u'\n' + *runtime;

    Generated g;
    g.dockerfile = t;
    // Docker still sends Dockerfile and .dockerignore, but COPY then leaves them out of the site.
    g.dockerignore = NodeDockerfile::dockerignore(plan, { u"Dockerfile"_s, u".dockerignore"_s });
    g.files.insert(QString::fromLatin1(NginxSite::configPath), NginxSite::config(*site));
    return g;
}

} // namespace ttalkak::strategies
