#include "dockerfilestrategy.h"

#include <QRegularExpression>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Result;

QString DockerfileStrategy::lookingFor() const
{
    return QObject::tr("a Dockerfile in the app folder (used as it is)");
}

Result<std::optional<Plan>> DockerfileStrategy::doDetect(const Repo &repo, const QString &appDir) const
{
    const QString path = Repo::join(appDir, u"Dockerfile"_s);
    if (!repo.isFile(path))
        return std::optional<Plan>();
    auto text = repo.read(path);
    if (!text)
        return text.error();

    Plan plan;
    plan.framework = u"Dockerfile"_s;
    plan.kind = ProjectKind::Dockerfile;
    plan.because(QObject::tr("use the repository's own Dockerfile"), path);
    plan.details.insert(u"dockerfile"_s, QString::fromUtf8(*text));

    // Report what the Dockerfile says; lines continued with '\' are joined first.
    const QStringList lines = QString::fromUtf8(*text).replace(u"\\\n"_s, u" "_s).split(u'\n');
    static const QRegularExpression fromRe(u"^\\s*FROM\\s+(\\S+)"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression exposeRe(u"^\\s*EXPOSE\\s+(\\d+)"_s, QRegularExpression::CaseInsensitiveOption);
    QString lastFrom;
    for (int i = 0; i < lines.size(); ++i) {
        if (const auto m = fromRe.match(lines[i]); m.hasMatch())
            lastFrom = m.captured(1);
        if (const auto m = exposeRe.match(lines[i]); m.hasMatch() && plan.port == 0) {
            plan.port = m.captured(1).toInt();
            plan.because(QObject::tr("port %1").arg(plan.port), path, lines[i].trimmed(), i + 1);
        }
    }
    if (!lastFrom.isEmpty())
        plan.details.insert(u"runtimeImage"_s, lastFrom);
    if (plan.port == 0) {
        plan.port = 8080;
        plan.because(QObject::tr("port 8080 (no EXPOSE found; change it if the app listens elsewhere)"), path);
    }
    return std::optional<Plan>(std::move(plan));
}

Result<Generated> DockerfileStrategy::doGenerate(const Plan &plan, const GenerateOptions &) const
{
    Generated g;
    g.dockerfile = plan.details.value(u"dockerfile"_s).toString();
    return g;
}

} // namespace ttalkak::strategies
