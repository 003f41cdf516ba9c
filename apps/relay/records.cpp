#include "records.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace ttalkak::relay {

QJsonObject parseJsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString toJsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject User::toJson() const
{
    return {{u"id"_s, id}, {u"email"_s, email}, {u"createdAt"_s, createdAt}};
}

QJsonObject TokenInfo::toJson() const
{
    QJsonObject o{{u"id"_s, id}, {u"kind"_s, kind}, {u"name"_s, name}, {u"createdAt"_s, createdAt}};
    if (!providerId.isEmpty())
        o.insert(u"providerId"_s, providerId);
    if (revokedAt)
        o.insert(u"revokedAt"_s, revokedAt);
    return o;
}

QJsonObject Resources::toJson() const
{
    return {{u"cpuMillis"_s, cpuMillis}, {u"memoryMb"_s, memoryMb}, {u"diskMb"_s, diskMb}};
}

Resources Resources::fromJson(const QJsonObject &o)
{
    Resources r;
    r.cpuMillis = o.value(u"cpuMillis"_s).toInteger(-1);
    r.memoryMb = o.value(u"memoryMb"_s).toInteger(-1);
    r.diskMb = o.value(u"diskMb"_s).toInteger(-1);
    return r;
}

QJsonObject Provider::toJson() const
{
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"capacity"_s, capacity.toJson()},
            {u"maxDeployments"_s, maxDeployments},
            {u"price"_s, QJsonObject{{u"cpuHour"_s, priceCpuHour}, {u"gbHour"_s, priceGbHour}}},
            {u"caps"_s, caps},
            {u"online"_s, online},
            {u"lastSeenAt"_s, lastSeenAt},
            {u"createdAt"_s, createdAt}};
}

Provider Provider::fromQuery(const QSqlQuery &q)
{
    Provider p;
    p.id = q.value(0).toString();
    p.ownerId = q.value(1).toString();
    p.name = q.value(2).toString();
    p.capacity = {q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong()};
    p.maxDeployments = q.value(6).toInt();
    p.priceCpuHour = q.value(7).toLongLong();
    p.priceGbHour = q.value(8).toLongLong();
    p.caps = parseJsonObject(q.value(9).toString());
    p.online = q.value(10).toInt() != 0;
    p.lastSeenAt = q.value(11).toLongLong();
    p.createdAt = q.value(12).toLongLong();
    return p;
}

QJsonObject Project::toJson() const
{
    return {{u"id"_s, id}, {u"name"_s, name}, {u"source"_s, source}, {u"createdAt"_s, createdAt}, {u"updatedAt"_s, updatedAt}};
}

QJsonObject Deployment::toJson() const
{
    QJsonObject o{{u"id"_s, id},
                  {u"kind"_s, kind},
                  {u"name"_s, name},
                  {u"spec"_s, spec},
                  {u"resources"_s, resources.toJson()},
                  {u"desired"_s, desired},
                  {u"state"_s, state},
                  {u"generation"_s, generation},
                  {u"createdAt"_s, createdAt},
                  {u"updatedAt"_s, updatedAt}};
    if (!projectId.isEmpty())
        o.insert(u"projectId"_s, projectId);
    if (!statusDetail.isEmpty())
        o.insert(u"detail"_s, statusDetail);
    if (!providerId.isEmpty())
        o.insert(u"providerId"_s, providerId);
    return o;
}

QJsonObject Deployment::publicJson() const
{
    QJsonObject o = toJson();
    if (kind != u"database")
        return o;
    QJsonObject visible = spec;
    visible.remove(u"password"_s);
    visible.remove(u"adminPassword"_s);
    o.insert(u"spec"_s, visible);
    return o;
}

Deployment Deployment::fromQuery(const QSqlQuery &q)
{
    Deployment d;
    d.id = q.value(0).toString();
    d.ownerId = q.value(1).toString();
    d.projectId = q.value(2).toString();
    d.kind = q.value(3).toString();
    d.name = q.value(4).toString();
    d.spec = parseJsonObject(q.value(5).toString());
    d.resources = {q.value(6).toLongLong(), q.value(7).toLongLong(), q.value(8).toLongLong()};
    d.desired = q.value(9).toString();
    d.state = q.value(10).toString();
    d.statusDetail = q.value(11).toString();
    d.providerId = q.value(12).toString();
    d.generation = q.value(13).toInt();
    d.attempt = q.value(14).toInt();
    d.offerExpiresAt = q.value(15).toLongLong();
    d.createdAt = q.value(16).toLongLong();
    d.updatedAt = q.value(17).toLongLong();
    return d;
}

} // namespace ttalkak::relay
