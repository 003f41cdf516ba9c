#pragma once
// LogSummarizer: what happened to one deployment in a time window, computed locally from the
// access log, the container log templates and the provider's container events — no LLM.
//
//   LogSummarizer s(accessLogs, containerLogs);
//   auto summary = s.summarize(deployment, now - 3600000, now, u"ko"_s);
//   // summary->value("text"): rendered in Korean; the rest is structured JSON (docs/protocol.md)
//
// Contents: traffic (requests, error rate, latency percentiles, change vs the previous window of
// the same length), status codes and failing paths, error templates ranked by count and by novelty
// (new in this window, or spiking vs the previous window), restarts and OOM kills, and hints that
// connect them ("all 502s began 14:02 when the container restarted with exit 137 ...").
// Languages: "en" and "ko". The relay answers each request in the caller's language, so the
// strings are chosen per call from a table here rather than through the process-wide translator.

#include "accesslogstore.h"
#include "containerlogstore.h"
#include "records.h"

namespace ttalkak::relay {

class LogSummarizer
{
public:
    LogSummarizer(AccessLogStore &access, ContainerLogStore &containers);

    core::Result<QJsonObject> summarize(
        const Deployment &deployment, qint64 fromMs, qint64 toMs, const QString &language);

    // "ko" when the Accept-Language header prefers Korean, else "en".
    static QString languageFrom(const QString &langParameter, const QByteArray &acceptLanguage);
    // True when a template's text reads like an error (error, exception, fatal, refused, ...).
    static bool looksLikeError(const QString &templateText);

private:
    AccessLogStore &m_access;
    ContainerLogStore &m_containers;
};

} // namespace ttalkak::relay
