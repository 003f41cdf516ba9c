#include "mainwindow.h"
#include "appicon.h"
#include "capseditor.h"
#include "deploymentspage.h"
#include "earningspage.h"
#include "enginestatusbar.h"

#include <engine/deploymentmodel.h>
#include <engine/providerengine.h>

#include <QCloseEvent>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ttalkak::provider::ui {

namespace {
const auto kStyle = uR"(
QMainWindow, QTabWidget::pane { background: #f8fafc; }
#engineStatusBar { background: #ecfdf5; border-bottom: 1px solid #a7f3d0; }
#engineStatusBar[state="down"] { background: #fef2f2; border-bottom: 1px solid #fecaca; }
#fixText { color: #374151; }
#badge { background: #ffffff; border: 1px solid #d1d5db; border-radius: 10px; padding: 3px 10px; color: #1f2937; }
#sectionTitle { font-weight: 600; font-size: 11pt; color: #111827; padding: 2px 0 6px 0; }
#subTitle { font-weight: 600; color: #374151; padding-top: 6px; }
#hint { color: #6b7280; }
#emptyState { color: #6b7280; padding: 24px; font-size: 10.5pt; }
#card { background: #ffffff; border: 1px solid #e5e7eb; border-radius: 8px; }
#cardValue { font-size: 18pt; font-weight: 600; color: #111827; }
#logView { background: #0f172a; color: #e2e8f0; border-radius: 6px; padding: 4px; }
QTableView { background: #ffffff; alternate-background-color: #f9fafb; border: 1px solid #e5e7eb;
             border-radius: 6px; selection-background-color: #dbeafe; selection-color: #111827; }
QHeaderView::section { background: #f3f4f6; border: none; border-bottom: 1px solid #e5e7eb;
                       padding: 5px 8px; font-weight: 600; color: #374151; }
QTabWidget::pane { border: none; border-top: 1px solid #e5e7eb; }
QTabBar::tab { padding: 9px 22px; border: none; background: transparent; color: #4b5563; font-weight: 600; }
QTabBar::tab:selected { color: #1d4ed8; border-bottom: 3px solid #2563eb; }
QTabBar::tab:hover:!selected { color: #111827; }
QGroupBox { font-weight: 600; border: 1px solid #e5e7eb; border-radius: 8px; margin-top: 14px;
            padding: 16px 12px 12px 12px; background: #ffffff; }
QGroupBox::title { subcontrol-origin: margin; left: 12px; padding: 0 4px; }
)"_s;
} // namespace

MainWindow::MainWindow(ProviderEngine &engine, DeploymentModel &model, QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_deployments(new DeploymentsPage(engine, model, this))
    , m_caps(new CapsEditor(engine, this))
    , m_earnings(new EarningsPage(this))
{
    setWindowTitle(tr("Ttalkak Provider"));
    setWindowIcon(AppIcon::make());
    setStyleSheet(kStyle);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_deployments, tr("Deployments"));
    m_tabs->addTab(m_caps, tr("Sharing"));
    m_tabs->addTab(m_earnings, tr("Earnings"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(new EngineStatusBar(engine, central));
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    connect(&engine, &ProviderEngine::relayConnectedChanged, m_earnings, &EarningsPage::setConnected);
    connect(&engine, &ProviderEngine::earningsChanged, m_earnings, &EarningsPage::setEarnings);
    resize(1280, 820);
}

void MainWindow::showPage(int index)
{
    m_tabs->setCurrentIndex(index);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_hidesOnClose) {
        hide(); // the tray keeps the provider running
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace ttalkak::provider::ui
