#include "buildjob.h"

#include "buildcontext.h"

#include "query_p.h"
#include <QJsonDocument>
#include <QRegularExpression>

namespace ttalkak::docker {

namespace {
QByteArray buildPath(const BuildOptions &o, const QString &contextDockerfile)
{
    Internal::Query q;
    for (const QString &t : o.tags)
        q.add("t", t);
    q.add("dockerfile", o.dockerfile.isEmpty() ? contextDockerfile : o.dockerfile);
    if (!o.buildArgs.isEmpty()) {
        QJsonObject a;
        for (auto it = o.buildArgs.cbegin(); it != o.buildArgs.cend(); ++it)
            a.insert(it.key(), it.value());
        q.add("buildargs", QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)));
    }
    if (!o.labels.isEmpty()) {
        QJsonObject l;
        for (auto it = o.labels.cbegin(); it != o.labels.cend(); ++it)
            l.insert(it.key(), it.value());
        q.add("labels", QString::fromUtf8(QJsonDocument(l).toJson(QJsonDocument::Compact)));
    }
    if (!o.target.isEmpty())
        q.add("target", o.target);
    if (o.noCache)
        q.add("nocache", QStringLiteral("1"));
    if (o.pull)
        q.add("pull", QStringLiteral("1"));
    q.add("rm", o.removeIntermediate ? QStringLiteral("1") : QStringLiteral("0"));
    if (o.removeIntermediate)
        q.add("forcerm", QStringLiteral("1"));
    if (o.memoryBytes > 0) {
        q.add("memory", QString::number(o.memoryBytes));
        q.add("memswap", QString::number(o.memoryBytes));
    }
    if (o.cpuQuota > 0) {
        q.add("cpuquota", QString::number(o.cpuQuota));
        q.add("cpuperiod", QString::number(o.cpuPeriod > 0 ? o.cpuPeriod : 100000));
    }
    if (!o.networkMode.isEmpty())
        q.add("networkmode", o.networkMode);
    return q.appendTo(QByteArrayLiteral("/build"));
}
} // namespace

BuildJob::BuildJob(std::shared_ptr<Internal::ClientContext> context, std::unique_ptr<BuildContext> buildContext,
    const BuildOptions &options, QObject *parent)
    : JsonStreamJob(
        std::move(context), QByteArrayLiteral("POST"), buildPath(options, buildContext->dockerfile()), nullptr, parent)
{
    m_requestBody = std::move(buildContext);
    if (!options.registryConfig.isEmpty())
        addHeader(QByteArrayLiteral("X-Registry-Config"), options.registryConfig.toLatin1());
}

BuildJob::~BuildJob() = default;

void BuildJob::handleMessage(const QJsonObject &object)
{
    const QJsonObject aux = object.value(u"aux").toObject();
    if (aux.contains(u"ID"))
        m_imageId = aux.value(u"ID").toString();
    QString text = object.value(u"stream").toString();
    if (text.isEmpty() && object.contains(u"status")) {
        text = object.value(u"status").toString();
        const QString progress = object.value(u"progress").toString();
        if (!progress.isEmpty())
            text += u' ' + progress;
        text += u'\n';
    }
    if (text.isEmpty())
        return;
    // The engine splits output arbitrarily; surface whole lines.
    m_partial += text;
    qsizetype nl;
    while ((nl = m_partial.indexOf(u'\n')) >= 0) {
        // The classic builder paints a RUN's stderr red with ANSI SGR codes; lines are plain text.
        static const QRegularExpression sgr(QStringLiteral("\x1b\\[[0-9;]*m"));
        QString line = m_partial.left(nl);
        line.remove(sgr);
        m_partial.remove(0, nl + 1);
        m_log.append(line);
        static const QRegularExpression built(QStringLiteral("^Successfully built ([0-9a-f]{12,64})$"));
        if (m_imageId.isEmpty()) {
            if (const auto m = built.match(line); m.hasMatch())
                m_imageId = m.captured(1);
        }
        Q_EMIT output(line);
        if (isFinished())
            return;
    }
}

void BuildJob::handleStreamError(const QString &message)
{
    if (!m_partial.isEmpty()) {
        m_log.append(m_partial);
        Q_EMIT output(m_partial);
        m_partial.clear();
    }
    m_log.append(message);
    JsonStreamJob::handleStreamError(message);
}

core::Error BuildJob::endOfStream()
{
    if (!m_partial.isEmpty()) {
        m_log.append(m_partial);
        Q_EMIT output(m_partial);
        m_partial.clear();
    }
    if (m_imageId.isEmpty())
        return core::Error(core::ErrorCode::Remote, tr("The build ended without producing an image"));
    return {};
}

} // namespace ttalkak::docker
