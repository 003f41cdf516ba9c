// ttalkak-provider: shares this machine's idle capacity with Ttalkak deployments.
//   ttalkak-provider                      window + tray
//   ttalkak-provider --headless           the same engine, no window, JSON logs, clean SIGTERM
//   ttalkak-provider --screenshot F.png   (debug) grab the window with demo deployments running
// main() builds the object graph; nothing here holds state beyond it.
#include "headlessrunner.h"
#include "jsonloghandler.h"
#include "mainwindow.h"
#include "providertray.h"
#include "screenshotdirector.h"

#include <engine/deploymentmodel.h>
#include <engine/providerengine.h>

#include <core/settings.h>
#include <docker/dockerclient.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QTemporaryDir>
#include <QTimer>

#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;
using namespace ttalkak;
using namespace ttalkak::provider;

namespace {

struct Options
{
    bool headless = false;
    QString config;
    QString relay;
    QString screenshot;
    QString demoImage;
};

Options parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Share this machine with Ttalkak deployments."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(
        u"headless"_s, QCoreApplication::translate("main", "Run without a window (servers)."));
    const QCommandLineOption config(
        u"config"_s, QCoreApplication::translate("main", "Settings file to use."), u"file"_s);
    const QCommandLineOption relay(
        u"relay"_s, QCoreApplication::translate("main", "Relay URL (saved in the settings)."), u"url"_s);
    const QCommandLineOption shot(u"screenshot"_s,
        QCoreApplication::translate("main", "Debug: run demo deployments, save the window as a PNG, quit."), u"file"_s);
    const QCommandLineOption demo(u"demo-image"_s,
        QCoreApplication::translate("main", "Local image for --screenshot demo deployments."), u"image"_s);
    parser.addOptions({ headless, config, relay, shot, demo });
    parser.process(app);
    return { parser.isSet(headless), parser.value(config), parser.value(relay), parser.value(shot),
        parser.value(demo) };
}

std::unique_ptr<docker::DockerClient> makeClient()
{
    auto endpoint = docker::Endpoint::fromEnvironment();
    if (!endpoint) {
        qCritical().noquote() << "DOCKER_HOST:" << endpoint.error().toString() << "- using the default socket";
        return std::make_unique<docker::DockerClient>();
    }
    auto client = std::make_unique<docker::DockerClient>(*endpoint);
    client->setTimeouts(3000, 30000);
    return client;
}

int runHeadless(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    app.setApplicationName(u"ttalkak-provider"_s);
    app.setApplicationVersion(u"0.1.0"_s);
    JsonLogHandler::install();
    const Options o = parse(app);
    auto owned = o.config.isEmpty() ? std::make_unique<core::Settings>() : std::make_unique<core::Settings>(o.config);
    if (!o.relay.isEmpty())
        owned->setValue(core::Settings::Key::RelayUrl, o.relay);
    auto client = makeClient();
    ProviderEngine engine(*client, *owned);
    HeadlessRunner runner(engine);
    if (!runner.start())
        return 1;
    return app.exec();
}

int runGui(int argc, char *argv[])
{
    QApplication app(argc, argv);
    app.setApplicationName(u"ttalkak-provider"_s);
    app.setApplicationDisplayName(QApplication::translate("main", "Ttalkak Provider"));
    app.setApplicationVersion(u"0.1.0"_s);
    app.setStyle(u"Fusion"_s);
    const Options o = parse(app);

    // The screenshot run must not touch the owner's settings.
    QTemporaryDir scratch;
    const QString configFile = !o.config.isEmpty() ? o.config
        : !o.screenshot.isEmpty()                  ? scratch.filePath(u"provider.ini"_s)
                                                   : QString();
    auto settings
        = configFile.isEmpty() ? std::make_unique<core::Settings>() : std::make_unique<core::Settings>(configFile);
    if (!o.relay.isEmpty())
        settings->setValue(core::Settings::Key::RelayUrl, o.relay);
    auto client = makeClient();
    ProviderEngine engine(*client, *settings);
    DeploymentModel model(engine);
    ui::MainWindow window(engine, model);

    std::unique_ptr<ui::ProviderTray> tray;
    if (o.screenshot.isEmpty() && ui::ProviderTray::available()) {
        tray = std::make_unique<ui::ProviderTray>(engine);
        QObject::connect(tray.get(), &ui::ProviderTray::openRequested, &window, [&window] {
            window.show();
            window.raise();
            window.activateWindow();
        });
        QObject::connect(tray.get(), &ui::ProviderTray::quitRequested, &app, &QApplication::quit);
        tray->show();
        window.setHidesOnClose(true);
        app.setQuitOnLastWindowClosed(false);
    }
    engine.start();
    window.show();

    std::unique_ptr<ScreenshotDirector> director;
    if (!o.screenshot.isEmpty()) {
        director = std::make_unique<ScreenshotDirector>(*client, engine, window, o.screenshot, o.demoImage);
        director->start();
    }
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // The application type depends on the mode, so look before Qt parses the command line.
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--headless") == 0)
            return runHeadless(argc, argv);
    return runGui(argc, argv);
}
