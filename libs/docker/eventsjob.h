#pragma once
// EventsJob: GET /events, a stream of engine events so that callers never poll. Runs until kill()
// (or `until` passes). Filters are the engine's: type, event, label, container, image...
//
//   EventFilters f; f.types = {u"container"_s}; f.events = {u"die"_s, u"oom"_s, u"health_status"_s};
//   f.labels = {u"ttalkak.deployment"_s};
//   auto *job = client.events(f);
//   connect(job, &EventsJob::event, this, [](const DockerEvent &e) { ... });

#include "jsonstreamjob.h"

#include <QDateTime>
#include <QMap>
#include <QStringList>

namespace ttalkak::docker {

struct DockerEvent
{
    QString type; // container, image, network, volume...
    QString action; // start, die, oom, "health_status: healthy"...
    QString actorId;
    QMap<QString, QString> attributes; // labels, name, exitCode, image...
    QDateTime time;
};

struct EventFilters
{
    QStringList types;
    QStringList events;
    QStringList labels; // "key" or "key=value"
    QStringList containers;
    QDateTime since;
    QDateTime until;
};

class EventsJob : public JsonStreamJob
{
    Q_OBJECT
public:
    EventsJob(std::shared_ptr<Internal::ClientContext> context, const EventFilters &filters, QObject *parent = nullptr);
    ~EventsJob() override;

Q_SIGNALS:
    void event(const ttalkak::docker::DockerEvent &event);

protected:
    void handleMessage(const QJsonObject &object) override;
};

} // namespace ttalkak::docker
