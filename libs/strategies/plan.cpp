#include "plan.h"

#include <QJsonArray>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;

QString Reason::toString() const
{
    QString where = file;
    if (!where.isEmpty() && line > 0)
        where += u':' + QString::number(line);
    QString s = decision;
    if (!where.isEmpty())
        s += u" (" + where + (value.isEmpty() ? QString() : u": " + value) + u')';
    else if (!value.isEmpty())
        s += u" (" + value + u')';
    return s;
}

QString projectKindName(ProjectKind kind)
{
    switch (kind) {
    case ProjectKind::Frontend: return QStringLiteral("frontend");
    case ProjectKind::Backend: return QStringLiteral("backend");
    case ProjectKind::Database: return QStringLiteral("database");
    case ProjectKind::Dockerfile: return QStringLiteral("dockerfile");
    }
    return {};
}

QJsonObject Plan::toJson() const
{
    QJsonArray reasons;
    for (const Reason &r : why) {
        QJsonObject o{{u"decision"_s, r.decision}};
        if (!r.file.isEmpty())
            o.insert(u"file"_s, r.file);
        if (r.line > 0)
            o.insert(u"line"_s, r.line);
        if (!r.value.isEmpty())
            o.insert(u"value"_s, r.value);
        reasons.append(o);
    }
    QJsonObject o{
        {u"strategy"_s, strategyId},
        {u"framework"_s, framework},
        {u"kind"_s, projectKindName(kind)},
        {u"appDir"_s, appDir},
        {u"contextDir"_s, contextDir},
        {u"packageManager"_s, packageManager},
        {u"packageManagerVersion"_s, packageManagerVersion},
        {u"runtime"_s, runtime},
        {u"runtimeVersion"_s, runtimeVersion},
        {u"installCommand"_s, installCommand},
        {u"buildCommand"_s, buildCommand},
        {u"startCommand"_s, startCommand},
        {u"outputDir"_s, outputDir},
        {u"staticSite"_s, staticSite},
        {u"port"_s, port},
        {u"healthPath"_s, healthPath},
        {u"why"_s, reasons},
    };
    if (!appCandidates.isEmpty())
        o.insert(u"appCandidates"_s, QJsonArray::fromStringList(appCandidates));
    if (!details.isEmpty())
        o.insert(u"details"_s, details);
    return o;
}

} // namespace ttalkak::strategies
