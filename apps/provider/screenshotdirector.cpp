#include "screenshotdirector.h"
#include "deploymentspage.h"
#include "mainwindow.h"
#include "uilogging.h"

#include <engine/providerengine.h>

#include <docker/dockerclient.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace ttalkak::provider {

using ui::lcUi;

ScreenshotDirector::ScreenshotDirector(docker::DockerClient &client, ProviderEngine &engine, ui::MainWindow &window,
    const QString &file, const QString &image, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_engine(engine)
    , m_window(window)
    , m_file(file)
    , m_image(image)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        qCWarning(lcUi) << "screenshot: deadline reached, grabbing what is there";
        grab();
    });
}

void ScreenshotDirector::start()
{
    m_deadline.start(45000);
    if (m_engine.isReady()) {
        findImage();
        return;
    }
    connect(&m_engine, &ProviderEngine::reconciled, this, &ScreenshotDirector::findImage, Qt::SingleShotConnection);
    // No engine: the window shows how to fix that, which is worth a picture too.
    connect(&m_engine, &ProviderEngine::healthChanged, this, [this] {
        if (!m_engine.health().isHealthy() && m_engine.health().status() != EngineHealth::Status::Unknown)
            QTimer::singleShot(500, this, &ScreenshotDirector::grab);
    });
}

void ScreenshotDirector::findImage()
{
    if (!m_image.isEmpty())
        return runDemo(m_image);
    auto *job = m_client.listImages(u"ttalkak-local/debian"_s);
    connect(job, &docker::DockerJob::result, this, [this](docker::DockerJob *j) {
        QString best;
        qint64 newest = -1;
        for (const QJsonValue &v : static_cast<docker::ApiJob *>(j)->json().array()) {
            const QJsonObject img = v.toObject();
            const QJsonArray tags = img[u"RepoTags"].toArray();
            if (!tags.isEmpty() && img[u"Created"].toInteger() > newest) {
                newest = img[u"Created"].toInteger();
                best = tags.first().toString();
            }
        }
        if (best.isEmpty()) {
            qCWarning(lcUi) << "screenshot: no local ttalkak-local/debian image; pass --demo-image";
            return grab();
        }
        runDemo(best);
    });
    job->start();
}

void ScreenshotDirector::runDemo(const QString &image)
{
    JobRequest web;
    web.deploymentId = u"demo-shop-frontend"_s;
    web.name = u"shop-frontend"_s;
    web.image = image;
    web.containerPort = 8080;
    web.cpuCores = 0.5;
    web.memoryMb = 256;
    web.diskGb = 2;
    web.extraLabels.insert(u"ttalkak.demo"_s, u"screenshot"_s);
    // Busy work in bursts, so the CPU chart has a shape, and an access-log line per "request".
    web.cmd = { u"sh"_s, u"-c"_s,
        u"buf=$(head -c 48000000 /dev/zero | tr '\\0' x); i=0; while :; do i=$((i+1)); j=0; n=$(( (i % 9) * 2500 + 500 "
        u")); "
        "while [ $j -lt $n ]; do j=$((j+1)); done; "
        "echo \"$(date +%H:%M:%S) GET /api/products?page=$((i % 7)) 200 $(( n / 300 ))ms\"; "
        "[ $((i % 25)) -eq 0 ] && sleep 1; done"_s };
    JobRequest db = web;
    db.deploymentId = u"demo-orders-db"_s;
    db.name = u"orders-db"_s;
    db.kind = DeploymentKind::Database;
    db.dataPath = u"/var/lib/data"_s;
    db.containerPort = 5432;
    db.cpuCores = 0.25;
    db.memoryMb = 192;
    db.cmd = { u"sh"_s, u"-c"_s,
        u"echo 'database system is ready to accept connections'; i=0; "
        "while :; do i=$((i+1)); sleep 2; echo \"checkpoint complete: wrote $((i * 37 % 500)) buffers\"; done"_s };
    for (const JobRequest &r : { web, db }) {
        const JobFit fit = m_engine.run(r);
        if (!fit)
            qCWarning(lcUi).noquote() << "screenshot: demo" << r.name << "refused:" << fit.reasons.join(u"; ");
        else
            m_demoIds << r.deploymentId;
    }
    m_window.deploymentsPage()->select(0);
    connect(&m_engine, &ProviderEngine::usageSampled, this, [this](const QString &id) {
        if (id == m_demoIds.value(0) && ++m_samples == 24)
            grab();
    });
}

void ScreenshotDirector::grab()
{
    if (m_grabbed)
        return;
    m_grabbed = true;
    m_window.deploymentsPage()->select(0);
    QCoreApplication::processEvents(); // paint the selection before grabbing (no nested loop: one pass)
    const bool ok = m_window.grab().save(m_file, "PNG");
    // The other pages too, next to FILE (name-sharing.png, name-earnings.png), for review.
    const QString base = m_file.endsWith(u".png"_s) ? m_file.chopped(4) : m_file;
    for (const auto &[page, suffix] : { std::pair { 1, u"-sharing.png"_s }, std::pair { 2, u"-earnings.png"_s } }) {
        m_window.showPage(page);
        QCoreApplication::processEvents();
        m_window.grab().save(base + suffix, "PNG");
    }
    m_window.showPage(0);
    qCInfo(lcUi).noquote() << "screenshot" << (ok ? "written to" : "FAILED for") << m_file;
    m_exitCode = ok ? 0 : 1;
    if (m_demoIds.isEmpty())
        return finish(m_exitCode);
    connect(&m_engine, &ProviderEngine::deploymentRemoved, this, [this](const QString &id) {
        m_demoIds.removeOne(id);
        if (m_demoIds.isEmpty())
            finish(m_exitCode);
    });
    const QStringList ids = m_demoIds;
    for (const QString &id : ids)
        m_engine.removeDeployment(id);
    QTimer::singleShot(20000, this, [this] { finish(m_exitCode); });
}

void ScreenshotDirector::finish(int code)
{
    QCoreApplication::exit(code);
}

} // namespace ttalkak::provider
