#include "restapi.h"

#include "logging.h"
#include "tokens.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RestApi", text);
}

HttpResponse badRequest(const QString &message)
{
    return HttpResponse::error(400, u"invalid-input"_s, message);
}

HttpResponse methodNotAllowed()
{
    return HttpResponse::error(405, u"method-not-allowed"_s, tr("method not allowed on this resource"));
}

HttpResponse notFound()
{
    return HttpResponse::error(404, u"not-found"_s, tr("no such resource"));
}

// Body must be a JSON object (empty body = {} for bodiless commands).
Result<QJsonObject> jsonBody(const HttpRequest &request)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::InvalidInput, tr("the request body must be a JSON object"));
    return doc.object();
}

bool validName(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"_s);
    return re.match(name).hasMatch();
}

Result<PageRequest> pageRequest(const HttpRequest &request)
{
    PageRequest p;
    bool ok = true;
    if (request.query.hasQueryItem(u"page"_s))
        p.page = request.query.queryItemValue(u"page"_s).toInt(&ok);
    if (!ok || p.page < 1 || p.page > 1'000'000)
        return Error(ErrorCode::InvalidInput, tr("page must be a number from 1"));
    if (request.query.hasQueryItem(u"pageSize"_s))
        p.pageSize = request.query.queryItemValue(u"pageSize"_s).toInt(&ok);
    if (!ok || p.pageSize < 1 || p.pageSize > 100)
        return Error(ErrorCode::InvalidInput, tr("pageSize must be 1 to 100"));
    p.search = request.query.queryItemValue(u"q"_s, QUrl::FullyDecoded).trimmed();
    if (p.search.size() > 100)
        return Error(ErrorCode::InvalidInput, tr("the search text is too long"));
    return p;
}

// Any list of records with toJson() as a JSON array.
template<typename List>
QJsonArray toJsonArray(const List &list)
{
    QJsonArray items;
    for (const auto &item : list)
        items.append(item.toJson());
    return items;
}

template<typename T>
QByteArray pageJson(const PageResult<T> &result, const PageRequest &page)
{
    return QJsonDocument(QJsonObject{{u"items"_s, toJsonArray(result.items)},
                                     {u"page"_s, page.page},
                                     {u"pageSize"_s, page.pageSize},
                                     {u"total"_s, result.total}})
        .toJson(QJsonDocument::Compact);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

const QStringList kDatabaseEngines{u"postgres"_s, u"mysql"_s, u"mariadb"_s, u"redis"_s, u"mongo"_s};

} // namespace

RestApi::RestApi(const RelayConfig &config, AccountStore &accounts, ResourceStore &resources, Scheduler &scheduler,
                 Ledger &ledger, MetricsRegistry &metrics, AccessLogStore &accessLogs, ContainerLogStore &containerLogs,
                 SummaryService &summaries)
    : m_config(config)
    , m_accounts(accounts)
    , m_resources(resources)
    , m_scheduler(scheduler)
    , m_ledger(ledger)
    , m_metrics(metrics)
    , m_accessLogs(accessLogs)
    , m_containerLogs(containerLogs)
    , m_summaries(summaries)
    , m_hasher(config.kdfIterations)
    , m_signinLimiter(config.signinMaxFailures, config.signinWindowMs)
{
}

HttpResponse RestApi::handle(const HttpRequest &request)
{
    const QList<QByteArray> parts = request.path.split('/').mid(1);
    HttpResponse response = route(request, parts);
    m_metrics.increment("ttalkak_relay_http_responses_total{code=\"" + QByteArray::number(response.status) + "\"}");
    return response;
}

HttpResponse RestApi::route(const HttpRequest &request, const QList<QByteArray> &parts)
{
    if (parts.size() == 1 && parts[0] == "healthz")
        return HttpResponse::json(200, {{u"status"_s, u"ok"_s}});
    if (parts.size() == 1 && parts[0] == "metrics")
        return metricsEndpoint(request);
    if (parts.isEmpty() || parts[0] != "v1")
        return notFound();
    if (parts.size() == 3 && parts[1] == "auth") {
        if (request.method != "POST")
            return methodNotAllowed();
        if (parts[2] == "signup")
            return signUp(request);
        if (parts[2] == "signin")
            return signIn(request);
        return notFound();
    }

    // Everything below needs a user token.
    auto who = m_accounts.authenticate(request.bearerToken());
    if (!who) {
        if (who.error().code() != ErrorCode::NotFound)
            return HttpResponse::fromError(who.error());
        HttpResponse r = HttpResponse::error(401, u"unauthenticated"_s, tr("a valid bearer token is required"));
        r.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        return r;
    }
    if (who->isProvider())
        return HttpResponse::error(403, u"permission-denied"_s, tr("provider keys can only open the control socket"));

    const QByteArray &resource = parts.value(1);
    if (resource == "me" && parts.size() == 2) {
        if (request.method != "GET")
            return methodNotAllowed();
        return HttpResponse::json(200, {{u"id"_s, who->userId}});
    }
    if (resource == "tokens")
        return tokens(request, *who, parts);
    if (resource == "providers")
        return providers(request, *who, parts);
    if (resource == "projects")
        return projects(request, *who, parts);
    if (resource == "deployments")
        return deployments(request, *who, parts, u"app"_s);
    if (resource == "databases")
        return deployments(request, *who, parts, u"database"_s);
    if (resource == "earnings" && parts.size() == 2) {
        if (request.method != "GET")
            return methodNotAllowed();
        auto e = m_ledger.earnings(who->userId);
        return e ? HttpResponse::json(200, *e) : HttpResponse::fromError(e.error());
    }
    return notFound();
}

HttpResponse RestApi::signUp(const HttpRequest &request)
{
    auto body = jsonBody(request);
    if (!body)
        return HttpResponse::fromError(body.error());
    const QString email = body->value(u"email"_s).toString().trimmed();
    const QString password = body->value(u"password"_s).toString();
    if (email.size() < 3 || email.size() > 254 || !email.contains(u'@') || email.contains(u' '))
        return badRequest(tr("a valid e-mail address is required"));
    if (password.size() < 8 || password.size() > 1024)
        return badRequest(tr("the password needs 8 to 1024 characters"));
    const QString hash = m_hasher.hash(password);
    const QString token = tokens::newToken(tokens::Kind::User);
    Result<User> user = m_accounts.createUser(email, hash);
    if (!user)
        return user.error().code() == ErrorCode::InvalidInput ? HttpResponse::error(409, u"conflict"_s, user.error().message())
                                                             : HttpResponse::fromError(user.error());
    if (auto t = m_accounts.createToken(user->id, tokens::Kind::User, u"sign-up"_s, token); !t)
        return HttpResponse::fromError(t.error());
    if (auto g = m_ledger.grant(user->id, m_config.signupCreditMicros, u"signup:"_s + user->id); !g)
        return HttpResponse::fromError(g.error());
    qCInfo(lcAuth).noquote() << "user signed up" << (u"user="_s + user->id);
    return HttpResponse::json(201, {{u"user"_s, user->toJson()}, {u"token"_s, token}});
}

HttpResponse RestApi::signIn(const HttpRequest &request)
{
    auto body = jsonBody(request);
    if (!body)
        return HttpResponse::fromError(body.error());
    const QString email = body->value(u"email"_s).toString().trimmed().toLower();
    const QString password = body->value(u"password"_s).toString();
    if (email.isEmpty() || password.isEmpty() || email.size() > 254 || password.size() > 1024)
        return badRequest(tr("e-mail and password are required"));
    const qint64 now = Database::nowMs();
    const QString emailKey = u"email:"_s + email;
    const QString peerKey = u"peer:"_s + request.peer.toString();
    const qint64 wait = std::max(m_signinLimiter.retryAfterMs(emailKey, now), m_signinLimiter.retryAfterMs(peerKey, now));
    if (wait > 0) {
        HttpResponse r = HttpResponse::error(429, u"rate-limited"_s, tr("too many failed sign-ins; try again later"));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number((wait + 999) / 1000)});
        return r;
    }
    auto found = m_accounts.findUserByEmail(email);
    bool ok = false;
    if (found)
        ok = m_hasher.verify(password, found->second);
    else
        m_hasher.verifyDummy(password);
    if (!ok) {
        m_signinLimiter.recordFailure(emailKey, now);
        m_signinLimiter.recordFailure(peerKey, now);
        qCInfo(lcAuth).noquote() << "sign-in failed" << (u"peer="_s + request.peer.toString());
        return HttpResponse::error(401, u"unauthenticated"_s, tr("wrong e-mail or password"));
    }
    m_signinLimiter.reset(emailKey);
    const QString name = body->value(u"tokenName"_s).toString(u"sign-in"_s).left(100);
    const QString token = tokens::newToken(tokens::Kind::User);
    auto t = m_accounts.createToken(found->first.id, tokens::Kind::User, name, token);
    if (!t)
        return HttpResponse::fromError(t.error());
    return HttpResponse::json(200, {{u"user"_s, found->first.toJson()}, {u"token"_s, token}, {u"tokenId"_s, t->id}});
}

HttpResponse RestApi::tokens(const HttpRequest &request, const Principal &who, const QList<QByteArray> &parts)
{
    if (parts.size() == 2) {
        if (request.method == "GET") {
            auto list = m_accounts.listTokens(who.userId);
            if (!list)
                return HttpResponse::fromError(list.error());
            return HttpResponse::json(200, {{u"items"_s, toJsonArray(*list)}});
        }
        if (request.method == "POST") {
            auto body = jsonBody(request);
            if (!body)
                return HttpResponse::fromError(body.error());
            const QString name = body->value(u"name"_s).toString();
            if (!validName(name))
                return badRequest(tr("a token name (letters, digits, . _ -) is required"));
            const QString token = tokens::newToken(tokens::Kind::User);
            auto t = m_accounts.createToken(who.userId, tokens::Kind::User, name, token);
            if (!t)
                return HttpResponse::fromError(t.error());
            QJsonObject o = t->toJson();
            o.insert(u"token"_s, token); // shown once
            return HttpResponse::json(201, o);
        }
        return methodNotAllowed();
    }
    if (parts.size() == 3) {
        if (request.method != "DELETE")
            return methodNotAllowed();
        auto r = m_accounts.revokeToken(who.userId, QString::fromLatin1(parts[2]));
        return r ? HttpResponse::json(200, {{u"revoked"_s, true}}) : HttpResponse::fromError(r.error());
    }
    return notFound();
}

HttpResponse RestApi::providers(const HttpRequest &request, const Principal &who, const QList<QByteArray> &parts)
{
    if (parts.size() == 2) {
        if (request.method == "GET") {
            auto list = m_accounts.listProviders(who.userId);
            if (!list)
                return HttpResponse::fromError(list.error());
            return HttpResponse::json(200, {{u"items"_s, toJsonArray(*list)}});
        }
        if (request.method == "POST") {
            auto body = jsonBody(request);
            if (!body)
                return HttpResponse::fromError(body.error());
            const QString name = body->value(u"name"_s).toString();
            if (!validName(name))
                return badRequest(tr("a provider name (letters, digits, . _ -) is required"));
            auto p = m_accounts.createProvider(who.userId, name);
            if (!p)
                return HttpResponse::fromError(p.error());
            const QString key = tokens::newToken(tokens::Kind::Provider);
            if (auto t = m_accounts.createToken(who.userId, tokens::Kind::Provider, name, key, p->id); !t)
                return HttpResponse::fromError(t.error());
            QJsonObject o = p->toJson();
            o.insert(u"registrationKey"_s, key); // shown once
            return HttpResponse::json(201, o);
        }
        return methodNotAllowed();
    }
    if (parts.size() == 3) {
        const QString id = QString::fromLatin1(parts[2]);
        if (request.method == "GET") {
            auto p = m_accounts.provider(who.userId, id);
            return p ? HttpResponse::json(200, p->toJson()) : HttpResponse::fromError(p.error());
        }
        if (request.method == "DELETE") {
            auto r = m_accounts.deleteProvider(who.userId, id);
            return r ? HttpResponse::json(200, {{u"deleted"_s, true}}) : HttpResponse::fromError(r.error());
        }
        return methodNotAllowed();
    }
    return notFound();
}

HttpResponse RestApi::projects(const HttpRequest &request, const Principal &who, const QList<QByteArray> &parts)
{
    if (parts.size() == 2) {
        if (request.method == "GET") {
            auto page = pageRequest(request);
            if (!page)
                return HttpResponse::fromError(page.error());
            const qint64 now = Database::nowMs();
            const QString key = QString::number(page->page) + u'|' + QString::number(page->pageSize) + u'|' + page->search;
            if (const QByteArray *cached = m_projectPages.find(who.userId, key, now))
                return HttpResponse::rawJson(200, *cached);
            auto list = m_resources.listProjects(who.userId, *page);
            if (!list)
                return HttpResponse::fromError(list.error());
            QByteArray body = pageJson(*list, *page);
            m_projectPages.insert(who.userId, key, body, now);
            return HttpResponse::rawJson(200, std::move(body));
        }
        if (request.method == "POST") {
            auto body = jsonBody(request);
            if (!body)
                return HttpResponse::fromError(body.error());
            const QString name = body->value(u"name"_s).toString();
            if (!validName(name))
                return badRequest(tr("a project name (letters, digits, . _ -, up to 100) is required"));
            if (body->contains(u"source"_s) && !body->value(u"source"_s).isObject())
                return badRequest(tr("source must be an object"));
            auto p = m_resources.createProject(who.userId, name, body->value(u"source"_s).toObject());
            m_projectPages.invalidate(who.userId);
            if (!p)
                return p.error().code() == ErrorCode::InvalidInput ? HttpResponse::error(409, u"conflict"_s, p.error().message())
                                                                  : HttpResponse::fromError(p.error());
            return HttpResponse::json(201, p->toJson());
        }
        return methodNotAllowed();
    }
    const QString id = QString::fromLatin1(parts.value(2));
    if (parts.size() == 3) {
        if (request.method == "GET") {
            auto p = m_resources.project(who.userId, id);
            return p ? HttpResponse::json(200, p->toJson()) : HttpResponse::fromError(p.error());
        }
        if (request.method == "DELETE") {
            auto p = m_resources.project(who.userId, id);
            if (!p)
                return HttpResponse::fromError(p.error());
            // Its deployments go first (each told to its provider), then the project.
            auto live = m_resources.liveDeploymentIds(who.userId, id);
            if (!live)
                return HttpResponse::fromError(live.error());
            for (const QString &dep : std::as_const(*live)) {
                if (auto r = m_scheduler.command(who.userId, dep, u"delete"_s); !r && r.error().code() != ErrorCode::NotFound)
                    return HttpResponse::fromError(r.error());
            }
            auto r = m_resources.deleteProject(who.userId, id);
            m_projectPages.invalidate(who.userId);
            return r ? HttpResponse::json(200, {{u"deleted"_s, true}}) : HttpResponse::fromError(r.error());
        }
        return methodNotAllowed();
    }
    if (parts.size() == 4 && parts[3] == "deployments") {
        if (request.method != "GET")
            return methodNotAllowed();
        if (auto p = m_resources.project(who.userId, id); !p)
            return HttpResponse::fromError(p.error());
        auto page = pageRequest(request);
        if (!page)
            return HttpResponse::fromError(page.error());
        auto list = m_resources.listDeployments(who.userId, u"app"_s, id, *page);
        return list ? HttpResponse::rawJson(200, pageJson(*list, *page)) : HttpResponse::fromError(list.error());
    }
    return notFound();
}

HttpResponse RestApi::deployments(const HttpRequest &request, const Principal &who, const QList<QByteArray> &parts,
                                  const QString &kind)
{
    if (parts.size() == 2) {
        if (request.method == "GET") {
            auto page = pageRequest(request);
            if (!page)
                return HttpResponse::fromError(page.error());
            const QString projectId = request.query.queryItemValue(u"projectId"_s);
            auto list = m_resources.listDeployments(who.userId, kind, projectId, *page);
            return list ? HttpResponse::rawJson(200, pageJson(*list, *page)) : HttpResponse::fromError(list.error());
        }
        if (request.method != "POST")
            return methodNotAllowed();
        auto body = jsonBody(request);
        if (!body)
            return HttpResponse::fromError(body.error());
        Deployment draft;
        draft.kind = kind;
        draft.name = body->value(u"name"_s).toString();
        if (!validName(draft.name))
            return badRequest(tr("a name (letters, digits, . _ -, up to 100) is required"));
        draft.projectId = body->value(u"projectId"_s).toString();
        if (kind == u"app" && draft.projectId.isEmpty())
            return badRequest(tr("projectId is required"));
        if (!draft.projectId.isEmpty()) {
            if (auto p = m_resources.project(who.userId, draft.projectId); !p)
                return HttpResponse::fromError(p.error());
        }
        if (kind == u"database") {
            const QString engine = body->value(u"engine"_s).toString();
            if (!kDatabaseEngines.contains(engine))
                return badRequest(tr("engine must be one of postgres, mysql, mariadb, redis, mongo"));
            const QString version = body->value(u"version"_s).toString();
            if (version.size() > 32)
                return badRequest(tr("version is too long"));
            draft.spec = {{u"engine"_s, engine}, {u"version"_s, version}};
        } else {
            if (body->contains(u"spec"_s) && !body->value(u"spec"_s).isObject())
                return badRequest(tr("spec must be an object"));
            draft.spec = body->value(u"spec"_s).toObject();
        }
        draft.resources = Resources::fromJson(body->value(u"resources"_s).toObject());
        const Resources &r = draft.resources;
        if (r.cpuMillis < 1 || r.cpuMillis > 1'000'000 || r.memoryMb < 1 || r.memoryMb > 10'000'000 || r.diskMb < 0
            || r.diskMb > 100'000'000)
            return badRequest(tr("resources needs cpuMillis (1..1000000), memoryMb (1..10000000) and diskMb (0..100000000)"));
        auto d = m_scheduler.submit(who.userId, draft);
        return d ? HttpResponse::json(202, d->toJson()) : HttpResponse::fromError(d.error());
    }
    const QString id = QString::fromLatin1(parts.value(2));
    auto d = m_resources.deployment(who.userId, id);
    if (!d || d->kind != kind)
        return notFound();
    if (parts.size() == 3) {
        if (request.method == "GET")
            return HttpResponse::json(200, d->toJson());
        if (request.method == "DELETE") {
            auto r = m_scheduler.command(who.userId, id, u"delete"_s);
            return r ? HttpResponse::json(202, r->toJson()) : HttpResponse::fromError(r.error());
        }
        return methodNotAllowed();
    }
    if (parts.size() != 4)
        return notFound();
    const QByteArray &sub = parts[3];
    if (sub == "commands") {
        if (request.method != "POST")
            return methodNotAllowed();
        auto body = jsonBody(request);
        if (!body)
            return HttpResponse::fromError(body.error());
        const QString command = body->value(u"command"_s).toString();
        if (command == u"delete" || command.isEmpty())
            return badRequest(tr("command must be start, stop, restart or redeploy (use DELETE to delete)"));
        auto r = m_scheduler.command(who.userId, id, command);
        if (!r)
            return r.error().code() == ErrorCode::Unsupported ? HttpResponse::error(409, u"conflict"_s, r.error().message())
                                                             : HttpResponse::fromError(r.error());
        return HttpResponse::json(202, r->toJson());
    }
    if (request.method != "GET")
        return methodNotAllowed();
    // The deployment was looked up through the caller's user id above: another user's is 404.
    if (sub == "logs")
        return logs(request, *d);
    if (sub == "metrics")
        return metricBuckets(request, *d);
    if (sub == "summary")
        return summary(request, *d);
    return notFound();
}

HttpResponse RestApi::logs(const HttpRequest &request, const Deployment &d)
{
    const QUrlQuery &query = request.query;
    const QString kind = query.queryItemValue(u"kind"_s).isEmpty() ? u"container"_s : query.queryItemValue(u"kind"_s);
    if (kind != u"container" && kind != u"access")
        return badRequest(tr("kind must be container or access"));
    LogQuery q;
    bool ok = true;
    auto number = [&](const QString &name, qint64 fallback) -> qint64 {
        if (!query.hasQueryItem(name))
            return fallback;
        bool good = false;
        const qint64 v = query.queryItemValue(name).toLongLong(&good);
        ok = ok && good && v >= 0;
        return v;
    };
    q.fromMs = number(u"from"_s, 0);
    q.toMs = number(u"to"_s, std::numeric_limits<qint64>::max());
    q.beforeId = number(u"before"_s, 0);
    const qint64 limit = number(u"limit"_s, 100);
    if (!ok || limit < 1 || limit > 1000)
        return badRequest(tr("from, to and before must be non-negative numbers and limit 1 to 1000"));
    q.limit = int(limit);
    q.text = query.queryItemValue(u"q"_s, QUrl::FullyDecoded);
    if (q.text.size() > 200)
        return badRequest(tr("the search text is too long"));
    QJsonArray items;
    qint64 lastId = 0;
    if (kind == u"access") {
        auto rows = m_accessLogs.query(d.id, q);
        if (!rows)
            return HttpResponse::fromError(rows.error());
        for (const AccessLogRow &r : std::as_const(*rows)) {
            items.append(r.toJson());
            lastId = r.id;
        }
    } else {
        auto lines = m_containerLogs.query(d.id, q);
        if (!lines)
            return HttpResponse::fromError(lines.error());
        for (const ContainerLogLine &l : std::as_const(*lines)) {
            items.append(l.toJson());
            lastId = l.id;
        }
    }
    // A full page may have more below it: the next page continues before the last id.
    const QJsonValue next = items.size() == q.limit ? QJsonValue(lastId) : QJsonValue();
    return HttpResponse::json(200, {{u"deployment"_s, d.id}, {u"kind"_s, kind}, {u"items"_s, items}, {u"nextBefore"_s, next}});
}

HttpResponse RestApi::metricBuckets(const HttpRequest &request, const Deployment &d)
{
    const qint64 now = Database::nowMs();
    bool okFrom = true;
    bool okTo = true;
    const qint64 to = request.query.hasQueryItem(u"to"_s) ? request.query.queryItemValue(u"to"_s).toLongLong(&okTo) : now;
    const qint64 from = request.query.hasQueryItem(u"from"_s) ? request.query.queryItemValue(u"from"_s).toLongLong(&okFrom)
                                                             : to - 3600000;
    if (!okFrom || !okTo || from < 0 || to <= from || to - from > 24LL * 3600000)
        return badRequest(tr("from and to must be epoch milliseconds, from < to, at most 24 hours apart"));
    auto buckets = m_accessLogs.buckets(d.id, from, to);
    if (!buckets)
        return HttpResponse::fromError(buckets.error());
    QJsonArray out;
    for (const MetricBucket &b : std::as_const(*buckets))
        out.append(b.toJson());
    return HttpResponse::json(200, {{u"deployment"_s, d.id}, {u"from"_s, from}, {u"to"_s, to}, {u"bucketMs"_s, 60000},
                                    {u"buckets"_s, out}});
}

HttpResponse RestApi::summary(const HttpRequest &request, const Deployment &d)
{
    static const QRegularExpression windowRe(u"^([0-9]{1,6})(s|m|h|d)$"_s);
    const QString windowText = request.query.queryItemValue(u"window"_s).isEmpty() ? u"1h"_s : request.query.queryItemValue(u"window"_s);
    const QRegularExpressionMatch w = windowRe.match(windowText);
    qint64 windowMs = 0;
    if (w.hasMatch()) {
        const qint64 unit = w.captured(2) == u"s" ? 1000 : w.captured(2) == u"m" ? 60000 : w.captured(2) == u"h" ? 3600000 : 86400000;
        windowMs = w.captured(1).toLongLong() * unit;
    }
    if (windowMs < 60000 || windowMs > 7LL * 86400000)
        return badRequest(tr("window must be like 15m, 1h or 1d, from 1 minute to 7 days"));
    bool ok = true;
    const qint64 to = request.query.hasQueryItem(u"to"_s) ? request.query.queryItemValue(u"to"_s).toLongLong(&ok) : Database::nowMs();
    if (!ok || to <= windowMs)
        return badRequest(tr("to must be epoch milliseconds"));
    const QString lang = LogSummarizer::languageFrom(request.query.queryItemValue(u"lang"_s), request.header("accept-language"));
    const QString cacheKey = request.query.hasQueryItem(u"to"_s) ? windowText + u'@' + QString::number(to) : windowText;
    return m_summaries.respond(d, to - windowMs, to, cacheKey, lang);
}

HttpResponse RestApi::metricsEndpoint(const HttpRequest &request)
{
    if (request.method != "GET")
        return methodNotAllowed();
    if (m_config.metricsToken.isEmpty()) {
        if (!request.peer.isLoopback())
            return HttpResponse::error(403, u"permission-denied"_s, tr("/metrics is served to loopback clients only"));
    } else if (!constantTimeEquals(request.bearerToken().toUtf8(), m_config.metricsToken.toUtf8())) {
        return HttpResponse::error(401, u"unauthenticated"_s, tr("a valid bearer token is required"));
    }
    return HttpResponse::text(200, m_metrics.render(), "text/plain; version=0.0.4");
}

} // namespace ttalkak::relay
