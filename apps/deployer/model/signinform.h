#pragma once
// SignInForm: the sign-in dialog's state and rules, without a widget — relay
// URL, e-mail, password and "create an account". errors() says what blocks
// submitting, in the order the fields appear.

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace ttalkak::deployer {

class SignInForm
{
    Q_DECLARE_TR_FUNCTIONS(SignInForm)
public:
    static constexpr int MinPasswordLength = 8; // the relay's sign-up rule

    QString relayUrl;
    QString email;
    QString password;
    bool createAccount = false;

    QStringList errors() const;
    bool isValid() const { return errors().isEmpty(); }
    // The normalised URL ("relay.example.com" → "https://relay.example.com").
    QUrl url() const;
};

} // namespace ttalkak::deployer
