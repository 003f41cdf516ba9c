#pragma once
// NginxSite: serves a built static site with nginx as an unprivileged user.
//
// The generated main config (.ttalkak/nginx.conf, copied over
// /etc/nginx/nginx.conf) listens on 8080 (no root needed to bind), keeps the
// pid and temp files under /tmp, answers client-side routes with index.html
// (SPA fallback), caches hashed assets for a year and never caches index.html,
// and gzips text. The HEALTHCHECK uses bash's /dev/tcp: the nginx images
// (official and Debian's) ship neither curl nor wget, but bash is essential in
// Debian, so this works without adding a package to the image.

#include "../plan.h"
#include "../strategy.h"

#include <core/result.h>

#include <QByteArray>
#include <QString>

namespace ttalkak::strategies {

class NginxSite
{
public:
    static constexpr int port = 8080;
    static constexpr char configPath[] = ".ttalkak/nginx.conf";

    struct Site
    {
        QString basePath = QStringLiteral("/"); // "/" or "/app/" (Vite base, CRA homepage, Next basePath)
        QString immutablePrefix; // "assets/", "static/", "_next/static/" below basePath; "" = none
        bool spaFallback = true; // unknown paths answer index.html (else 404.html)
    };

    // Reads the site settings a static plan carries in plan.details.
    static core::Result<Site> fromPlan(const Plan &plan);
    // Stores them in plan.details.
    static void toPlan(const Site &site, Plan &plan);

    static QByteArray config(const Site &site);
    // The runtime stage: nginx with our config and the files from `source`
    // ("--from=build /app/dist" or "--from=site /site").
    static core::Result<QString> runtimeStage(const GenerateOptions &options, const QString &source, const Site &site);
    // "/" or "/x/": the only base path shapes that reach nginx.conf.
    static core::Result<QString> normaliseBasePath(const QString &value);
};

} // namespace ttalkak::strategies
