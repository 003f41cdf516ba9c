#pragma once
// DatabasesPage: create a database (DatabaseForm), the list (DatabasesModel),
// and the selected one's connection: host, port, password (masked, show/copy)
// and the connection string (copy). Actions go to DeploymentsService.

#include <QWidget>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QToolButton;

namespace ttalkak::deployer {

class DatabaseForm;
class DeploymentsService;

class DatabasesPage : public QWidget
{
    Q_OBJECT
public:
    explicit DatabasesPage(DeploymentsService *service, QWidget *parent = nullptr);

    DatabaseForm form() const;
    QTableView *table() const { return m_table; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *connectionField() const { return m_url; }
    QToolButton *showPasswordButton() const { return m_show; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void validate();
    void showDetails();
    void retranslateUi();

    DeploymentsService *m_service;
    QLabel *m_title;
    QGroupBox *m_createBox;
    QFormLayout *m_formLayout;
    QComboBox *m_engine;
    QLineEdit *m_name;
    QLineEdit *m_version;
    QSpinBox *m_cpu;
    QSpinBox *m_memory;
    QSpinBox *m_disk;
    QLabel *m_formError;
    QPushButton *m_create;
    QTableView *m_table;
    QGroupBox *m_detailsBox;
    QFormLayout *m_detailsLayout;
    QLineEdit *m_host;
    QLineEdit *m_port;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QToolButton *m_show;
    QToolButton *m_copyPassword;
    QLineEdit *m_url;
    QToolButton *m_copyUrl;
    QLabel *m_pending;
    QPushButton *m_delete;
};

} // namespace ttalkak::deployer
