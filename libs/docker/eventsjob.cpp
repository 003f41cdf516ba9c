#include "eventsjob.h"

#include "query_p.h"
#include <QJsonArray>
#include <QJsonDocument>

namespace ttalkak::docker {

namespace {
QByteArray eventsPath(const EventFilters &f)
{
    QJsonObject filters;
    const auto add = [&](const char *key, const QStringList &values) {
        if (values.isEmpty())
            return;
        QJsonArray a;
        for (const QString &v : values)
            a.append(v);
        filters.insert(QLatin1StringView(key), a);
    };
    add("type", f.types);
    add("event", f.events);
    add("label", f.labels);
    add("container", f.containers);
    Internal::Query q;
    if (!filters.isEmpty())
        q.add("filters", QString::fromUtf8(QJsonDocument(filters).toJson(QJsonDocument::Compact)));
    if (f.since.isValid())
        q.add("since", QString::number(f.since.toSecsSinceEpoch()));
    if (f.until.isValid())
        q.add("until", QString::number(f.until.toSecsSinceEpoch()));
    return q.appendTo(QByteArrayLiteral("/events"));
}
} // namespace

EventsJob::EventsJob(std::shared_ptr<Internal::ClientContext> context, const EventFilters &filters, QObject *parent)
    : JsonStreamJob(std::move(context), QByteArrayLiteral("GET"), eventsPath(filters), nullptr, parent)
{
}

EventsJob::~EventsJob() = default;

void EventsJob::handleMessage(const QJsonObject &o)
{
    DockerEvent e;
    e.type = o.value(u"Type").toString();
    e.action = o.value(u"Action").toString();
    const QJsonObject actor = o.value(u"Actor").toObject();
    e.actorId = actor.value(u"ID").toString();
    const QJsonObject attrs = actor.value(u"Attributes").toObject();
    for (auto it = attrs.constBegin(); it != attrs.constEnd(); ++it)
        e.attributes.insert(it.key(), it.value().toString());
    const qint64 nanos = qint64(o.value(u"timeNano").toDouble());
    e.time = nanos > 0 ? QDateTime::fromMSecsSinceEpoch(nanos / 1'000'000, Qt::UTC)
                       : QDateTime::fromSecsSinceEpoch(qint64(o.value(u"time").toDouble()), Qt::UTC);
    Q_EMIT event(e);
}

} // namespace ttalkak::docker
