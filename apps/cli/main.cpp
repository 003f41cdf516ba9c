// ttalkak: the command-line client. Subcommands dispatch to one file each.
#include "detectcommand.h"
#include "logscommand.h"
#include "summarycommand.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ttalkak"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);

    const QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    if (command == u"detect")
        return ttalkak::cli::runDetect(args);
    if (command == u"logs")
        return ttalkak::cli::runLogs(args);
    if (command == u"summary")
        return ttalkak::cli::runSummary(args);

    QTextStream err(stderr);
    if (command == u"--version") {
        QTextStream(stdout) << "ttalkak " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    err << QCoreApplication::translate("main",
                                       "usage: ttalkak <command> [options]\n\n"
                                       "commands:\n"
                                       "  detect [PATH] [--app DIR] [--json]   detect the framework and print the Dockerfile\n"
                                       "  logs parse FILE|- [--json]           print each line's log template id and template\n"
                                       "  summary DEPLOYMENT [--window 1h]     print a deployment's log summary from the relay\n");
    return command.isEmpty() || command == u"--help" || command == u"-h" ? (command.isEmpty() ? 2 : 0) : 2;
}
