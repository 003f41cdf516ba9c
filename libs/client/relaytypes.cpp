#include "relaytypes.h"

namespace ttalkak::client {

using namespace Qt::StringLiterals;

QJsonObject Resources::toJson() const
{
    return {{u"cpuMillis"_s, cpuMillis}, {u"memoryMb"_s, memoryMb}, {u"diskMb"_s, diskMb}};
}

QUrlQuery PageQuery::toQuery() const
{
    QUrlQuery q;
    q.addQueryItem(u"page"_s, QString::number(page));
    q.addQueryItem(u"pageSize"_s, QString::number(pageSize));
    if (!search.isEmpty())
        q.addQueryItem(u"q"_s, search);
    return q;
}

QUrlQuery LogQuery::toQuery() const
{
    QUrlQuery q;
    q.addQueryItem(u"kind"_s, kind == LogKind::Access ? u"access"_s : u"container"_s);
    if (fromMs > 0)
        q.addQueryItem(u"from"_s, QString::number(fromMs));
    if (toMs > 0)
        q.addQueryItem(u"to"_s, QString::number(toMs));
    if (before > 0)
        q.addQueryItem(u"before"_s, QString::number(before));
    q.addQueryItem(u"limit"_s, QString::number(limit));
    if (!search.isEmpty())
        q.addQueryItem(u"q"_s, search);
    return q;
}

QJsonObject DeploymentRequest::toJson() const
{
    QJsonObject o{{u"projectId"_s, projectId}, {u"name"_s, name}, {u"spec"_s, spec}, {u"resources"_s, resources.toJson()}};
    if (!sourceToken.isEmpty())
        o.insert(u"sourceToken"_s, sourceToken);
    return o;
}

QJsonObject DatabaseRequest::toJson() const
{
    QJsonObject o{{u"name"_s, name}, {u"engine"_s, engine}, {u"resources"_s, resources.toJson()}};
    if (!version.isEmpty())
        o.insert(u"version"_s, version);
    if (!projectId.isEmpty())
        o.insert(u"projectId"_s, projectId);
    return o;
}

QString commandName(DeploymentCommand command)
{
    switch (command) {
    case DeploymentCommand::Start: return u"start"_s;
    case DeploymentCommand::Stop: return u"stop"_s;
    case DeploymentCommand::Restart: return u"restart"_s;
    case DeploymentCommand::Redeploy: return u"redeploy"_s;
    }
    return {};
}

} // namespace ttalkak::client
