#include "logformat.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace ttalkak::relay {
namespace {

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return u"debug"_s;
    case QtInfoMsg: return u"info"_s;
    case QtWarningMsg: return u"warning"_s;
    case QtCriticalMsg: return u"error"_s;
    case QtFatalMsg: return u"fatal"_s;
    }
    return u"info"_s;
}

void jsonHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QJsonObject line;
    line.insert(u"ts"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    line.insert(u"level"_s, levelName(type));
    line.insert(u"category"_s, QString::fromLatin1(context.category ? context.category : "default"));
    // "event key=value key=value": split off trailing key=value fields (values without spaces).
    QStringList words = message.split(u' ', Qt::SkipEmptyParts);
    QStringList text;
    for (const QString &word : words) {
        const qsizetype eq = word.indexOf(u'=');
        if (eq > 0 && !text.isEmpty()) {
            const QString key = word.left(eq);
            if (key == u"ts" || key == u"level" || key == u"category" || key == u"msg") {
                text << word;
                continue;
            }
            QString value = word.mid(eq + 1);
            bool isNumber = false;
            const qlonglong n = value.toLongLong(&isNumber);
            if (isNumber)
                line.insert(key, n);
            else
                line.insert(key, value);
        } else {
            text << word;
        }
    }
    line.insert(u"msg"_s, text.join(u' '));
    const QByteArray out = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(out.constData(), 1, size_t(out.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void installLogFormat(bool json)
{
    if (json)
        qInstallMessageHandler(jsonHandler);
    else
        qSetMessagePattern(u"%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"_s);
}

} // namespace ttalkak::relay
