#include "detectionservice.h"
#include "logging.h"

#include <strategies/baseimages.h>
#include <strategies/repo.h>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;
using namespace ttalkak::strategies;

namespace {
// Folders whose own manifest may make them a deployable app.
bool hasManifest(const Repo &repo, const QString &dir)
{
    static const QStringList manifests { u"package.json"_s, u"pom.xml"_s, u"build.gradle"_s, u"build.gradle.kts"_s,
        u"Dockerfile"_s };
    for (const QString &m : manifests)
        if (repo.isFile(Repo::join(dir, m)))
            return true;
    return false;
}

// After a failure at the root (typically "this is a monorepo; choose the app"),
// find the sub-folders that detect on their own so the UI can offer a picker
// instead of a dead end. Bounded: depth 3, at most 64 folders tried.
QStringList findCandidates(const Registry &registry, const Repo &repo)
{
    QStringList found;
    QStringList queue { QString() };
    int tried = 0;
    while (!queue.isEmpty() && tried < 64) {
        const QString dir = queue.takeFirst();
        const int depth = dir.isEmpty() ? 0 : int(dir.count(u'/')) + 1;
        if (!dir.isEmpty() && hasManifest(repo, dir)) {
            ++tried;
            if (registry.detect(repo, dir))
                found.append(dir);
        }
        if (depth >= 3)
            continue;
        const QStringList entries = repo.entries(dir);
        for (const QString &e : entries) {
            if (!e.endsWith(u'/') || e.startsWith(u'.') || e == u"node_modules/"_s)
                continue;
            queue.append(Repo::join(dir, e.chopped(1)));
        }
    }
    return found;
}
} // namespace

DetectionService::DetectionService(QObject *parent)
    : DetectionService(std::make_shared<const Registry>(Registry::withBuiltins()), parent)
{
}

DetectionService::DetectionService(std::shared_ptr<const Registry> registry, QObject *parent)
    : QObject(parent)
    , m_registry(std::move(registry))
{
}

DetectionService::~DetectionService() = default;

quint64 DetectionService::start(const QString &root, const QString &appDir)
{
    const quint64 id = ++m_lastId;
    ++m_pending;
    qCDebug(lcDetect) << "detect" << id << root << appDir;

    auto *watcher = new QFutureWatcher<DetectionOutcome>(this);
    connect(watcher, &QFutureWatcher<DetectionOutcome>::finished, this, [this, watcher, id] {
        DetectionOutcome outcome = watcher->result();
        outcome.id = id;
        watcher->deleteLater();
        --m_pending;
        qCDebug(lcDetect) << "detected" << id << (outcome.ok() ? outcome.plan->strategyId : outcome.error->toString())
                          << outcome.elapsedMs << "ms";
        Q_EMIT finished(outcome);
    });
    // The lambda holds its own reference to the registry, so destroying the
    // service while a run is in flight is safe (the watcher just goes away).
    watcher->setFuture(QtConcurrent::run(
        [registry = m_registry, config = m_config, root, appDir] { return run(*registry, config, root, appDir); }));
    Q_EMIT started(id);
    return id;
}

DetectionOutcome DetectionService::run(
    const Registry &registry, const DetectionConfig &config, const QString &root, const QString &appDir)
{
    QElapsedTimer timer;
    timer.start();
    DetectionOutcome out;
    out.root = root;
    out.appDir = appDir;
    auto finish = [&] {
        out.elapsedMs = timer.elapsed();
        return out;
    };

    auto repo = Repo::open(root, config.limits);
    if (!repo) {
        out.error = repo.error();
        return finish();
    }
    auto plan = registry.detect(*repo, appDir);
    if (!plan) {
        out.error = plan.error();
        out.appCandidates = findCandidates(registry, *repo);
        out.appCandidates.removeAll(appDir);
        if (!appDir.isEmpty())
            out.appCandidates.prepend(appDir);
        return finish();
    }
    out.plan = *plan;
    out.appCandidates = plan->appCandidates;

    auto images = BaseImages::fromEnvironment();
    if (images && !config.baseImagesOverride.isEmpty()) {
        if (auto r = images->applyOverrideFile(config.baseImagesOverride); !r)
            images = r.error();
    }
    if (!images) {
        out.error = images.error();
        return finish();
    }
    GenerateOptions gen;
    gen.images = *images;
    auto files = registry.generate(*plan, gen);
    if (!files) {
        out.error = files.error();
        return finish();
    }
    out.files = *files;
    return finish();
}

} // namespace ttalkak::deployer
