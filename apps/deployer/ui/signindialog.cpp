#include "signindialog.h"

#include <model/accountservice.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

SignInDialog::SignInDialog(AccountService *account, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
{
    setObjectName(u"signInDialog"_s);
    setWindowTitle(tr("Sign in to a relay"));
    m_relay = new QLineEdit(account->relayUrl().toString(), this);
    m_relay->setObjectName(u"relayUrl"_s);
    m_email = new QLineEdit(account->email(), this);
    m_email->setObjectName(u"email"_s);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_create = new QCheckBox(tr("Create a new account"), this);
    m_error = new QLabel(this);
    m_error->setObjectName(u"errorText"_s);
    m_error->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("Relay"), m_relay);
    form->addRow(tr("E-mail"), m_email);
    form->addRow(tr("Password"), m_password);
    form->addRow(QString(), m_create);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    for (QLineEdit *e : { m_relay, m_email, m_password })
        connect(e, &QLineEdit::textChanged, this, &SignInDialog::validate);
    connect(m_create, &QCheckBox::toggled, this, &SignInDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_account, &AccountService::signedIn, this, &QDialog::accept);
    connect(m_account, &AccountService::signInFailed, this, [this](const QString &message) {
        m_error->setText(message);
        submitButton()->setEnabled(true);
    });
    validate();
    m_error->clear(); // no complaints before the user typed anything
}

QPushButton *SignInDialog::submitButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

SignInForm SignInDialog::form() const
{
    SignInForm f;
    f.relayUrl = m_relay->text();
    f.email = m_email->text();
    f.password = m_password->text();
    f.createAccount = m_create->isChecked();
    return f;
}

void SignInDialog::validate()
{
    const SignInForm f = form();
    const QStringList errors = f.errors();
    submitButton()->setText(f.createAccount ? tr("Create account") : tr("Sign in"));
    submitButton()->setEnabled(errors.isEmpty() && !m_account->isBusy());
    m_error->setText(errors.value(0));
}

void SignInDialog::submit()
{
    submitButton()->setEnabled(false);
    m_error->setText(tr("Signing in…"));
    m_account->signIn(form());
}

} // namespace ttalkak::deployer
