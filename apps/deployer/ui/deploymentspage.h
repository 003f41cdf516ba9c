#pragma once
// DeploymentsPage: the deployments table (DeploymentsModel) with start, stop,
// restart, redeploy, delete (confirmed) and "Monitoring" for the selected row.
// Actions go to DeploymentsService.

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace ttalkak::deployer {

class DeploymentsService;

class DeploymentsPage : public QWidget
{
    Q_OBJECT
public:
    explicit DeploymentsPage(DeploymentsService *service, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QString selectedId() const;
    void selectRow(int row);
    // Asked before deleting; tests replace it.
    std::function<bool(const QString &name)> confirmDelete;

Q_SIGNALS:
    void monitorRequested(const QString &id, const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateActions();
    void retranslateUi();

    DeploymentsService *m_service;
    QLabel *m_title;
    QLabel *m_hint;
    QTableView *m_table;
    QPushButton *m_refresh;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_restart;
    QPushButton *m_redeploy;
    QPushButton *m_delete;
    QPushButton *m_monitor;
};

} // namespace ttalkak::deployer
