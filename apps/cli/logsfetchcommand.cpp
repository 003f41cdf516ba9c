#include "logsfetchcommand.h"

#include "clisession.h"
#include "exitcodes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QTimer>

namespace ttalkak::cli {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("logs", text);
}

constexpr int kFollowPollMs = 2000;

QString formatItem(const QJsonObject &item, bool access)
{
    const QString at = QDateTime::fromMSecsSinceEpoch(item.value(u"at"_s).toInteger(), Qt::UTC).toString(Qt::ISODateWithMs);
    if (!access)
        return at + u' ' + item.value(u"stream"_s).toString() + u' ' + item.value(u"line"_s).toString();
    return u"%1 %2 %3 %4 %5ms %6B %7"_s.arg(at, item.value(u"method"_s).toString(), item.value(u"path"_s).toString())
        .arg(item.value(u"status"_s).toInt())
        .arg(item.value(u"latencyMs"_s).toDouble())
        .arg(item.value(u"bytesOut"_s).toInteger())
        .arg(item.value(u"client"_s).toString());
}

} // namespace

int runLogsFetch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print a deployment's logs from the relay (see also `ttalkak logs parse`)."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"logs"_s, tr("The command."));
    parser.addPositionalArgument(u"id"_s, tr("Deployment id."));
    const QCommandLineOption relayOpt(u"relay"_s, tr("Relay URL (default: the configured one)."), u"url"_s);
    const QCommandLineOption followOpt({u"f"_s, u"follow"_s}, tr("Keep printing new lines."));
    const QCommandLineOption accessOpt(u"access"_s, tr("The access log (one row per HTTP request) instead of the container's."));
    const QCommandLineOption limitOpt(u"limit"_s, tr("Lines to print first, 1-1000 (default 100)."), u"n"_s, u"100"_s);
    const QCommandLineOption searchOpt(u"search"_s, tr("Only lines containing TEXT."), u"text"_s);
    const QCommandLineOption jsonOpt(u"json"_s, tr("One JSON object per line."));
    parser.addOptions({relayOpt, followOpt, accessOpt, limitOpt, searchOpt, jsonOpt});
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        out() << parser.helpText();
        return ExitOk;
    }
    const QStringList pos = parser.positionalArguments();
    bool ok = false;
    const int limit = parser.value(limitOpt).toInt(&ok);
    if (pos.size() != 2 || !ok || limit < 1 || limit > 1000) {
        err() << tr("usage: ttalkak logs ID [-f] [--access] [--limit 1-1000] | ttalkak logs parse FILE") << Qt::endl;
        return ExitUsage;
    }
    const QString id = pos.at(1);
    const bool access = parser.isSet(accessOpt);
    const bool json = parser.isSet(jsonOpt);

    CliSession session;
    QObject context;
    int code = ExitFailed;
    auto finish = [&code](int c) {
        code = c;
        quit(c);
    };
    QTimer poll;
    poll.setSingleShot(true);
    qint64 lastId = 0;
    client::LogQuery query;
    query.kind = access ? client::LogKind::Access : client::LogKind::Container;
    query.limit = limit;
    query.search = parser.value(searchOpt);
    session.withClient(parser.value(relayOpt), &context, [&](client::RelayClient *relay) {
        QObject::connect(&poll, &QTimer::timeout, &context, [&, relay] {
            relay->logs(id, query)->then(&context, [&](const core::Result<QJsonObject> &r) {
                if (!r) {
                    const bool transient = r.error().code() == core::ErrorCode::Unavailable || r.error().code() == core::ErrorCode::Timeout;
                    if (!parser.isSet(followOpt) || !transient)
                        return finish(reportError(r.error()));
                    poll.start(kFollowPollMs); // -f rides out a relay restart
                    return;
                }
                const QJsonArray items = r->value(u"items"_s).toArray();
                for (qsizetype i = items.size() - 1; i >= 0; --i) { // newest first on the wire
                    const QJsonObject item = items.at(i).toObject();
                    const qint64 itemId = item.value(u"id"_s).toInteger();
                    if (itemId <= lastId)
                        continue;
                    lastId = itemId;
                    out() << (json ? QString::fromUtf8(QJsonDocument(item).toJson(QJsonDocument::Compact)) : formatItem(item, access)) << '\n';
                }
                out().flush();
                if (!parser.isSet(followOpt))
                    return finish(ExitOk);
                query.limit = 1000;
                poll.start(kFollowPollMs);
            });
        });
        poll.start(0);
    }, finish);
    runEventLoop();
    return code;
}

} // namespace ttalkak::cli
