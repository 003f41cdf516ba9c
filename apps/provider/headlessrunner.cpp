#include "headlessrunner.h"

#include <engine/logging.h>
#include <engine/providerengine.h>

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace ttalkak::provider {

namespace {
int g_signalFd[2] = { -1, -1 };

void onUnixSignal(int signal)
{
    const char c = char(signal);
    [[maybe_unused]] const auto n = ::write(g_signalFd[0], &c, 1);
}
} // namespace

HeadlessRunner::HeadlessRunner(ProviderEngine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
}

HeadlessRunner::~HeadlessRunner()
{
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
}

bool HeadlessRunner::start()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0) {
        qCCritical(lcEngine) << "cannot create the signal pipe";
        return false;
    }
    m_notifier = new QSocketNotifier(g_signalFd[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &HeadlessRunner::onSignal);
    struct sigaction action = {};
    action.sa_handler = onUnixSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    connect(&m_engine, &ProviderEngine::healthChanged, this, &HeadlessRunner::logState);
    connect(&m_engine, &ProviderEngine::reconciled, this, [this](int adopted) {
        qCInfo(lcEngine).noquote() << "ready:" << m_engine.deploymentIds().size() << "deployment(s)," << adopted
                                   << "re-adopted; isolation" << m_engine.isolation().title();
    });
    connect(&m_engine, &ProviderEngine::deploymentChanged, this, [this](const QString &id) {
        if (const Deployment *d = m_engine.deployment(id))
            qCInfo(lcEngine).noquote() << "deployment" << id << Deployment::stateName(d->state) << d->detail;
    });
    qCInfo(lcEngine).noquote() << "headless provider starting; caps" << m_engine.caps().cpuCores << "cores,"
                               << m_engine.caps().memoryMb << "MB";
    m_engine.start();
    return true;
}

void HeadlessRunner::logState()
{
    const EngineHealth &h = m_engine.health();
    if (h.isHealthy())
        return; // the engine logs the healthy transition itself
    qCWarning(lcEngine).noquote() << h.statusText() << h.fixText();
}

void HeadlessRunner::onSignal()
{
    char c = 0;
    [[maybe_unused]] const auto n = ::read(g_signalFd[1], &c, 1);
    qCInfo(lcEngine).noquote() << "received" << (int(c) == SIGTERM ? "SIGTERM" : "SIGINT") << "- shutting down";
    m_engine.shutdown();
    QCoreApplication::quit();
}

} // namespace ttalkak::provider
