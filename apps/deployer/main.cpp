// ttalkak-deployer: builds the object graph and shows the main window.
//
//   ttalkak-deployer [--config FILE] [--open PATH|URL] [--page NAME] [--screenshot FILE.png] [--demo]
//
// --screenshot renders the window (after the opened project is detected) to a
// PNG and exits; used for docs/screenshots under Xvfb. --demo signs in to an
// in-memory relay with sample data (DemoBackend), for screenshots and tours.

#include <client/clientconfig.h>
#include <core/secretstore.h>
#include <core/settings.h>
#include <model/accountservice.h>
#include <model/demobackend.h>
#include <model/deployerprefs.h>
#include <model/deploymentsservice.h>
#include <model/deployservice.h>
#include <model/detectionservice.h>
#include <model/monitoringsession.h>
#include <model/githubsession.h>
#include <model/relaybackend.h>
#include <model/languagemanager.h>
#include <model/logging.h>
#include <model/offlinepricequotesource.h>
#include <model/projectsession.h>
#include <ui/deploymentspage.h>
#include <ui/mainwindow.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace ttalkak;
using namespace ttalkak::deployer;

namespace {
void grabLater(MainWindow *window, const QString &file)
{
    // Let layouts settle and pending paints run before grabbing.
    QTimer::singleShot(400, window, [window, file] {
        const bool ok = window->grab().save(file);
        qCInfo(lcUi) << "screenshot" << file << (ok ? "saved" : "FAILED");
        QCoreApplication::exit(ok ? 0 : 1);
    });
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"ttalkak-deployer"_s);
    QApplication::setOrganizationName(u"Ttalkak"_s);
    QApplication::setApplicationVersion(u"0.1.0"_s);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Deploy a project in one click."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOpt(
        u"config"_s, QCoreApplication::translate("main", "Use this settings file."), u"file"_s);
    const QCommandLineOption openOpt(
        u"open"_s, QCoreApplication::translate("main", "Open a repository folder or GitHub URL."), u"path"_s);
    const QCommandLineOption pageOpt(u"page"_s,
        QCoreApplication::translate("main", "Start on a page: projects, deployments, databases, settings."), u"name"_s);
    const QCommandLineOption tabOpt(
        u"tab"_s, QCoreApplication::translate("main", "Start on a project tab (0-3)."), u"index"_s);
    const QCommandLineOption shotOpt(
        u"screenshot"_s, QCoreApplication::translate("main", "Save a screenshot of the window and exit."), u"file"_s);
    const QCommandLineOption langOpt(
        u"language"_s, QCoreApplication::translate("main", "Override the UI language (en, ko)."), u"code"_s);
    const QCommandLineOption demoOpt(
        u"demo"_s, QCoreApplication::translate("main", "Use an in-memory relay with sample data."));
    parser.addOptions({ configOpt, openOpt, pageOpt, tabOpt, shotOpt, langOpt, demoOpt });
    parser.process(app);

    // The object graph: settings -> language; detection + relay + prices -> session -> window.
    auto settings = parser.isSet(configOpt) ? std::make_unique<core::Settings>(parser.value(configOpt))
                                            : std::make_unique<core::Settings>();
    LanguageManager language(settings.get());
    if (parser.isSet(langOpt))
        language.apply(parser.value(langOpt));

    DetectionService detection;
    DetectionConfig config;
    config.limits.maxBytes = settings->value(core::Settings::Key::MaxRepoBytes).toLongLong();
    config.limits.maxFiles = settings->value(core::Settings::Key::MaxRepoFiles).toInt();
    config.baseImagesOverride = settings->value(core::Settings::Key::BaseImagesOverride).toString();
    detection.setConfig(config);

    // Relay side: the account (token in the keychain) decides whether Deploy is offered.
    const bool demo = parser.isSet(demoOpt);
    DeployerPrefs prefs(settings.get());
    std::unique_ptr<core::SecretStore> secrets;
    if (demo)
        secrets = std::make_unique<core::MemorySecretStore>();
    else // the CLI's keychain service: `ttalkak login` and the app share the token
        secrets = std::make_unique<core::KeychainSecretStore>(client::ClientConfig::kSecretService);
    // RelayBackend answers like OfflineBackend until a session starts (restore() with a
    // relay URL and token, from the keychain or TTALKAK_RELAY_URL/TTALKAK_TOKEN, or a
    // sign-in), so the sign-in dialog works from the first start.
    std::unique_ptr<DeployerBackend> backend;
    if (demo)
        backend = std::make_unique<DemoBackend>();
    else
        backend = std::make_unique<RelayBackend>();
    AccountService account(backend.get(), secrets.get(), settings.get(), &prefs);
    OfflinePriceQuoteSource prices;
    ProjectSession session(&detection, &account, &prices);
    DeployService deploy(backend.get(), &session, &account);
    DeploymentsService deployments(backend.get(), &account);
    MonitoringSession monitoring(backend.get());
    monitoring.setLanguage(language.current());
    // The "why" list is made (and translated) by detection: run it again in the new language.
    QObject::connect(&language, &LanguageManager::languageChanged, &session, &ProjectSession::refreshReasons);
    QObject::connect(&language, &LanguageManager::languageChanged, &monitoring, [&monitoring](const QString &code) {
        monitoring.setLanguage(code);
        monitoring.refreshSummary();
    });

    // GitHub: sign-in, repositories and the chosen commit's files (detected here, cloned by the provider).
    QNetworkAccessManager network;
    GitHubSession github(&network, secrets.get(), &prefs);
    github.restore();
    QObject::connect(&github, &GitHubSession::sourceFetched, &session,
        [&session, &deploy](const ProjectSource &source, const QString &folder, const GitSelection &selection) {
            deploy.setGitSelection(selection);
            session.openFetched(source, folder);
        });

    MainWindow window(
        settings.get(), &session, &account, { &account, &deploy, &deployments, &monitoring, &github, &prefs });
    window.show();
    if (demo) {
        SignInForm form;
        form.relayUrl = u"https://relay.ttalkak.app"_s;
        form.email = u"demo@ttalkak.app"_s;
        form.password = u"demo-password"_s;
        account.signIn(form);
    } else {
        account.restore();
    }

    const QString page = parser.value(pageOpt);
    if (page == u"deployments"_s)
        window.showPage(MainWindow::Page::Deployments);
    else if (page == u"databases"_s)
        window.showPage(MainWindow::Page::Databases);
    else if (page == u"settings"_s)
        window.showPage(MainWindow::Page::Settings);

    const QString shot = parser.value(shotOpt);
    if (parser.isSet(openOpt)) {
        const QString target = parser.value(openOpt);
        auto source
            = QFileInfo(target).isDir() ? ProjectSource::fromLocalFolder(target) : ProjectSource::fromGitHubUrl(target);
        if (!source) {
            qCCritical(lcUi).noquote() << source.error().toString();
            return 2;
        }
        session.open(*source);
        if (!page.isEmpty() && page != u"projects"_s)
            window.showPage(page == u"settings"_s ? MainWindow::Page::Settings : MainWindow::Page::Deployments);
    }
    if (parser.isSet(tabOpt)) {
        if (auto *tabs = window.findChild<QTabWidget *>(u"detailTabs"_s))
            tabs->setCurrentIndex(parser.value(tabOpt).toInt());
    }
    if (page == u"monitoring"_s || page == u"deploy"_s) {
        // Needs data: in --demo the first deployment, or a fresh deploy of the opened project.
        QObject::connect(
            &account, &RelayLink::connectionChanged, &window,
            [&, page] {
                if (page == u"deploy"_s) {
                    auto run = [&] {
                        deploy.deploy();
                        window.showDeployProgress();
                    };
                    if (session.state() == ProjectSession::State::Detecting)
                        QObject::connect(&session, &ProjectSession::detectionFinished, &window, run,
                            Qt::SingleShotConnection);
                    else
                        run();
                    return;
                }
                QTimer::singleShot(50, &window, [&] {
                    const QModelIndex first = deployments.deployments()->index(0, 0);
                    if (first.isValid())
                        window.showMonitoring(first.data(DeploymentsModel::IdRole).toString(), first.data().toString());
                });
            },
            Qt::SingleShotConnection);
    }
    if (page == u"deployments"_s) {
        QObject::connect(deployments.deployments(), &QAbstractItemModel::modelReset, &window,
            [&window] { window.deploymentsPage()->selectRow(1); }, Qt::SingleShotConnection);
    }
    if (!shot.isEmpty()) {
        if (session.state() == ProjectSession::State::Detecting && page != u"deploy"_s)
            QObject::connect(
                &session, &ProjectSession::detectionFinished, &window, [&window, shot] { grabLater(&window, shot); },
                Qt::SingleShotConnection);
        else
            grabLater(&window, shot);
    }
    return app.exec();
}
