#include "logsummarizer.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {

// Message table: {English, Korean}. %n are QString::arg() places.
struct Text
{
    const char16_t *en;
    const char16_t *ko;
};

QString pick(const Text &t, const QString &lang)
{
    return QString::fromUtf16(lang == u"ko" ? t.ko : t.en);
}

constexpr Text kTitle { u"Summary for %1, %2 to %3 UTC", u"%1 요약, %2 ~ %3 (UTC)" };
constexpr Text kTraffic { u"Traffic: %1 requests (%2 vs previous window), error rate %3% (previous %4%)",
    u"트래픽: 요청 %1건 (이전 구간 대비 %2), 오류율 %3% (이전 %4%)" };
constexpr Text kLatency { u"Latency: p50 %1 ms, p95 %2 ms, p99 %3 ms (previous p95 %4 ms)",
    u"지연 시간: p50 %1 ms, p95 %2 ms, p99 %3 ms (이전 p95 %4 ms)" };
constexpr Text kNoTraffic { u"Traffic: no requests in this window", u"트래픽: 이 구간에 요청이 없습니다" };
constexpr Text kStatusCodes { u"Status codes: %1", u"상태 코드: %1" };
constexpr Text kFailingPaths { u"Failing paths: %1", u"실패한 경로: %1" };
constexpr Text kErrorTemplates { u"Error log templates:", u"오류 로그 템플릿:" };
constexpr Text kNew { u"new", u"신규" };
constexpr Text kSpike { u"spike", u"급증" };
constexpr Text kContainer { u"Container: %1 restart(s), %2 OOM kill(s)",
    u"컨테이너: 재시작 %1회, 메모리 부족 종료(OOM) %2회" };
constexpr Text kHints { u"Hints:", u"조치 힌트:" };
constexpr Text kNoProblems { u"No problems found in this window.", u"이 구간에서 문제를 찾지 못했습니다." };

constexpr Text kHintRestart5xx { u"All %1 %2 responses began at %3 UTC when the container restarted with exit code %4",
    u"%2 응답 %1건은 모두 %3 (UTC)에 컨테이너가 종료 코드 %4로 재시작되면서 시작되었습니다" };
constexpr Text kHintMemory { u": memory limit %1 MB reached. Raise the memory limit or reduce the app's memory use.",
    u": 메모리 한도 %1 MB에 도달했습니다. 메모리 한도를 늘리거나 앱의 메모리 사용을 줄이세요." };
constexpr Text kHint5xx { u"%1 %2 responses since %3 UTC (%4% of requests in this window)",
    u"%3 (UTC)부터 %2 응답 %1건 (이 구간 요청의 %4%)" };
constexpr Text kHintOom { u"The container was killed for running out of memory %1 time(s) (limit %2 MB); the last at "
                          u"%3 UTC. Raise the memory limit or reduce memory use.",
    u"컨테이너가 메모리 부족으로 %1회 종료되었습니다 (한도 %2 MB, 마지막 %3 UTC). 메모리 한도를 늘리거나 메모리 사용을 "
    u"줄이세요." };
constexpr Text kHintRestarts { u"The container restarted %1 time(s); the last at %2 UTC with exit code %3.",
    u"컨테이너가 %1회 재시작되었습니다. 마지막은 %2 (UTC), 종료 코드 %3." };
constexpr Text kHintLatency { u"p95 latency rose from %1 ms to %2 ms compared with the previous window.",
    u"p95 지연 시간이 이전 구간의 %1 ms에서 %2 ms로 늘었습니다." };
constexpr Text kHintNewError { u"New error since %1 UTC (%2 times): %3", u"%1 (UTC)부터 새 오류 (%2회): %3" };
constexpr Text kHintSpike { u"Error spiking: %1 times in this window vs %2 before: %3",
    u"오류 급증: 이 구간 %1회, 이전 구간 %2회: %3" };
constexpr Text kHintPath { u"Most 5xx responses come from %1 (%2 of %3).",
    u"5xx 응답 대부분이 %1 경로에서 발생했습니다 (%3건 중 %2건)." };

QString hhmm(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(u"HH:mm"_s);
}

QString percent(double value)
{
    return QString::number(value, 'f', 1);
}

QString signedPercent(double value)
{
    if (!std::isfinite(value))
        return u"new"_s;
    return (value >= 0 ? u"+"_s : QString()) + QString::number(value, 'f', 0) + u'%';
}

struct Traffic
{
    int requests = 0;
    int errors = 0; // 5xx
    int p50 = 0, p95 = 0, p99 = 0;
    double errorRate() const { return requests ? 100.0 * errors / requests : 0.0; }
    QJsonObject toJson() const
    {
        return { { u"requests"_s, requests }, { u"errors5xx"_s, errors },
            { u"errorRate"_s, std::round(errorRate() * 100) / 100 },
            { u"latencyMs"_s, QJsonObject { { u"p50"_s, p50 }, { u"p95"_s, p95 }, { u"p99"_s, p99 } } } };
    }
};

Traffic traffic(const QList<AccessLogRow> &rows)
{
    Traffic t;
    QList<int> latencies;
    latencies.reserve(rows.size());
    for (const AccessLogRow &r : rows) {
        ++t.requests;
        if (r.status >= 500)
            ++t.errors;
        latencies.append(r.latencyMs);
    }
    std::sort(latencies.begin(), latencies.end());
    t.p50 = percentile(latencies, 50);
    t.p95 = percentile(latencies, 95);
    t.p99 = percentile(latencies, 99);
    return t;
}

double changePercent(double now, double before)
{
    if (before == 0)
        return now == 0 ? 0.0 : std::numeric_limits<double>::infinity();
    return 100.0 * (now - before) / before;
}

} // namespace

LogSummarizer::LogSummarizer(AccessLogStore &access, ContainerLogStore &containers)
    : m_access(access)
    , m_containers(containers)
{
}

QString LogSummarizer::languageFrom(const QString &langParameter, const QByteArray &acceptLanguage)
{
    if (langParameter == u"ko" || langParameter == u"en")
        return langParameter;
    // The first listed language wins (q-values are rarely used to reorder in practice).
    const QByteArray first = acceptLanguage.split(',').value(0).trimmed().toLower();
    return first.startsWith("ko") ? u"ko"_s : u"en"_s;
}

bool LogSummarizer::looksLikeError(const QString &templateText)
{
    static const QRegularExpression re(
        uR"(\b(error|errors|exception|fatal|panic|fail|failed|failure|refused|denied|timeout|timed out|killed|traceback|unhandled|critical|crash|crashed|oom|out of memory|econnrefused|econnreset|segfault)\b)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re.match(templateText).hasMatch();
}

Result<QJsonObject> LogSummarizer::summarize(const Deployment &d, qint64 fromMs, qint64 toMs, const QString &lang)
{
    const qint64 windowMs = std::max<qint64>(1, toMs - fromMs);
    const qint64 prevFrom = fromMs - windowMs;

    auto rows = m_access.rows(d.id, fromMs, toMs);
    if (!rows)
        return rows.error();
    auto prevRows = m_access.rows(d.id, prevFrom, fromMs);
    if (!prevRows)
        return prevRows.error();
    const Traffic now = traffic(*rows);
    const Traffic before = traffic(*prevRows);

    // Status codes (non-success) and failing paths.
    struct CodeStat
    {
        int count = 0;
        qint64 firstAt = 0;
    };
    QHash<int, CodeStat> codes;
    QHash<QString, int> failingPaths;
    for (const AccessLogRow &r : std::as_const(*rows)) {
        if (r.status < 400)
            continue;
        CodeStat &c = codes[r.status];
        if (c.count++ == 0)
            c.firstAt = r.at;
        if (r.status >= 500)
            ++failingPaths[r.path];
    }
    QList<int> codeOrder = codes.keys();
    std::sort(codeOrder.begin(), codeOrder.end(),
        [&](int a, int b) { return codes[a].count != codes[b].count ? codes[a].count > codes[b].count : a < b; });
    QJsonArray statusJson;
    for (int code : std::as_const(codeOrder).mid(0, 5))
        statusJson.append(QJsonObject {
            { u"status"_s, code }, { u"count"_s, codes[code].count }, { u"firstAt"_s, codes[code].firstAt } });
    QList<QString> pathOrder = failingPaths.keys();
    std::sort(pathOrder.begin(), pathOrder.end(), [&](const QString &a, const QString &b) {
        return failingPaths[a] != failingPaths[b] ? failingPaths[a] > failingPaths[b] : a < b;
    });
    QJsonArray pathJson;
    for (const QString &p : std::as_const(pathOrder).mid(0, 5))
        pathJson.append(QJsonObject { { u"path"_s, p }, { u"count"_s, failingPaths[p] } });

    // Error templates.
    auto miner = m_containers.miner(d.id);
    if (!miner)
        return miner.error();
    auto counts = m_containers.templateCounts(d.id, fromMs, toMs);
    if (!counts)
        return counts.error();
    auto prevCounts = m_containers.templateCounts(d.id, prevFrom, fromMs);
    if (!prevCounts)
        return prevCounts.error();
    struct ErrorTemplate
    {
        quint64 id;
        QString text;
        int count;
        int previous;
        qint64 firstSeen;
        qint64 firstInWindow;
        bool isNew;
        bool spike;
    };
    QList<ErrorTemplate> errors;
    for (const TemplateCount &c : std::as_const(*counts)) {
        const auto t = (*miner)->templateById(c.templateId);
        const QString text = t ? t->text : QString();
        if (text.isEmpty() || !looksLikeError(text))
            continue;
        int previous = 0;
        for (const TemplateCount &p : std::as_const(*prevCounts))
            if (p.templateId == c.templateId)
                previous = p.count;
        const bool isNew = t->firstSeenMs >= fromMs;
        const bool spike = !isNew && c.count >= 5 && c.count >= 3 * std::max(previous, 1);
        errors.append({ c.templateId, text, c.count, previous, t->firstSeenMs, c.firstAt, isNew, spike });
    }
    auto templateJson = [&](const ErrorTemplate &e) {
        QJsonObject o { { u"id"_s, qint64(e.id) }, { u"template"_s, e.text }, { u"count"_s, e.count },
            { u"previousCount"_s, e.previous }, { u"firstSeenAt"_s, e.firstSeen },
            { u"firstInWindowAt"_s, e.firstInWindow }, { u"new"_s, e.isNew }, { u"spike"_s, e.spike } };
        return o;
    };
    std::sort(errors.begin(), errors.end(), [](const ErrorTemplate &a, const ErrorTemplate &b) {
        return a.count != b.count ? a.count > b.count : a.id < b.id;
    });
    QJsonArray byCount;
    for (const ErrorTemplate &e : std::as_const(errors).mid(0, 10))
        byCount.append(templateJson(e));
    QList<ErrorTemplate> novel;
    for (const ErrorTemplate &e : std::as_const(errors))
        if (e.isNew || e.spike)
            novel.append(e);
    // New before spiking; among spikes the larger growth first.
    std::stable_sort(novel.begin(), novel.end(), [](const ErrorTemplate &a, const ErrorTemplate &b) {
        if (a.isNew != b.isNew)
            return a.isNew;
        return double(a.count) / std::max(a.previous, 1) > double(b.count) / std::max(b.previous, 1);
    });
    QJsonArray byNovelty;
    for (const ErrorTemplate &e : std::as_const(novel).mid(0, 10))
        byNovelty.append(templateJson(e));

    // Container events.
    auto events = m_containers.events(d.id, fromMs, toMs);
    if (!events)
        return events.error();
    int restarts = 0;
    int ooms = 0;
    QJsonArray eventJson;
    for (const ContainerEvent &e : std::as_const(*events)) {
        if (e.kind == u"restart")
            ++restarts;
        if (e.oomKilled || e.exitCode == 137)
            ++ooms;
        eventJson.append(e.toJson());
    }

    // Hints, most specific first.
    QJsonArray hints;
    auto hint = [&](const QString &code, qint64 at, const QString &text) {
        hints.append(QJsonObject { { u"code"_s, code }, { u"at"_s, at }, { u"text"_s, text } });
    };
    bool oomExplained = false;
    for (int code : std::as_const(codeOrder)) {
        if (code < 500 || codes[code].count < 3)
            continue;
        const CodeStat &c = codes[code];
        // The container event closest before the first error (up to 5 minutes), or just after it.
        const ContainerEvent *cause = nullptr;
        for (const ContainerEvent &e : std::as_const(*events))
            if (e.at >= c.firstAt - 5 * 60000 && e.at <= c.firstAt + 60000)
                cause = &e;
        if (cause) {
            QString text = pick(kHintRestart5xx, lang)
                               .arg(c.count)
                               .arg(code)
                               .arg(hhmm(cause->at))
                               .arg(cause->exitCode >= 0 ? QString::number(cause->exitCode) : u"?"_s);
            const bool oom = cause->oomKilled || cause->exitCode == 137;
            if (oom) {
                text += pick(kHintMemory, lang).arg(d.resources.memoryMb);
                oomExplained = true;
            } else {
                text += u'.';
            }
            hint(oom ? u"oom-restart-errors"_s : u"restart-errors"_s, cause->at, text);
        } else {
            hint(u"server-errors"_s, c.firstAt,
                pick(kHint5xx, lang)
                    .arg(c.count)
                    .arg(code)
                    .arg(hhmm(c.firstAt))
                    .arg(percent(100.0 * c.count / std::max(1, now.requests))));
        }
        break; // the dominant 5xx code; the others are in statusCodes
    }
    if (!pathOrder.isEmpty() && now.errors >= 3 && failingPaths[pathOrder.first()] * 2 > now.errors
        && pathOrder.size() > 1)
        hint(u"failing-path"_s, 0,
            pick(kHintPath, lang).arg(pathOrder.first()).arg(failingPaths[pathOrder.first()]).arg(now.errors));
    if (ooms > 0 && !oomExplained) {
        const ContainerEvent *last = nullptr;
        for (const ContainerEvent &e : std::as_const(*events))
            if (e.oomKilled || e.exitCode == 137)
                last = &e;
        hint(u"oom-kills"_s, last->at, pick(kHintOom, lang).arg(ooms).arg(d.resources.memoryMb).arg(hhmm(last->at)));
    } else if (restarts > 0 && !oomExplained) {
        const ContainerEvent &last = events->constLast();
        hint(u"restarts"_s, last.at,
            pick(kHintRestarts, lang)
                .arg(restarts)
                .arg(hhmm(last.at))
                .arg(last.exitCode >= 0 ? QString::number(last.exitCode) : u"?"_s));
    }
    if (now.requests >= 20 && before.requests >= 20 && now.p95 > before.p95 * 3 / 2 && now.p95 - before.p95 >= 50)
        hint(u"latency-regression"_s, 0, pick(kHintLatency, lang).arg(before.p95).arg(now.p95));
    for (const ErrorTemplate &e : std::as_const(novel).mid(0, 3)) {
        if (e.isNew)
            hint(u"new-error"_s, e.firstSeen,
                pick(kHintNewError, lang).arg(hhmm(e.firstSeen)).arg(e.count).arg(e.text.left(200)));
        else
            hint(u"error-spike"_s, e.firstInWindow,
                pick(kHintSpike, lang).arg(e.count).arg(e.previous).arg(e.text.left(200)));
    }

    const double requestChange = changePercent(now.requests, before.requests);
    QJsonObject trafficJson = now.toJson();
    trafficJson.insert(u"previous"_s, before.toJson());
    trafficJson.insert(u"change"_s,
        QJsonObject {
            { u"requestsPercent"_s,
                std::isfinite(requestChange) ? QJsonValue(std::round(requestChange * 10) / 10) : QJsonValue() },
            { u"errorRatePoints"_s, std::round((now.errorRate() - before.errorRate()) * 100) / 100 },
            { u"p95Ms"_s, now.p95 - before.p95 },
        });

    // Rendered text.
    QStringList lines;
    lines << pick(kTitle, lang).arg(d.name, hhmm(fromMs), hhmm(toMs));
    if (now.requests == 0) {
        lines << pick(kNoTraffic, lang);
    } else {
        lines << pick(kTraffic, lang)
                     .arg(now.requests)
                     .arg(signedPercent(requestChange))
                     .arg(percent(now.errorRate()))
                     .arg(percent(before.errorRate()));
        lines << pick(kLatency, lang).arg(now.p50).arg(now.p95).arg(now.p99).arg(before.p95);
    }
    if (!codeOrder.isEmpty()) {
        QStringList parts;
        for (int code : std::as_const(codeOrder).mid(0, 5))
            parts << u"%1 ×%2"_s.arg(code).arg(codes[code].count);
        lines << pick(kStatusCodes, lang).arg(parts.join(u", "_s));
    }
    if (!pathOrder.isEmpty()) {
        QStringList parts;
        for (const QString &p : std::as_const(pathOrder).mid(0, 5))
            parts << u"%1 ×%2"_s.arg(p).arg(failingPaths[p]);
        lines << pick(kFailingPaths, lang).arg(parts.join(u", "_s));
    }
    if (!errors.isEmpty()) {
        lines << pick(kErrorTemplates, lang);
        for (const ErrorTemplate &e : std::as_const(errors).mid(0, 5)) {
            QString tag;
            if (e.isNew)
                tag = u" ["_s + pick(kNew, lang) + u']';
            else if (e.spike)
                tag = u" ["_s + pick(kSpike, lang) + u']';
            lines << u"  ×%1%2 %3"_s.arg(e.count).arg(tag, e.text.left(200));
        }
    }
    if (restarts > 0 || ooms > 0)
        lines << pick(kContainer, lang).arg(restarts).arg(ooms);
    if (hints.isEmpty()) {
        lines << pick(kNoProblems, lang);
    } else {
        lines << pick(kHints, lang);
        for (const QJsonValue &h : std::as_const(hints))
            lines << u"  - "_s + h.toObject().value(u"text"_s).toString();
    }

    return QJsonObject {
        { u"deployment"_s, d.id },
        { u"language"_s, lang },
        { u"window"_s, QJsonObject { { u"from"_s, fromMs }, { u"to"_s, toMs }, { u"ms"_s, windowMs } } },
        { u"traffic"_s, trafficJson },
        { u"statusCodes"_s, statusJson },
        { u"failingPaths"_s, pathJson },
        { u"errorTemplates"_s, QJsonObject { { u"byCount"_s, byCount }, { u"byNovelty"_s, byNovelty } } },
        { u"container"_s,
            QJsonObject { { u"restarts"_s, restarts }, { u"oomKills"_s, ooms },
                { u"memoryLimitMb"_s, d.resources.memoryMb }, { u"events"_s, eventJson } } },
        { u"hints"_s, hints },
        { u"text"_s, lines.join(u'\n') },
    };
}

} // namespace ttalkak::relay
