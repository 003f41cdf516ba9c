// ttalkak-provider: shares this machine's idle capacity with Ttalkak deployments.
//   ttalkak-provider                      window + tray
//   ttalkak-provider --headless           the same engine, no window, JSON logs, clean SIGTERM
//   ttalkak-provider --screenshot F.png   (debug) grab the window with demo deployments running
//   --relay URL --tunnel HOST:PORT        connect to a relay (key: --key-file, $TTALKAK_PROVIDER_KEY
//                                         or the keychain entry "provider-key" of "ttalkak-provider")
// main() builds the object graph; nothing here holds state beyond it.
#include "headlessrunner.h"
#include "jsonloghandler.h"
#include "mainwindow.h"
#include "providertray.h"
#include "screenshotdirector.h"

#include <engine/deploymentmodel.h>
#include <engine/providerengine.h>
#include <engine/relayconnection.h>

#include <core/secretstore.h>
#include <core/settings.h>
#include <docker/dockerclient.h>
#include <strategies/baseimages.h>
#include <tunnel/allocator.h>
#include <tunnel/epolldispatcher.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSslCertificate>
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
    QString tunnel;
    QString keyFile;
    QString caFile;
    bool allowFileSources = false;
    QString scope;
    bool minimized = false;
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
    const QCommandLineOption tunnel(u"tunnel"_s,
        QCoreApplication::translate("main", "The relay's tunnel address (the relay's --tunnel-listen)."),
        u"host:port"_s);
    const QCommandLineOption keyFile(u"key-file"_s,
        QCoreApplication::translate("main",
            "File holding the provider registration key (else "
            "$TTALKAK_PROVIDER_KEY, else the keychain)."),
        u"file"_s);
    const QCommandLineOption caFile(u"relay-ca"_s,
        QCoreApplication::translate("main", "PEM certificate(s) to trust for wss:// and the tunnel."), u"file"_s);
    const QCommandLineOption fileSources(u"allow-file-sources"_s,
        QCoreApplication::translate("main", "Accept file:// git sources (tests and the local stack only)."));
    const QCommandLineOption scope(u"scope"_s,
        QCoreApplication::translate("main",
            "Manage only containers labelled ttalkak.scope=NAME (several providers on one Docker engine)."),
        u"name"_s);
    const QCommandLineOption minimized(u"minimized"_s,
        QCoreApplication::translate("main", "Start in the tray without opening the window (used at login)."));
    parser.addOptions({ headless, config, relay, shot, demo, tunnel, keyFile, caFile, fileSources, scope, minimized });
    parser.process(app);
    return { parser.isSet(headless), parser.value(config), parser.value(relay), parser.value(shot), parser.value(demo),
        parser.value(tunnel), parser.value(keyFile), parser.value(caFile), parser.isSet(fileSources),
        parser.value(scope), parser.isSet(minimized) };
}

// The control socket's URL from what the user gave: ws(s):// as is, http(s):// (the REST base,
// the settings' form) mapped to ws(s)://…/v1/ws.
QUrl controlUrl(const QString &given)
{
    QUrl url(given.trimmed());
    if (url.scheme() == u"http")
        url.setScheme(u"ws"_s);
    else if (url.scheme() == u"https")
        url.setScheme(u"wss"_s);
    if (url.scheme() != u"ws" && url.scheme() != u"wss")
        return {};
    if (url.path().isEmpty() || url.path() == u"/")
        url.setPath(u"/v1/ws"_s);
    return url;
}

// Builds the relay side once the key is known; the engine stays offline when something is missing.
class RelaySetup
{
public:
    RelaySetup(ProviderEngine &engine, const core::Settings &settings, const Options &o)
        : m_engine(engine)
        , m_options(o)
        , m_url(controlUrl(o.relay.isEmpty() ? settings.value(core::Settings::Key::RelayUrl).toString() : o.relay))
    {
    }

    void start(QObject *context)
    {
        if (!m_url.isValid()) {
            qWarning().noquote() << "no usable relay URL: running offline";
            return;
        }
        if (!m_options.keyFile.isEmpty()) {
            QFile f(m_options.keyFile);
            if (!f.open(QIODevice::ReadOnly)) {
                qCritical().noquote() << "cannot read the key file" << m_options.keyFile << ":" << f.errorString();
                return;
            }
            return connectWith(QString::fromUtf8(f.readAll()).trimmed());
        }
        if (const QString env = qEnvironmentVariable("TTALKAK_PROVIDER_KEY"); !env.isEmpty())
            return connectWith(env.trimmed());
        m_keychain.read(u"provider-key"_s, context, [this](core::Result<QString> key) {
            if (!key) {
                qWarning().noquote() << "no provider key in the keychain:" << key.error().message()
                                     << "- running offline; register this machine and store its key";
                return;
            }
            connectWith(key->trimmed());
        });
    }

private:
    void connectWith(const QString &key)
    {
        if (!key.startsWith(u"ttk_p_")) {
            qCritical() << "the provider key must be a registration key (ttk_p_…): running offline";
            return;
        }
        RelayConnectionOptions r;
        r.relayUrl = m_url;
        r.key = key;
        if (!m_options.tunnel.isEmpty()) {
            const qsizetype colon = m_options.tunnel.lastIndexOf(u':');
            bool ok = false;
            const uint port = m_options.tunnel.mid(colon + 1).toUInt(&ok);
            if (colon <= 0 || !ok || port == 0 || port > 65535) {
                qCritical().noquote() << "--tunnel must be HOST:PORT, got" << m_options.tunnel;
                return;
            }
            r.tunnelHost = m_options.tunnel.left(colon);
            r.tunnelPort = quint16(port);
        } else {
            qWarning() << "no --tunnel given: deployments run but are not reachable through the relay";
        }
        if (!m_options.caFile.isEmpty()) {
            const auto certs = QSslCertificate::fromPath(m_options.caFile);
            if (certs.isEmpty()) {
                qCritical().noquote() << "no certificate in" << m_options.caFile;
                return;
            }
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(tls.caCertificates() + certs);
            r.tls = tls;
        }
        auto images = strategies::BaseImages::fromEnvironment();
        if (!images)
            qWarning().noquote() << "base images override:" << images.error().toString() << "- using the defaults";
        r.parser = OfferParser(
            images ? *images : strategies::BaseImages::defaults(), { .allowFileSources = m_options.allowFileSources });
        // Blobs (dropped folders) come from the relay's REST side: same host, http(s).
        SourceAccess access = m_engine.sourceAccess();
        access.relayUrl = m_url;
        access.relayUrl.setScheme(m_url.scheme() == u"wss" ? u"https"_s : u"http"_s);
        access.relayUrl.setPath(QString());
        access.providerKey = key;
        access.allowFileSources = m_options.allowFileSources;
        m_engine.setSourceAccess(access);
        m_connection = std::make_unique<RelayConnection>(m_engine, std::move(r));
        m_connection->start();
    }

    ProviderEngine &m_engine;
    Options m_options;
    QUrl m_url;
    core::KeychainSecretStore m_keychain { u"ttalkak-provider"_s };
    std::unique_ptr<RelayConnection> m_connection;
};

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
    // The agent pumps every deployment's traffic (libs/tunnel/allocator.h, epolldispatcher.h).
    tunnel::tuneAllocator();
    tunnel::installEpollDispatcher();
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
    if (!o.scope.isEmpty())
        engine.setScopeLabel(u"ttalkak.scope"_s, o.scope);
    RelaySetup relay(engine, *owned, o);
    HeadlessRunner runner(engine);
    if (!runner.start())
        return 1;
    relay.start(&app);
    return app.exec();
}

// Quitting with deployments here: hand them back to the relay first (drain), or leave them
// running (they are re-adopted at the next start, unless the relay moved them meanwhile).
void confirmQuit(ProviderEngine &engine, QWidget *parent)
{
    int active = 0;
    for (const QString &id : engine.deploymentIds())
        if (const Deployment *d = engine.deployment(id); d && d->isActive())
            ++active;
    if (active == 0 || !engine.relayLink()->isConnected())
        return QApplication::quit();
    QMessageBox box(QMessageBox::Question, QApplication::translate("main", "Quit Ttalkak Provider"),
        QApplication::translate("main", "%n deployment(s) run on this machine.", nullptr, active), QMessageBox::NoButton, parent);
    box.setInformativeText(QApplication::translate("main",
        "Drain hands them back to the relay, which moves them to another provider, then stops them here. "
        "Keep running leaves the containers up while the app is closed."));
    QPushButton *drain = box.addButton(QApplication::translate("main", "Drain and quit"), QMessageBox::AcceptRole);
    QPushButton *keep = box.addButton(QApplication::translate("main", "Keep running and quit"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(drain);
    box.exec();
    if (box.clickedButton() == keep)
        return QApplication::quit();
    if (box.clickedButton() != drain)
        return;
    QObject::connect(&engine, &ProviderEngine::sharingChanged, qApp, [](ProviderEngine::Sharing sharing) {
        if (sharing == ProviderEngine::Sharing::Drained)
            QApplication::quit();
    });
    engine.drain();
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
    if (!o.scope.isEmpty())
        engine.setScopeLabel(u"ttalkak.scope"_s, o.scope);
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
        QObject::connect(tray.get(), &ui::ProviderTray::quitRequested, &app, [&engine, &window] { confirmQuit(engine, &window); });
        tray->show();
        window.setHidesOnClose(true);
        app.setQuitOnLastWindowClosed(false);
    }
    engine.start();
    RelaySetup relay(engine, *settings, o);
    if (o.screenshot.isEmpty())
        relay.start(&app);
    if (!(o.minimized && tray)) // at login: only the tray icon, the window on demand
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
