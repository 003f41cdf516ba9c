#include "logincommand.h"

#include "clisession.h"
#include "exitcodes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>

#include <termios.h>
#include <unistd.h>

namespace ttalkak::cli {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("login", text);
}

QString readLine(bool secret)
{
    termios saved{};
    const bool tty = isatty(STDIN_FILENO) == 1;
    if (secret && tty && tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    QString line = QString::fromUtf8(in.readLine());
    while (line.endsWith(u'\n') || line.endsWith(u'\r'))
        line.chop(1);
    if (secret && tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    }
    return line;
}

} // namespace

int runLogin(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Sign in to a relay and keep the token in the keychain."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"login"_s, tr("The command."));
    const QCommandLineOption relayOpt(u"relay"_s, tr("Relay URL (remembered)."), u"url"_s);
    const QCommandLineOption emailOpt(u"email"_s, tr("E-mail address."), u"email"_s);
    const QCommandLineOption stdinOpt(u"password-stdin"_s, tr("Read the password from standard input (first line)."));
    const QCommandLineOption signupOpt(u"signup"_s, tr("Create the account first."));
    parser.addOptions({relayOpt, emailOpt, stdinOpt, signupOpt});
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (parser.positionalArguments().size() != 1) {
        err() << tr("usage: ttalkak login [--relay URL] [--email E] [--password-stdin] [--signup]") << Qt::endl;
        return ExitUsage;
    }

    CliSession session;
    QUrl relay = session.config().relayUrl();
    if (parser.isSet(relayOpt)) {
        auto parsed = client::ClientConfig::parseRelayUrl(parser.value(relayOpt));
        if (!parsed) {
            reportError(parsed.error());
            return ExitUsage;
        }
        relay = *parsed;
    }
    QString email = parser.value(emailOpt);
    if (email.isEmpty()) {
        if (parser.isSet(stdinOpt)) {
            err() << tr("--password-stdin needs --email") << Qt::endl;
            return ExitUsage;
        }
        err() << tr("E-mail: ") << Qt::flush;
        email = readLine(false).trimmed();
    }
    if (!parser.isSet(stdinOpt))
        err() << tr("Password: ") << Qt::flush;
    const QString password = readLine(!parser.isSet(stdinOpt));
    if (email.isEmpty() || password.isEmpty()) {
        err() << tr("an e-mail address and a password are required") << Qt::endl;
        return ExitUsage;
    }

    client::RelayClient relayClient(relay);
    const bool signup = parser.isSet(signupOpt);
    client::RelayJob *job = signup ? relayClient.signUp(email, password)
                                   : relayClient.signIn(email, password, u"ttalkak-cli@"_s + QSysInfo::machineHostName().left(80));
    int code = ExitFailed;
    job->then(&relayClient, [&](const core::Result<QJsonObject> &r) {
        if (!r) {
            code = reportError(r.error(), signup ? tr("sign-up") : tr("sign-in"));
            quit(code);
            return;
        }
        const QString token = r->value(u"token"_s).toString();
        session.config().storeToken(relay, token, &relayClient, [&, relay](core::Result<void> stored) {
            if (!stored) {
                code = reportError(stored.error(), tr("storing the token"));
            } else {
                if (parser.isSet(relayOpt) && !session.config().relayUrlFromEnvironment())
                    session.config().setRelayUrl(relay);
                out() << (signup ? tr("Signed up to %1 as %2.") : tr("Signed in to %1 as %2.")).arg(relay.toString(), email)
                      << Qt::endl;
                code = ExitOk;
            }
            quit(code);
        });
    });
    runEventLoop();
    return code;
}

} // namespace ttalkak::cli
