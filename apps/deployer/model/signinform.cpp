#include "signinform.h"

#include <QRegularExpression>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

QUrl SignInForm::url() const
{
    const QString text = relayUrl.trimmed();
    if (text.isEmpty())
        return {};
    QUrl u = QUrl::fromUserInput(text);
    if (!text.contains(u"://"_s))
        u.setScheme(u"https"_s);
    return u;
}

QStringList SignInForm::errors() const
{
    QStringList out;
    const QUrl u = url();
    if (!u.isValid() || u.host().isEmpty() || (u.scheme() != u"http"_s && u.scheme() != u"https"_s))
        out.append(tr("Enter the relay's address, e.g. https://relay.example.com."));
    static const QRegularExpression mail(u"^[^@\\s]+@[^@\\s]+$"_s);
    if (!mail.match(email.trimmed()).hasMatch())
        out.append(tr("Enter a valid e-mail address."));
    if (password.isEmpty())
        out.append(tr("Enter your password."));
    else if (createAccount && password.size() < MinPasswordLength)
        out.append(tr("A new password needs at least %n characters.", nullptr, MinPasswordLength));
    return out;
}

} // namespace ttalkak::deployer
