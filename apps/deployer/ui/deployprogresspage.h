#pragma once
// DeployProgressPage: renders DeployProgress — the steps, the live build log
// (monospace, bounded, follows the end unless the user scrolled up), then the
// public URL with a copy button, or the failing step with the last log lines
// and Retry.

#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace ttalkak::deployer {

class DeployService;

class DeployProgressPage : public QWidget
{
    Q_OBJECT
public:
    explicit DeployProgressPage(DeployService *service, QWidget *parent = nullptr);

    QPlainTextEdit *logView() const { return m_log; }
    QLabel *urlLabel() const { return m_url; }
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void backRequested();
    void showDeploymentsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void appendLine(const QString &line);
    void retranslateUi();

    DeployService *m_service;
    QLabel *m_title;
    QLabel *m_state;
    QListView *m_steps;
    QLabel *m_logTitle;
    QPlainTextEdit *m_log;
    QWidget *m_success;
    QLabel *m_successText;
    QLabel *m_url;
    QPushButton *m_copy;
    QPushButton *m_open;
    QWidget *m_failure;
    QLabel *m_failureTitle;
    QLabel *m_failureText;
    QPlainTextEdit *m_tail;
    QPushButton *m_retry;
    QPushButton *m_back;
    QPushButton *m_list;
};

} // namespace ttalkak::deployer
