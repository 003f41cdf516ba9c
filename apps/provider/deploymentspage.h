#pragma once
// DeploymentsPage: the deployments table (DeploymentModel) with start/stop/restart/remove, and
// for the selected deployment its live CPU, memory and network charts and its container logs.

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace ttalkak::provider {
class DeploymentModel;
class ProviderEngine;
struct LogEntry;
struct UsagePoint;
} // namespace ttalkak::provider

namespace ttalkak::provider::ui {

class UsageChart;

class DeploymentsPage : public QWidget
{
    Q_OBJECT
public:
    DeploymentsPage(ProviderEngine &engine, DeploymentModel &model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    void select(int row);
    QString selectedId() const { return m_selected; }

private:
    void onSelectionChanged();
    void refreshCharts();
    void refreshButtons();
    void appendLogs(const QString &id, const QList<LogEntry> &entries);
    void reloadLogs();

    ProviderEngine &m_engine;
    DeploymentModel &m_model;
    QTableView *m_view;
    QStackedWidget *m_stack;
    QLabel *m_detailTitle;
    UsageChart *m_cpu;
    UsageChart *m_memory;
    UsageChart *m_network;
    QPlainTextEdit *m_logs;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_restart;
    QPushButton *m_remove;
    QString m_selected;
};

} // namespace ttalkak::provider::ui
