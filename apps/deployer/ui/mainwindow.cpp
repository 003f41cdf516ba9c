#include "mainwindow.h"
#include "databasespage.h"
#include "deployprogresspage.h"
#include "deploymentspage.h"
#include "monitoringpage.h"
#include "signindialog.h"
#include "detectionpage.h"
#include "dropzone.h"
#include "emptystatepage.h"
#include "icons.h"
#include "settingspage.h"
#include "welcomepage.h"
#include "githubdialog.h"

#include <model/accountservice.h>
#include <model/deploymentsservice.h>
#include <model/deployservice.h>
#include <model/logging.h>
#include <model/monitoringsession.h>
#include <model/projectsession.h>
#include <model/relaylink.h>

#include <QDragEnterEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

MainWindow::MainWindow(core::Settings *settings, ProjectSession *session, RelayLink *relay,
    const MainWindowServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_settingsStore(settings)
    , m_session(session)
    , m_relay(relay)
    , m_services(services)
{
    setObjectName(u"mainWindow"_s);
    setAcceptDrops(true);
    setWindowIcon(icons::icon(u"logo"_s));
    resize(1280, 820);
    if (QFile qss(u":/ttalkak/deployer.qss"_s); qss.open(QIODevice::ReadOnly))
        setStyleSheet(QString::fromUtf8(qss.readAll()));

    m_projects = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_session, m_projects);
    m_detection = new DetectionPage(m_session, m_projects);
    m_projects->addWidget(m_welcome);
    m_welcome->fromGitHubButton()->setVisible(m_services.github != nullptr);
    connect(m_welcome, &WelcomePage::gitHubRequested, this, &MainWindow::openGitHub);
    m_projects->addWidget(m_detection);

    auto relayText = [] { return tr("Connect to a relay"); };
    auto settingsAction = [] { return tr("Relay settings"); };
    auto *deployments = new EmptyStatePage(
        u"plug"_s, relayText,
        [] {
            return tr("Your deployments — status, public URL, logs and traffic — appear here once the deployer "
                      "is connected to a relay.");
        },
        settingsAction, this);
    auto *databases = new EmptyStatePage(
        u"plug"_s, relayText,
        [] {
            return tr("Create MySQL, MariaDB, PostgreSQL, Redis or MongoDB databases and get a connection "
                      "string. Databases run on providers, so this needs a relay connection.");
        },
        settingsAction, this);
    deployments->setObjectName(u"deploymentsPage"_s);
    databases->setObjectName(u"databasesPage"_s);
    m_settings = new SettingsPage(m_settingsStore, m_services.prefs, this);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(u"pages"_s);
    m_pages->addWidget(m_projects);
    m_pages->addWidget(deployments);
    m_pages->addWidget(databases);
    m_pages->addWidget(m_settings);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildSidebar());
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    statusBar()->setSizeGripEnabled(false);

    connect(m_nav, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(deployments, &EmptyStatePage::actionTriggered, this, [this] { showPage(Page::Settings); });
    connect(databases, &EmptyStatePage::actionTriggered, this, [this] { showPage(Page::Settings); });
    connect(m_detection, &DetectionPage::newProjectRequested, this, &MainWindow::showWelcome);
    connect(m_session, &ProjectSession::sourceChanged, this, [this] {
        showPage(Page::Projects);
        m_projects->setCurrentWidget(m_detection);
    });
    connect(m_session, &ProjectSession::detectionFinished, this, &MainWindow::onDetectionFinished);
    connect(m_relay, &RelayLink::connectionChanged, this, &MainWindow::updateConnection);

    buildRelayPages();
    m_nav->setCurrentRow(0);
    retranslateUi();
}

void MainWindow::buildRelayPages()
{
    if (!m_services.deploy || !m_services.deployments || !m_services.monitoring)
        return;
    // The real pages take the placeholders' places; the order of m_pages follows the nav.
    m_deploymentsPage = new DeploymentsPage(m_services.deployments, this);
    m_databasesPage = new DatabasesPage(m_services.deployments, this);
    delete m_pages->widget(1);
    m_pages->insertWidget(1, m_deploymentsPage);
    delete m_pages->widget(2);
    m_pages->insertWidget(2, m_databasesPage);
    m_monitoringPage = new MonitoringPage(m_services.monitoring, this);
    m_pages->addWidget(m_monitoringPage);
    m_progress = new DeployProgressPage(m_services.deploy, m_projects);
    m_projects->addWidget(m_progress);

    connect(m_detection->deployButton(), &QPushButton::clicked, this, [this] {
        m_services.deploy->deploy();
        showDeployProgress();
    });
    connect(m_services.deploy, &DeployService::deploymentUpdated, m_services.deployments,
        &DeploymentsService::track);
    connect(m_progress, &DeployProgressPage::backRequested, this,
        [this] { m_projects->setCurrentWidget(m_detection); });
    connect(m_progress, &DeployProgressPage::showDeploymentsRequested, this, [this] { showPage(Page::Deployments); });
    connect(m_deploymentsPage, &DeploymentsPage::monitorRequested, this, &MainWindow::showMonitoring);
    connect(m_monitoringPage, &MonitoringPage::backRequested, this, [this] {
        m_pages->setCurrentWidget(m_deploymentsPage);
    });
    connect(m_services.deployments, &DeploymentsService::error, this,
        [this](const QString &m) { statusBar()->showMessage(m, 8000); });
}

void MainWindow::showDeployProgress()
{
    if (!m_progress)
        return;
    showPage(Page::Projects);
    m_projects->setCurrentWidget(m_progress);
}

void MainWindow::showMonitoring(const QString &deploymentId, const QString &name)
{
    if (!m_monitoringPage)
        return;
    m_services.monitoring->setDeployment(deploymentId, name);
    m_services.monitoring->refreshAll();
    showPage(Page::Deployments);
    m_pages->setCurrentWidget(m_monitoringPage);
}

void MainWindow::onAccountButton()
{
    if (!m_services.account)
        return;
    if (m_services.account->isConnected()) {
        m_services.account->signOut();
        return;
    }
    SignInDialog dialog(m_services.account, this);
    dialog.exec();
}

QWidget *MainWindow::buildSidebar()
{
    auto *sidebar = new QFrame(this);
    sidebar->setObjectName(u"sidebar"_s);
    sidebar->setFixedWidth(212);

    auto *logo = new QLabel(sidebar);
    logo->setPixmap(icons::icon(u"logo"_s).pixmap(28, 28));
    m_appName = new QLabel(u"Ttalkak"_s, sidebar);
    m_appName->setObjectName(u"appName"_s);
    auto *brand = new QHBoxLayout;
    brand->setContentsMargins(18, 18, 18, 14);
    brand->setSpacing(10);
    brand->addWidget(logo);
    brand->addWidget(m_appName, 1);

    m_nav = new QListWidget(sidebar);
    m_nav->setObjectName(u"nav"_s);
    m_nav->setIconSize(QSize(20, 20));
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (const QString &icon : { u"projects"_s, u"deployments"_s, u"databases"_s, u"settings"_s })
        new QListWidgetItem(icons::icon(icon), QString(), m_nav);

    m_connection = new QLabel(sidebar);
    m_connection->setObjectName(u"connection"_s);
    m_connection->setWordWrap(true);

    auto *layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(brand);
    layout->addWidget(m_nav, 1);
    layout->addWidget(m_connection);
    if (m_services.account) {
        m_account = new QPushButton(sidebar);
        m_account->setObjectName(u"accountButton"_s);
        auto *box = new QHBoxLayout;
        box->setContentsMargins(18, 0, 18, 14);
        box->addWidget(m_account);
        layout->addLayout(box);
        connect(m_account, &QPushButton::clicked, this, &MainWindow::onAccountButton);
    }
    return sidebar;
}

void MainWindow::showPage(Page page)
{
    m_nav->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_nav->currentRow());
}

void MainWindow::showWelcome()
{
    showPage(Page::Projects);
    m_projects->setCurrentWidget(m_welcome);
}

bool MainWindow::openMimeData(const QMimeData &mime)
{
    auto source = ProjectSource::fromMimeData(mime);
    if (!source) {
        qCInfo(lcUi) << "drop refused:" << source.error().toString();
        showWelcome();
        m_welcome->showError(source.error().toString());
        statusBar()->showMessage(source.error().toString(), 8000);
        return false;
    }
    m_session->open(*source);
    return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!ProjectSource::canAccept(*event->mimeData()))
        return;
    event->acceptProposedAction();
    m_welcome->dropZone()->setHighlighted(true);
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_welcome->dropZone()->setHighlighted(false);
    QMainWindow::dragLeaveEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    m_welcome->dropZone()->setHighlighted(false);
    if (openMimeData(*event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::onDetectionFinished()
{
    if (m_session->state() == ProjectSession::State::Ready)
        statusBar()->showMessage(
            tr("Detected %1 in %2 ms").arg(m_session->plan()->framework).arg(m_session->lastDetectionMs()), 8000);
    else if (m_session->error())
        statusBar()->showMessage(tr("Detection failed: %1").arg(m_session->error()->toString()), 8000);
}

void MainWindow::updateConnection()
{
    const bool connected = m_relay->isConnected();
    m_connection->setProperty("connected", connected);
    if (m_services.account) {
        m_connection->setText(connected ? tr("● Signed in as %1\n%2").arg(m_services.account->email(), m_relay->relayUrl().host())
                                        : tr("● Not signed in"));
        m_account->setText(connected ? tr("Sign out") : tr("Sign in…"));
    } else {
        m_connection->setText(connected ? tr("● Connected to %1").arg(m_relay->relayUrl().host())
                                        : tr("● Offline — not connected to a relay"));
    }
    m_connection->style()->unpolish(m_connection);
    m_connection->style()->polish(m_connection);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Ttalkak Deployer"));
    const QStringList labels { tr("Projects"), tr("Deployments"), tr("Databases"), tr("Settings") };
    for (int i = 0; i < labels.size(); ++i)
        m_nav->item(i)->setText(labels.at(i));
    m_session->reasons()->retranslate();
    m_session->environment()->retranslate();
    updateConnection();
}

void MainWindow::openGitHub()
{
    if (!m_services.github)
        return;
    auto *dialog = new GitHubDialog(m_services.github, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open(); // window-modal, no nested event loop
}

} // namespace ttalkak::deployer
