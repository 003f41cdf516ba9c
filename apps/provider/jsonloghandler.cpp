#include "jsonloghandler.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <cstdio>

namespace ttalkak::provider {

namespace {
void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static QMutex mutex;
    const char *level = "info";
    switch (type) {
    case QtDebugMsg:
        level = "debug";
        break;
    case QtInfoMsg:
        level = "info";
        break;
    case QtWarningMsg:
        level = "warning";
        break;
    case QtCriticalMsg:
        level = "error";
        break;
    case QtFatalMsg:
        level = "fatal";
        break;
    }
    const QJsonObject line {
        { QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
        { QStringLiteral("level"), QLatin1StringView(level) },
        { QStringLiteral("category"), QLatin1StringView(context.category ? context.category : "default") },
        { QStringLiteral("msg"), message },
    };
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    QMutexLocker lock(&mutex);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}
} // namespace

void JsonLogHandler::install()
{
    qInstallMessageHandler(handler);
}

} // namespace ttalkak::provider
