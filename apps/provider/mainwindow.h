#pragma once
// MainWindow: the engine's status strip above three pages — Deployments, Sharing (caps) and
// Earnings. Built by main() around an engine it does not own. With a tray, closing hides the
// window (the provider keeps running); without one, closing quits.

#include <QMainWindow>

class QTabWidget;

namespace ttalkak::provider {
class DeploymentModel;
class ProviderEngine;
} // namespace ttalkak::provider

namespace ttalkak::provider::ui {

class CapsEditor;
class DeploymentsPage;
class EarningsPage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ProviderEngine &engine, DeploymentModel &model, QWidget *parent = nullptr);

    void setHidesOnClose(bool hides) { m_hidesOnClose = hides; }
    DeploymentsPage *deploymentsPage() const { return m_deployments; }
    CapsEditor *capsEditor() const { return m_caps; }
    void showPage(int index);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QTabWidget *m_tabs;
    DeploymentsPage *m_deployments;
    CapsEditor *m_caps;
    EarningsPage *m_earnings;
    bool m_hidesOnClose = false;
};

} // namespace ttalkak::provider::ui
