#include "dbcommand.h"

#include "clisession.h"
#include "exitcodes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimer>

namespace ttalkak::cli {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("db", text);
}

const QStringList kEngines{u"postgres"_s, u"mysql"_s, u"mariadb"_s, u"redis"_s, u"mongo"_s};
constexpr int kPollMs = 1000;

} // namespace

int runDb(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Create, list and delete databases."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"db"_s, tr("The command."));
    parser.addPositionalArgument(u"action"_s, tr("create ENGINE | list | delete ID"));
    const QCommandLineOption relayOpt(u"relay"_s, tr("Relay URL (default: the configured one)."), u"url"_s);
    const QCommandLineOption nameOpt(u"name"_s, tr("Database name (default: ENGINE-<random>)."), u"name"_s);
    const QCommandLineOption versionOpt(u"version"_s, tr("Engine version (default: the engine's)."), u"version"_s);
    const QCommandLineOption cpuOpt(u"cpu"_s, tr("CPU in millicores (default 500)."), u"millis"_s, u"500"_s);
    const QCommandLineOption memoryOpt(u"memory"_s, tr("Memory in MB (default 512)."), u"mb"_s, u"512"_s);
    const QCommandLineOption diskOpt(u"disk"_s, tr("Disk in MB (default 1024)."), u"mb"_s, u"1024"_s);
    const QCommandLineOption timeoutOpt(u"timeout"_s, tr("Seconds to wait for the connection (default 300)."), u"s"_s, u"300"_s);
    const QCommandLineOption noWaitOpt(u"no-wait"_s, tr("Print the id and return without waiting."));
    parser.addOptions({relayOpt, nameOpt, versionOpt, cpuOpt, memoryOpt, diskOpt, timeoutOpt, noWaitOpt});
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        out() << parser.helpText();
        return ExitOk;
    }
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(1);
    const bool create = action == u"create" && pos.size() == 3;
    const bool list = action == u"list" && pos.size() == 2;
    const bool remove = action == u"delete" && pos.size() == 3;
    if (!create && !list && !remove) {
        err() << tr("usage: ttalkak db create ENGINE [--name N] | db list | db delete ID") << Qt::endl;
        return ExitUsage;
    }
    client::DatabaseRequest request;
    int timeoutS = 0;
    if (create) {
        request.engine = pos.at(2);
        if (!kEngines.contains(request.engine)) {
            err() << tr("ENGINE must be one of %1").arg(kEngines.join(u", "_s)) << Qt::endl;
            return ExitUsage;
        }
        request.name = parser.isSet(nameOpt) ? parser.value(nameOpt)
                                             : request.engine + u'-' + QString::number(QRandomGenerator::global()->bounded(100000, 999999));
        request.version = parser.value(versionOpt);
        bool a = false, b = false, c = false, d = false;
        request.resources.cpuMillis = parser.value(cpuOpt).toInt(&a);
        request.resources.memoryMb = parser.value(memoryOpt).toInt(&b);
        request.resources.diskMb = parser.value(diskOpt).toInt(&c);
        timeoutS = parser.value(timeoutOpt).toInt(&d);
        if (!a || !b || !c || !d || timeoutS < 1) {
            err() << tr("--cpu, --memory, --disk and --timeout take positive numbers") << Qt::endl;
            return ExitUsage;
        }
    }

    CliSession session;
    QObject context;
    int code = ExitFailed;
    auto finish = [&code](int c) {
        code = c;
        quit(c);
    };
    QTimer poll;
    poll.setSingleShot(true);
    qint64 deadline = 0;
    QString id;
    session.withClient(parser.value(relayOpt), &context, [&](client::RelayClient *relay) {
        if (list) {
            client::PageQuery page;
            page.pageSize = 100;
            relay->listDatabases(page)->then(&context, [&](const core::Result<QJsonObject> &r) {
                if (!r)
                    return finish(reportError(r.error()));
                for (const QJsonValue &v : r->value(u"items"_s).toArray()) {
                    const QJsonObject d = v.toObject();
                    out() << d.value(u"id"_s).toString() << '\t' << d.value(u"name"_s).toString() << '\t'
                          << d.value(u"spec"_s).toObject().value(u"engine"_s).toString() << '\t' << d.value(u"state"_s).toString() << '\n';
                }
                out().flush();
                finish(ExitOk);
            });
            return;
        }
        if (remove) {
            relay->deleteDatabase(pos.at(2))->then(&context, [&](const core::Result<QJsonObject> &r) {
                if (!r)
                    return finish(reportError(r.error()));
                out() << tr("Deleting %1.").arg(pos.at(2)) << Qt::endl;
                finish(ExitOk);
            });
            return;
        }
        relay->createDatabase(request)->then(&context, [&, relay](const core::Result<QJsonObject> &r) {
            if (!r)
                return finish(reportError(r.error(), tr("create")));
            id = r->value(u"id"_s).toString();
            out() << tr("Database %1 (%2) created: %3").arg(request.name, request.engine, id) << Qt::endl;
            if (parser.isSet(noWaitOpt))
                return finish(ExitOk);
            err() << tr("Waiting for a provider to run it...") << Qt::endl;
            deadline = QDateTime::currentMSecsSinceEpoch() + qint64(timeoutS) * 1000;
            QObject::connect(&poll, &QTimer::timeout, &context, [&, relay] {
                relay->database(id)->then(&context, [&](const core::Result<QJsonObject> &d) {
                    if (!d && d.error().code() != core::ErrorCode::Unavailable && d.error().code() != core::ErrorCode::Timeout)
                        return finish(reportError(d.error(), tr("waiting")));
                    const QString state = d ? d->value(u"state"_s).toString() : QString();
                    const QString url = d ? d->value(u"connection"_s).toObject().value(u"url"_s).toString() : QString();
                    if (!url.isEmpty()) {
                        out() << url << Qt::endl;
                        return finish(ExitOk);
                    }
                    if (state == u"failed" || state == u"deleted") {
                        err() << tr("error: the database is %1: %2").arg(state, d->value(u"detail"_s).toString()) << Qt::endl;
                        return finish(ExitFailed);
                    }
                    if (QDateTime::currentMSecsSinceEpoch() >= deadline) {
                        err() << tr("error: timed out waiting for a connection (state %1); `ttalkak status %2` shows it later")
                                     .arg(state.isEmpty() ? tr("unknown") : state, id)
                              << Qt::endl;
                        return finish(ExitTimeout);
                    }
                    poll.start(kPollMs);
                });
            });
            poll.start(0);
        });
    }, finish);
    runEventLoop();
    return code;
}

} // namespace ttalkak::cli
