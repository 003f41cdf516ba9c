#include "statuscommand.h"

#include "clisession.h"
#include "exitcodes.h"

#include <client/relaysubscription.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace ttalkak::cli {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("status", text);
}

QString when(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

void printTable(const QJsonArray &rows)
{
    const QStringList header{tr("ID"), tr("NAME"), tr("KIND"), tr("STATE"), tr("DESIRED"), tr("UPDATED (UTC)")};
    QList<QStringList> lines{header};
    for (const QJsonValue &v : rows) {
        const QJsonObject d = v.toObject();
        QString kind = d.value(u"kind"_s).toString();
        if (kind == u"database")
            kind += u'/' + d.value(u"spec"_s).toObject().value(u"engine"_s).toString();
        lines.append({d.value(u"id"_s).toString(), d.value(u"name"_s).toString(), kind, d.value(u"state"_s).toString(),
                      d.value(u"desired"_s).toString(), when(d.value(u"updatedAt"_s).toInteger())});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &l : std::as_const(lines))
        for (qsizetype i = 0; i < l.size(); ++i)
            widths[i] = std::max(widths[i], l[i].size());
    for (const QStringList &l : std::as_const(lines)) {
        QString row;
        for (qsizetype i = 0; i < l.size(); ++i)
            row += i + 1 < l.size() ? l[i].leftJustified(widths[i] + 2) : l[i];
        out() << row << '\n';
    }
    out().flush();
}

void printOne(const QJsonObject &d)
{
    auto line = [](const QString &label, const QString &value) {
        if (!value.isEmpty())
            out() << label.leftJustified(12) << value << '\n';
    };
    line(tr("ID"), d.value(u"id"_s).toString());
    line(tr("Name"), d.value(u"name"_s).toString());
    line(tr("Kind"), d.value(u"kind"_s).toString());
    line(tr("State"), d.value(u"state"_s).toString());
    line(tr("Desired"), d.value(u"desired"_s).toString());
    line(tr("Generation"), QString::number(d.value(u"generation"_s).toInteger()));
    line(tr("Detail"), d.value(u"detail"_s).toString());
    line(tr("Provider"), d.value(u"providerId"_s).toString());
    line(tr("URL"), d.value(u"url"_s).toString());
    const QJsonObject r = d.value(u"resources"_s).toObject();
    line(tr("Resources"), tr("%1 mCPU, %2 MB memory, %3 MB disk")
                              .arg(r.value(u"cpuMillis"_s).toInteger())
                              .arg(r.value(u"memoryMb"_s).toInteger())
                              .arg(r.value(u"diskMb"_s).toInteger()));
    const QJsonObject connection = d.value(u"connection"_s).toObject();
    line(tr("Connection"), connection.value(u"url"_s).toString());
    line(tr("Updated"), when(d.value(u"updatedAt"_s).toInteger()));
    out().flush();
}

// One line per status change the relay pushes, until interrupted: what a deployer watching a
// deployment sees (a reschedule after a provider was lost carries its reason).
void followStatus(client::RelayClient *relay, const QString &id, QObject *context)
{
    auto *live = new client::RelaySubscription(relay->webSocketUrl(), relay->token(), context);
    auto print = [](const QJsonObject &s) {
        QString text = QDateTime::currentDateTimeUtc().toString(u"HH:mm:ss"_s) + u' ' + s.value(u"state"_s).toString()
            + tr(" (generation %1)").arg(s.value(u"generation"_s).toInteger());
        if (const QString p = s.value(u"providerId"_s).toString(); !p.isEmpty())
            text += tr(" on %1").arg(p);
        if (const QString why = s.value(u"reason"_s).toString(); !why.isEmpty())
            text += u" — "_s + why;
        out() << text << Qt::endl;
    };
    QObject::connect(live, &client::RelaySubscription::status, context, [print](const QString &, const QJsonObject &s) { print(s); });
    QObject::connect(live, &client::RelaySubscription::disconnected, context, [](const QString &reason) {
        err() << tr("warning: lost the live connection (%1); reconnecting").arg(reason) << Qt::endl;
    });
    QObject::connect(live, &client::RelaySubscription::failed, context, [](const core::Error &e) { quit(reportError(e)); });
    QObject::connect(live, &client::RelaySubscription::subscriptionFailed, context,
                     [](const QString &, const core::Error &e) { quit(reportError(e)); });
    live->subscribe(id);
    live->open();
}

} // namespace

int runStatus(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show your deployments and databases, or one of them."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"status"_s, tr("The command."));
    parser.addPositionalArgument(u"id"_s, tr("A deployment or database id (optional)."), u"[ID]"_s);
    const QCommandLineOption relayOpt(u"relay"_s, tr("Relay URL (default: the configured one)."), u"url"_s);
    const QCommandLineOption jsonOpt(u"json"_s, tr("Print the relay's JSON."));
    const QCommandLineOption searchOpt(u"search"_s, tr("Only names containing TEXT."), u"text"_s);
    const QCommandLineOption followOpt({u"f"_s, u"follow"_s}, tr("With ID: keep printing status changes until interrupted."));
    parser.addOptions({relayOpt, jsonOpt, searchOpt, followOpt});
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        out() << parser.helpText();
        return ExitOk;
    }
    const QStringList pos = parser.positionalArguments();
    if (pos.size() > 2) {
        err() << tr("usage: ttalkak status [ID] [--json]") << Qt::endl;
        return ExitUsage;
    }
    const QString id = pos.value(1);
    const bool json = parser.isSet(jsonOpt);
    const bool follow = parser.isSet(followOpt);
    if (follow && id.isEmpty()) {
        err() << tr("usage: ttalkak status ID --follow") << Qt::endl;
        return ExitUsage;
    }

    CliSession session;
    QObject context;
    int code = ExitFailed;
    auto finish = [&code](int c) {
        code = c;
        quit(c);
    };
    session.withClient(parser.value(relayOpt), &context, [&](client::RelayClient *relay) {
        if (!id.isEmpty()) {
            // The same id space serves apps and databases; try the app first.
            relay->deployment(id)->then(&context, [&, relay](const core::Result<QJsonObject> &app) {
                auto show = [&](const core::Result<QJsonObject> &r) {
                    if (!r)
                        return finish(reportError(r.error()));
                    if (json)
                        out() << QString::fromUtf8(QJsonDocument(*r).toJson(QJsonDocument::Indented)) << Qt::flush;
                    else
                        printOne(*r);
                    if (follow && r->value(u"kind"_s).toString() != u"database")
                        return followStatus(relay, id, &context);
                    finish(ExitOk);
                };
                if (app || app.error().code() != core::ErrorCode::NotFound)
                    return show(app);
                relay->database(id)->then(&context, show);
            });
            return;
        }
        client::PageQuery page;
        page.pageSize = 100;
        page.search = parser.value(searchOpt);
        relay->listDeployments(page)->then(&context, [&, relay, page](const core::Result<QJsonObject> &apps) {
            if (!apps)
                return finish(reportError(apps.error()));
            relay->listDatabases(page)->then(&context, [&, appsJson = *apps](const core::Result<QJsonObject> &dbs) {
                if (!dbs)
                    return finish(reportError(dbs.error()));
                QJsonArray rows = appsJson.value(u"items"_s).toArray();
                for (const QJsonValue &v : dbs->value(u"items"_s).toArray())
                    rows.append(v);
                if (json) {
                    out() << QString::fromUtf8(QJsonDocument(QJsonObject{{u"items"_s, rows}}).toJson(QJsonDocument::Indented)) << Qt::flush;
                } else if (rows.isEmpty()) {
                    out() << tr("No deployments yet. Try `ttalkak deploy`.") << Qt::endl;
                } else {
                    printTable(rows);
                }
                finish(ExitOk);
            });
        });
    }, finish);
    runEventLoop();
    return code;
}

} // namespace ttalkak::cli
