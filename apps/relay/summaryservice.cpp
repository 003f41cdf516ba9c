#include "summaryservice.h"

#include "httpdeferred.h"
#include "logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace ttalkak::relay {
namespace {

constexpr int kMaxTemplates = 5;
constexpr int kMaxSamples = 2;
constexpr int kMaxLineChars = 200;

QString utcTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
}

QJsonObject baseBody(const Deployment &d, const QJsonObject &summary, const QString &lang)
{
    return { { u"deployment"_s, d.id }, { u"language"_s, lang }, { u"summary"_s, summary },
        { u"templates"_s, summary.value(u"errorTemplates"_s).toObject().value(u"byCount"_s) } };
}

QJsonObject localBody(const Deployment &d, const QJsonObject &summary, const QString &lang)
{
    QJsonObject body = baseBody(d, summary, lang);
    body.insert(u"source"_s, u"local"_s);
    body.insert(u"text"_s, summary.value(u"text"_s));
    return body;
}

QJsonObject llmBody(const Deployment &d, const QJsonObject &summary, const QString &lang, const QString &answer,
    bool cached, const QString &model)
{
    QJsonObject body = baseBody(d, summary, lang);
    body.insert(u"source"_s, u"llm"_s);
    body.insert(u"text"_s, answer);
    body.insert(u"localText"_s, summary.value(u"text"_s));
    body.insert(u"cached"_s, cached);
    body.insert(u"model"_s, model);
    return body;
}

QString fallbackNote(const QString &lang, const QString &reason)
{
    return lang == u"ko" ? u"언어 모델을 사용할 수 없어 로컬 요약을 보여 줍니다 (%1)."_s.arg(reason)
                         : u"The language model could not be used (%1); this is the local summary."_s.arg(reason);
}

} // namespace

SummaryService::SummaryService(
    AccessLogStore &access, ContainerLogStore &containers, LlmClient *llm, Options options, QObject *parent)
    : QObject(parent)
    , m_access(access)
    , m_containers(containers)
    , m_local(access, containers)
    , m_llm(llm)
    , m_options(options)
{
}

int SummaryService::estimateTokens(const QString &text)
{
    return int((text.toUtf8().size() + 2) / 3);
}

QJsonArray SummaryService::prompt(const Deployment &d, const QJsonObject &summary, const QString &lang)
{
    const QString system
        = u"You explain to a developer what happened to their web deployment. Use only the facts in the JSON "
          "the user sends; do not invent numbers or causes. Answer in %1, in at most 6 short sentences: what "
          "happened, when (UTC), the likely cause, and what to do."_s.arg(lang == u"ko" ? u"Korean"_s : u"English"_s);
    const QJsonObject traffic = summary.value(u"traffic"_s).toObject();
    const QJsonObject window = summary.value(u"window"_s).toObject();
    QJsonArray hints;
    for (const QJsonValue &h : summary.value(u"hints"_s).toArray())
        hints.append(h.toObject().value(u"text"_s));
    QJsonObject container = summary.value(u"container"_s).toObject();
    container.insert(u"events"_s, QJsonArray()); // the counts and the hints carry them
    const qint64 from = window.value(u"from"_s).toInteger();
    const qint64 to = window.value(u"to"_s).toInteger();

    // Top error templates, novel first, each with a couple of raw lines from the window.
    QList<QJsonObject> templates;
    QSet<qint64> seen;
    const QJsonObject errorTemplates = summary.value(u"errorTemplates"_s).toObject();
    for (const QString &list : { u"byNovelty"_s, u"byCount"_s }) {
        for (const QJsonValue &v : errorTemplates.value(list).toArray()) {
            const QJsonObject t = v.toObject();
            const qint64 id = t.value(u"id"_s).toInteger();
            if (templates.size() >= kMaxTemplates || seen.contains(id))
                continue;
            seen.insert(id);
            QJsonArray samples;
            if (auto lines = m_containers.sampleLines(d.id, quint64(id), from, to, kMaxSamples))
                for (const QString &l : std::as_const(*lines))
                    samples.append(l.left(kMaxLineChars));
            templates.append({ { u"template"_s, t.value(u"template"_s).toString().left(kMaxLineChars) },
                { u"count"_s, t.value(u"count"_s) }, { u"previousCount"_s, t.value(u"previousCount"_s) },
                { u"new"_s, t.value(u"new"_s) }, { u"spike"_s, t.value(u"spike"_s) }, { u"samples"_s, samples } });
        }
    }

    const int allowed = m_options.tokenBudget - m_options.maxTokens;
    auto build = [&]() {
        QJsonArray t;
        for (const QJsonObject &o : std::as_const(templates))
            t.append(o);
        QJsonObject facts { { u"deployment"_s, d.name },
            { u"window"_s, QJsonObject { { u"from"_s, utcTime(from) }, { u"to"_s, utcTime(to) } } },
            { u"traffic"_s, traffic }, { u"statusCodes"_s, summary.value(u"statusCodes"_s) },
            { u"failingPaths"_s, summary.value(u"failingPaths"_s) }, { u"container"_s, container },
            { u"findings"_s, hints }, { u"errorTemplates"_s, t } };
        return QJsonArray { QJsonObject { { u"role"_s, u"system"_s }, { u"content"_s, system } },
            QJsonObject { { u"role"_s, u"user"_s },
                { u"content"_s, QString::fromUtf8(QJsonDocument(facts).toJson(QJsonDocument::Compact)) } } };
    };
    auto cost = [&](const QJsonArray &messages) {
        int tokens = 0;
        for (const QJsonValue &m : messages)
            tokens += estimateTokens(m.toObject().value(u"content"_s).toString()) + 4;
        return tokens;
    };
    QJsonArray messages = build();
    // Shrink until it fits: samples first, then the least important templates, then findings.
    for (qsizetype i = templates.size() - 1; i >= 0 && cost(messages) > allowed; --i) {
        templates[i].insert(u"samples"_s, QJsonArray());
        messages = build();
    }
    while (!templates.isEmpty() && cost(messages) > allowed) {
        templates.removeLast();
        messages = build();
    }
    while (!hints.isEmpty() && cost(messages) > allowed) {
        hints.removeLast();
        messages = build();
    }
    return messages;
}

HttpResponse SummaryService::respond(
    const Deployment &d, qint64 fromMs, qint64 toMs, const QString &cacheKey, const QString &lang)
{
    auto summary = m_local.summarize(d, fromMs, toMs, lang);
    if (!summary)
        return HttpResponse::fromError(summary.error());
    if (!m_llm || !m_llm->isConfigured())
        return HttpResponse::json(200, localBody(d, *summary, lang));

    const QString key = d.id + u'|' + lang + u'|' + cacheKey;
    auto containerMark = m_containers.latestLineId(d.id);
    auto accessMark = m_access.latestId(d.id);
    if (!containerMark || !accessMark)
        return HttpResponse::fromError(!containerMark ? containerMark.error() : accessMark.error());
    const qint64 now = Database::nowMs();
    if (const auto it = m_cache.constFind(key); it != m_cache.cend()) {
        const bool noNewLogs = it->containerMark == *containerMark && it->accessMark == *accessMark;
        if (noNewLogs || now - it->refreshedAt < m_options.refreshMs)
            return HttpResponse::json(200, llmBody(d, *summary, lang, it->answer, true, m_llm->options().model));
    }

    auto deferred = std::make_shared<HttpDeferred>();
    const QJsonArray messages = prompt(d, *summary, lang);
    const QJsonObject local = *summary;
    const Entry pending { {}, *containerMark, *accessMark, now };
    m_llm->complete(messages, m_options.maxTokens, this,
        [this, deferred, d, local, lang, key, pending](core::Result<QString> answer) {
            if (!answer) {
                qCWarning(lcRest).noquote()
                    << "LLM summary failed, answering locally" << (u"deployment="_s + d.id) << answer.error().message();
                QJsonObject body = localBody(d, local, lang);
                body.insert(u"note"_s, fallbackNote(lang, answer.error().message()));
                deferred->finish(HttpResponse::json(200, body));
                return;
            }
            Entry e = pending;
            e.answer = *answer;
            m_cache.insert(key, e);
            deferred->finish(HttpResponse::json(200, llmBody(d, local, lang, *answer, false, m_llm->options().model)));
        });
    return HttpResponse::later(deferred);
}

} // namespace ttalkak::relay
