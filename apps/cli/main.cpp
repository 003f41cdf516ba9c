// ttalkak: the command-line client. Subcommands dispatch to one file each.
#include "detectcommand.h"
#include "exitcodes.h"
#include "logscommand.h"
#include "summarycommand.h"
#ifdef TTALKAK_CLI_RELAY_COMMANDS
#include "dbcommand.h"
#include "deploycommand.h"
#include "logincommand.h"
#include "statuscommand.h"
#endif

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ttalkak"_s);
    QCoreApplication::setOrganizationName(u"Ttalkak"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);
    // The libraries' informational logs are for daemons; a CLI prints its own progress.
    // TTALKAK_VERBOSE=1 (or QT_LOGGING_RULES) brings them back.
    if (qEnvironmentVariableIntValue("TTALKAK_VERBOSE") == 0)
        QLoggingCategory::setFilterRules(u"ttalkak.*.info=false\nttalkak.*.debug=false"_s);

    using namespace ttalkak::cli;
    const QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    if (command == u"detect")
        return runDetect(args);
    if (command == u"logs")
        return runLogs(args);
    if (command == u"summary")
        return runSummary(args);
#ifdef TTALKAK_CLI_RELAY_COMMANDS
    if (command == u"login")
        return runLogin(args);
    if (command == u"deploy")
        return runDeploy(args);
    if (command == u"status")
        return runStatus(args);
    if (command == u"db")
        return runDb(args);
#endif

    if (command == u"--version") {
        QTextStream(stdout) << "ttalkak " << QCoreApplication::applicationVersion() << '\n';
        return ExitOk;
    }
    const bool help = command == u"--help" || command == u"-h" || command == u"help";
    QTextStream stream(help ? stdout : stderr);
    if (!help && !command.isEmpty())
        stream << QCoreApplication::translate("main", "unknown command: %1").arg(command) << "\n\n";
    stream << QCoreApplication::translate(
        "main",
        "usage: ttalkak <command> [options]      (ttalkak <command> --help for its options)\n\n"
        "commands:\n"
        "  login [--relay URL] [--email E] [--password-stdin] [--signup]\n"
        "                                       sign in; the token goes to the keychain\n"
        "  deploy [PATH | --repo URL [--ref REF] [--commit SHA]] [--name N] [--cpu MILLIS]\n"
        "         [--memory MB] [--env K=V]... [--no-wait]\n"
        "                                       detect, upload or point at git, deploy, follow to running\n"
        "  status [ID] [--json]                 your deployments and databases, or one of them\n"
        "  logs ID [-f] [--access]              a deployment's container or access log\n"
        "  db create ENGINE [--name N]          a database (postgres, mysql, mariadb, redis, mongo);\n"
        "                                       prints its connection URL once it runs\n"
        "  db list | db delete ID\n"
        "  detect [PATH] [--app DIR] [--json]   detect the framework and print the Dockerfile\n"
        "  logs parse FILE|- [--json]           print each line's log template id and template\n"
        "  summary DEPLOYMENT [--window 1h]     print a deployment's log summary from the relay\n\n"
        "environment:\n"
        "  TTALKAK_RELAY_URL, TTALKAK_TOKEN     relay and token for scripts (override login)\n"
        "  TTALKAK_CONFIG                       settings file to use instead of the user's\n"
        "  TTALKAK_SECRET_STORE=memory          keep the token in memory only (no keychain)\n"
        "  TTALKAK_DOMAIN, TTALKAK_INGRESS_PORT the relay's public domain and port for printed URLs\n\n"
        "exit codes:\n"
        "  0 ok   1 usage   2 failed   3 not signed in / refused   4 not found\n"
        "  5 relay unreachable   6 timed out\n");
    return help ? ExitOk : ExitUsage;
}
