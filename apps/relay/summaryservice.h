#pragma once
// SummaryService: answers GET /v1/deployments/{id}/summary. Always computes the local summary
// (LogSummarizer); when an LLM is configured, asks it to phrase that summary for a developer.
//
// Prompt: the structured summary, the top error templates with at most two sample lines each
// (never raw logs in bulk), kept within Options::tokenBudget (estimated prompt tokens + the answer's
// max_tokens; samples, then templates, then hints are dropped until it fits).
// Cache, per deployment + language + window: an answer is reused while no new log line or request
// arrived for the deployment, and even then refreshed at most once per Options::refreshMs. A failure
// is never cached: a timeout, an error status or a malformed answer gives the local summary with a
// `note`, and the next request tries again.
// Thread: the relay's main thread. The LLM wait is asynchronous (HttpDeferred).

#include "accesslogstore.h"
#include "containerlogstore.h"
#include "httpresponse.h"
#include "llmclient.h"
#include "logsummarizer.h"

#include <QHash>
#include <QObject>

namespace ttalkak::relay {

class SummaryService : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxTokens = 400;
        int tokenBudget = 2000;
        qint64 refreshMs = 600000;
    };

    // `llm` may be null or unconfigured: local summaries only.
    SummaryService(AccessLogStore &access, ContainerLogStore &containers, LlmClient *llm, Options options,
        QObject *parent = nullptr);

    // cacheKey distinguishes windows ("1h", or "1h@<to>" for an explicit end).
    HttpResponse respond(
        const Deployment &deployment, qint64 fromMs, qint64 toMs, const QString &cacheKey, const QString &language);

    // The chat messages for one summary, within the budget. Public for tests.
    QJsonArray prompt(const Deployment &deployment, const QJsonObject &summary, const QString &language);
    // Estimated tokens of a text (UTF-8 bytes / 3, rounded up: conservative for English and Korean).
    static int estimateTokens(const QString &text);

private:
    struct Entry
    {
        QString answer;
        qint64 containerMark = 0;
        qint64 accessMark = 0;
        qint64 refreshedAt = 0;
    };

    AccessLogStore &m_access;
    ContainerLogStore &m_containers;
    LogSummarizer m_local;
    LlmClient *m_llm;
    Options m_options;
    QHash<QString, Entry> m_cache;
};

} // namespace ttalkak::relay
