#pragma once
// SignInDialog: relay URL, e-mail, password, "create an account". The rules
// live in SignInForm and the work in AccountService; this only renders them.

#include <model/signinform.h>

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ttalkak::deployer {

class AccountService;

class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(AccountService *account, QWidget *parent = nullptr);

    SignInForm form() const;
    QLineEdit *relayEdit() const { return m_relay; }
    QLineEdit *emailEdit() const { return m_email; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *createAccountBox() const { return m_create; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *submitButton() const;

private:
    void validate();
    void submit();

    AccountService *m_account;
    QLineEdit *m_relay;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QCheckBox *m_create;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace ttalkak::deployer
