#include "summarycommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QUrl>
#include <QUrlQuery>

namespace ttalkak::cli {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("summary", text);
}

constexpr int kTimeoutMs = 60000; // the relay may be waiting on an LLM (its own timeout is shorter)

} // namespace

int runSummary(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print a deployment's log summary from the relay."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"summary"_s, tr("The command name."));
    parser.addPositionalArgument(u"DEPLOYMENT"_s, tr("Deployment id."));
    const QCommandLineOption relayOption(
        u"relay"_s, tr("Relay base URL (default $TTALKAK_RELAY or http://127.0.0.1:8080)."), u"url"_s);
    const QCommandLineOption tokenOption(u"token"_s, tr("User token (default $TTALKAK_TOKEN)."), u"token"_s);
    const QCommandLineOption windowOption(
        u"window"_s, tr("Time window: 15m, 1h, 1d (default 1h)."), u"window"_s, u"1h"_s);
    const QCommandLineOption langOption(
        u"lang"_s, tr("Language of the summary: ko or en (default: the system's)."), u"lang"_s);
    const QCommandLineOption jsonOption(u"json"_s, tr("Print the relay's JSON answer."));
    parser.addOptions({ relayOption, tokenOption, windowOption, langOption, jsonOption });
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return 1;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        err << tr("usage: ttalkak summary DEPLOYMENT [--relay URL] [--token T] [--window 1h] [--lang ko|en] [--json]")
            << '\n';
        return 1;
    }
    QString relay = parser.isSet(relayOption) ? parser.value(relayOption)
                                              : qEnvironmentVariable("TTALKAK_RELAY", u"http://127.0.0.1:8080"_s);
    const QString token = parser.isSet(tokenOption) ? parser.value(tokenOption) : qEnvironmentVariable("TTALKAK_TOKEN");
    if (token.isEmpty()) {
        err << tr("a token is required (--token or TTALKAK_TOKEN)") << '\n';
        return 1;
    }
    QString lang = parser.value(langOption);
    if (lang.isEmpty())
        lang = QLocale::system().language() == QLocale::Korean ? u"ko"_s : u"en"_s;
    if (lang != u"ko" && lang != u"en") {
        err << tr("--lang must be ko or en") << '\n';
        return 1;
    }
    while (relay.endsWith(u'/'))
        relay.chop(1);
    QUrl url(
        relay + u"/v1/deployments/"_s + QString::fromLatin1(QUrl::toPercentEncoding(positional.at(1))) + u"/summary"_s);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        err << tr("--relay must be an http(s) URL") << '\n';
        return 1;
    }
    QUrlQuery query;
    query.addQueryItem(u"window"_s, parser.value(windowOption));
    query.addQueryItem(u"lang"_s, lang);
    url.setQuery(query);

    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setRawHeader("Accept-Language", lang.toLatin1());
    request.setTransferTimeout(kTimeoutMs);
    QNetworkReply *reply = nam.get(request);
    const bool json = parser.isSet(jsonOption);
    int rc = 2;
    QObject::connect(reply, &QNetworkReply::finished, &nam, [&] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        if (status == 200) {
            QTextStream out(stdout);
            if (json)
                out << QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Indented));
            else
                out << answer.value(u"text"_s).toString() << '\n';
            rc = 0;
        } else if (status != 0) {
            const QString message = answer.value(u"error"_s).toObject().value(u"message"_s).toString();
            err << tr("the relay answered %1: %2")
                       .arg(status)
                       .arg(message.isEmpty() ? QString::fromUtf8(body.left(200)) : message)
                << '\n';
        } else {
            err << tr("cannot reach the relay: %1").arg(reply->errorString()) << '\n';
        }
        reply->deleteLater();
        QCoreApplication::exit(rc);
    });
    QCoreApplication::exec();
    return rc;
}

} // namespace ttalkak::cli
