#include "restapi.h"

#include "allowlist.h"
#include "appspec.h"
#include "domaincheck.h"
#include "httpdeferred.h"
#include "logging.h"
#include "tokens.h"

#include <strategies/databases/databaseplan.h>

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

HttpResponse conflict(const QString &message)
{
    return HttpResponse::error(409, u"conflict"_s, message);
}

// A private repo's credential: opaque to the relay, bounded, one line.
Result<QString> sourceTokenFrom(const QJsonObject &body)
{
    const QJsonValue v = body.value(u"sourceToken"_s);
    if (v.isUndefined() || v.isNull())
        return QString();
    const QString token = v.toString();
    bool control = false;
    for (const QChar c : token)
        control = control || c.unicode() < 0x20 || c.unicode() == 0x7f;
    if (!v.isString() || token.isEmpty() || token.size() > 4096 || control)
        return Error(ErrorCode::InvalidInput, tr("sourceToken must be a non-empty string of up to 4096 characters on one line"));
    return token;
}

// The credentials and names the provider creates the database with (docs/protocol.md).
QJsonObject databaseSpec(const QString &engine, const QString &version)
{
    QJsonObject spec{{u"engine"_s, engine},
                     {u"version"_s, version},
                     {u"database"_s, u"app"_s},
                     {u"user"_s, u"app"_s},
                     {u"password"_s, strategies::generateDatabasePassword()}};
    if (engine == u"mysql" || engine == u"mariadb")
        spec.insert(u"adminPassword"_s, strategies::generateDatabasePassword());
    return spec;
}

// postgresql://app:pw@host:port/app and friends, formatted by libs/strategies.
QString connectionUrl(const QJsonObject &spec, const QString &host, int port)
{
    strategies::DatabasePlan plan;
    const QString engine = spec.value(u"engine"_s).toString();
    plan.engine = engine == u"postgres" ? u"postgresql"_s : engine == u"mongo" ? u"mongodb"_s : engine;
    plan.database = spec.value(u"database"_s).toString();
    plan.user = spec.value(u"user"_s).toString();
    plan.password = spec.value(u"password"_s).toString();
    if (plan.engine == u"redis") {
        // Redis has no database names; its user is "default" from 6 on, none before (as planDatabase).
        QString version = spec.value(u"version"_s).toString();
        if (version.isEmpty())
            version = strategies::defaultDatabaseVersion(plan.engine);
        plan.user = version.section(u'.', 0, 0).toInt() >= 6 ? u"default"_s : QString();
    }
    return plan.connectionString(host, port);
}

} // namespace

RestApi::RestApi(const RelayConfig &config, AccountStore &accounts, ResourceStore &resources, Scheduler &scheduler,
                 Ledger &ledger, MetricsRegistry &metrics, AccessLogStore &accessLogs, ContainerLogStore &containerLogs,
                 SummaryService &summaries, BlobStore &blobs, DatabaseAccessStore &databaseAccess, CustomDomainStore &domains)
    : m_config(config)
    , m_accounts(accounts)
    , m_resources(resources)
    , m_scheduler(scheduler)
    , m_ledger(ledger)
    , m_metrics(metrics)
    , m_accessLogs(accessLogs)
    , m_containerLogs(containerLogs)
    , m_summaries(summaries)
    , m_blobs(blobs)
    , m_databaseAccess(databaseAccess)
    , m_domains(domains)
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
    if (parts.size() == 2 && parts[1] == "info") // public: what clients need to build URLs
        return info(request);
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
    const QByteArray &resource = parts.value(1);
    if (resource == "blobs") // providers fetch the blobs of their deployments
        return blobs(request, *who, parts);
    if (who->isProvider())
        return HttpResponse::error(403, u"permission-denied"_s, tr("provider keys can only open the control socket"));

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
            if (!list)
                return HttpResponse::fromError(list.error());
            QJsonArray items;
            for (const Deployment &d : std::as_const(list->items))
                items.append(deploymentJson(d, false));
            return HttpResponse::json(200, {{u"items"_s, items}, {u"page"_s, page->page}, {u"pageSize"_s, page->pageSize},
                                            {u"total"_s, list->total}});
        }
        if (request.method != "POST")
            return methodNotAllowed();
        return createDeployment(request, who, kind);
    }
    const QString id = QString::fromLatin1(parts.value(2));
    auto d = m_resources.deployment(who.userId, id);
    if (!d || d->kind != kind)
        return notFound();
    if (parts.size() == 3) {
        if (request.method == "GET")
            return HttpResponse::json(200, deploymentJson(*d, true));
        if (request.method == "DELETE") {
            auto r = m_scheduler.command(who.userId, id, u"delete"_s);
            if (r && m_databaseAccessChanged && kind == u"database")
                m_databaseAccessChanged(); // its listener goes
            return r ? HttpResponse::json(202, deploymentJson(*r, false)) : HttpResponse::fromError(r.error());
        }
        return methodNotAllowed();
    }
    if (parts.size() >= 4 && parts[3] == "domains" && kind == u"app")
        return domains(request, *d, parts);
    if (parts.size() != 4)
        return notFound();
    const QByteArray &sub = parts[3];
    if (sub == "commands") {
        if (request.method != "POST")
            return methodNotAllowed();
        return deploymentCommand(request, who, *d);
    }
    if (sub == "allowlist" && kind == u"database") {
        if (request.method != "PUT")
            return methodNotAllowed();
        return allowList(request, *d);
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
    if (sub == "usage")
        return usage(request, *d);
    return notFound();
}

HttpResponse RestApi::createDeployment(const HttpRequest &request, const Principal &who, const QString &kind)
{
    auto body = jsonBody(request);
    if (!body)
        return HttpResponse::fromError(body.error());
    Deployment draft;
    draft.kind = kind;
    draft.name = body->value(u"name"_s).toString();
    if (kind == u"app") {
        auto name = normalizeAppName(draft.name);
        if (!name)
            return HttpResponse::fromError(name.error());
        draft.name = *name;
    } else if (!validName(draft.name)) {
        return badRequest(tr("a name (letters, digits, . _ -, up to 100) is required"));
    }
    draft.projectId = body->value(u"projectId"_s).toString();
    if (kind == u"app" && draft.projectId.isEmpty())
        return badRequest(tr("projectId is required"));
    if (!draft.projectId.isEmpty()) {
        if (auto p = m_resources.project(who.userId, draft.projectId); !p)
            return HttpResponse::fromError(p.error());
    }
    auto sourceToken = sourceTokenFrom(*body);
    if (!sourceToken)
        return HttpResponse::fromError(sourceToken.error());
    QStringList access;
    if (kind == u"database") {
        const QString engine = body->value(u"engine"_s).toString();
        if (!kDatabaseEngines.contains(engine))
            return badRequest(tr("engine must be one of postgres, mysql, mariadb, redis, mongo"));
        const QString version = body->value(u"version"_s).toString();
        if (version.size() > 32)
            return badRequest(tr("version is too long"));
        if (!sourceToken->isEmpty())
            return badRequest(tr("sourceToken is only for apps"));
        auto list = body->contains(u"allowList"_s) ? allowlist::parse(body->value(u"allowList"_s))
                                                   : Result<QStringList>(allowlist::defaultFor(request.peer));
        if (!list)
            return HttpResponse::fromError(list.error());
        access = *list;
        draft.spec = databaseSpec(engine, version);
    } else {
        if (!body->value(u"spec"_s).isObject())
            return badRequest(tr("spec: an object is required (see the deployment spec)"));
        auto spec = validateAppSpec(body->value(u"spec"_s).toObject(),
                                    [&](const QString &sha) { return m_blobs.ownedSize(who.userId, sha); }, ingressLimits());
        if (!spec)
            return HttpResponse::fromError(spec.error());
        draft.spec = *spec;
    }
    draft.resources = Resources::fromJson(body->value(u"resources"_s).toObject());
    const Resources &r = draft.resources;
    if (r.cpuMillis < 1 || r.cpuMillis > 1'000'000 || r.memoryMb < 1 || r.memoryMb > 10'000'000 || r.diskMb < 0
        || r.diskMb > 100'000'000)
        return badRequest(tr("resources needs cpuMillis (1..1000000), memoryMb (1..10000000) and diskMb (0..100000000)"));
    // Names are host labels: one per relay (the store runs on this one thread, so check-then-insert holds).
    auto taken = m_resources.nameTaken(draft.name);
    if (!taken)
        return HttpResponse::fromError(taken.error());
    if (*taken)
        return conflict(tr("the name \"%1\" is already in use; choose another").arg(draft.name));
    std::function<Result<void>(const Deployment &)> alsoStore;
    if (kind == u"database") {
        alsoStore = [&](const Deployment &created) -> Result<void> {
            auto port = m_databaseAccess.allocate(created.id, access, m_config.dbIngressFrom, m_config.dbIngressTo);
            if (!port)
                return port.error();
            return {};
        };
    }
    auto d = m_scheduler.submit(who.userId, draft, *sourceToken, alsoStore);
    return d ? HttpResponse::json(202, deploymentJson(*d, false)) : HttpResponse::fromError(d.error());
}

HttpResponse RestApi::deploymentCommand(const HttpRequest &request, const Principal &who, const Deployment &d)
{
    auto body = jsonBody(request);
    if (!body)
        return HttpResponse::fromError(body.error());
    const QString command = body->value(u"command"_s).toString();
    if (command == u"delete" || command.isEmpty())
        return badRequest(tr("command must be start, stop, restart or redeploy (use DELETE to delete)"));
    Scheduler::Redeploy redeploy;
    if (body->contains(u"spec"_s) || body->contains(u"sourceToken"_s)) {
        if (command != u"redeploy")
            return badRequest(tr("only redeploy takes spec or sourceToken"));
        if (d.kind != u"app")
            return badRequest(tr("a database's spec and credentials cannot be changed"));
        auto token = sourceTokenFrom(*body);
        if (!token)
            return HttpResponse::fromError(token.error());
        redeploy.sourceToken = *token;
        if (body->contains(u"spec"_s)) {
            if (!body->value(u"spec"_s).isObject())
                return badRequest(tr("spec: an object is required (see the deployment spec)"));
            auto spec = validateAppSpec(body->value(u"spec"_s).toObject(),
                                        [&](const QString &sha) { return m_blobs.ownedSize(who.userId, sha); }, ingressLimits());
            if (!spec)
                return HttpResponse::fromError(spec.error());
            redeploy.spec = *spec;
        }
    }
    auto r = m_scheduler.command(who.userId, d.id, command, redeploy);
    if (!r)
        return r.error().code() == ErrorCode::Unsupported ? conflict(r.error().message()) : HttpResponse::fromError(r.error());
    return HttpResponse::json(202, deploymentJson(*r, false));
}

HttpResponse RestApi::allowList(const HttpRequest &request, const Deployment &d)
{
    auto body = jsonBody(request);
    if (!body)
        return HttpResponse::fromError(body.error());
    auto list = allowlist::parse(body->value(u"allowList"_s));
    if (!list)
        return HttpResponse::fromError(list.error());
    if (auto r = m_databaseAccess.setAllowList(d.id, *list); !r)
        return HttpResponse::fromError(r.error());
    qCInfo(lcRest).noquote() << "allow-list changed" << (u"deployment="_s + d.id) << (u"entries="_s + QString::number(list->size()));
    if (m_databaseAccessChanged)
        m_databaseAccessChanged();
    return HttpResponse::json(200, deploymentJson(d, true));
}

QJsonObject RestApi::deploymentJson(const Deployment &d, bool withConnection) const
{
    QJsonObject o = d.publicJson();
    if (d.kind != u"database") {
        if (const QString url = m_config.appUrl(d.name); !url.isEmpty())
            o.insert(u"url"_s, url);
        return o;
    }
    auto access = m_databaseAccess.access(d.id);
    if (!access) {
        qCWarning(lcRest).noquote() << "cannot read database access:" << access.error().toString();
        return o;
    }
    if (!*access)
        return o;
    o.insert(u"allowList"_s, QJsonArray::fromStringList((*access)->allowList));
    // Reachable only through the tunnel's TCP ingress, so only then is there a connection.
    if (!withConnection || !m_config.tunnelEnabled)
        return o;
    const int port = (*access)->publicPort;
    o.insert(u"connection"_s, QJsonObject{{u"host"_s, m_config.domain},
                                          {u"port"_s, port},
                                          {u"database"_s, d.spec.value(u"database"_s)},
                                          {u"user"_s, d.spec.value(u"user"_s)},
                                          {u"password"_s, d.spec.value(u"password"_s)},
                                          {u"url"_s, connectionUrl(d.spec, m_config.domain, port)}});
    return o;
}

std::shared_ptr<HttpBodySink> RestApi::bodySinkFor(const HttpRequest &head)
{
    // Only an authenticated user's upload may go to disk; anything else keeps the small body limit.
    static const QByteArray prefix = "/v1/blobs/";
    if (head.method != "PUT" || !head.path.startsWith(prefix))
        return nullptr;
    const QString sha = QString::fromLatin1(head.path.mid(prefix.size()));
    if (!BlobStore::isValidId(sha))
        return nullptr;
    auto who = m_accounts.authenticate(head.bearerToken());
    if (!who || who->isProvider())
        return nullptr;
    return m_blobs.beginUpload(sha);
}

HttpResponse RestApi::blobs(const HttpRequest &request, const Principal &who, const QList<QByteArray> &parts)
{
    if (parts.size() != 3)
        return notFound();
    const QString sha = QString::fromLatin1(parts[2]);
    if (!BlobStore::isValidId(sha))
        return badRequest(tr("a blob id is the SHA-256 of the archive in 64 lowercase hexadecimal digits"));
    if (request.method == "PUT") {
        if (who.isProvider())
            return HttpResponse::error(403, u"permission-denied"_s, tr("provider keys cannot upload blobs"));
        auto upload = std::dynamic_pointer_cast<BlobUpload>(request.bodySink);
        if (!upload)
            return badRequest(tr("the upload body was not received"));
        auto created = m_blobs.finish(*upload, who.userId);
        if (!created)
            return HttpResponse::fromError(created.error());
        return HttpResponse::json(*created ? 201 : 200, {{u"blob"_s, sha}, {u"size"_s, upload->size()}});
    }
    if (request.method != "GET")
        return methodNotAllowed();
    // The owner, or a provider while one of its deployments builds from this blob; else 404.
    Result<bool> allowed = false;
    if (who.isProvider()) {
        allowed = m_blobs.usedByProvider(who.providerId, sha);
    } else {
        auto size = m_blobs.ownedSize(who.userId, sha);
        allowed = size ? Result<bool>(size->has_value()) : Result<bool>(size.error());
    }
    if (!allowed)
        return HttpResponse::fromError(allowed.error());
    if (!*allowed)
        return notFound();
    return HttpResponse::file(m_blobs.path(sha), "application/gzip");
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

HttpResponse RestApi::usage(const HttpRequest &request, const Deployment &d)
{
    bool okFrom = true;
    bool okTo = true;
    const qint64 to = request.query.hasQueryItem(u"to"_s) ? request.query.queryItemValue(u"to"_s).toLongLong(&okTo)
                                                         : Database::nowMs();
    const qint64 from = request.query.hasQueryItem(u"from"_s) ? request.query.queryItemValue(u"from"_s).toLongLong(&okFrom)
                                                             : to - 24LL * 3600000;
    if (!okFrom || !okTo || from < 0 || to <= from || to - from > 31LL * 86400000)
        return badRequest(tr("from and to must be epoch milliseconds, from < to, at most 31 days apart"));
    auto usage = m_ledger.usage(d.id, from, to);
    if (!usage)
        return HttpResponse::fromError(usage.error());
    QJsonObject out = *usage;
    out.insert(u"from"_s, from);
    out.insert(u"to"_s, to);
    return HttpResponse::json(200, out);
}

HttpResponse RestApi::info(const HttpRequest &request) const
{
    if (request.method != "GET")
        return methodNotAllowed();
    QJsonObject ingress;
    if (m_config.ingressEnabled)
        ingress.insert(u"http"_s, QJsonObject{{u"port"_s, m_config.ingressPort}});
    if (m_config.ingressTlsEnabled)
        ingress.insert(u"https"_s, QJsonObject{{u"port"_s, m_config.ingressTlsPort}});
    QJsonObject o{{u"domain"_s, m_config.domain},
                  {u"ingress"_s, ingress},
                  {u"protocol"_s, 1},
                  {u"version"_s, QCoreApplication::applicationVersion()}};
    if (m_config.tunnelEnabled)
        o.insert(u"tunnel"_s, QJsonObject{{u"port"_s, m_config.tunnelPort}});
    return HttpResponse::json(200, o);
}

HttpResponse RestApi::domains(const HttpRequest &request, const Deployment &d, const QList<QByteArray> &parts)
{
    if (parts.size() == 4) {
        if (request.method == "GET") {
            auto list = m_domains.list(d.id);
            if (!list)
                return HttpResponse::fromError(list.error());
            QJsonArray items;
            for (const CustomDomain &c : std::as_const(*list))
                items.append(c.toJson());
            return HttpResponse::json(200, {{u"deployment"_s, d.id}, {u"items"_s, items}});
        }
        if (request.method != "POST")
            return methodNotAllowed();
        auto body = jsonBody(request);
        if (!body)
            return HttpResponse::fromError(body.error());
        auto host = CustomDomainStore::normalizeHost(body->value(u"host"_s).toString(), m_config.domain);
        if (!host)
            return HttpResponse::fromError(host.error());
        auto added = m_domains.add(d.id, *host);
        if (!added)
            return HttpResponse::fromError(added.error());
        if (added->second)
            qCInfo(lcRest).noquote() << "custom domain added" << (u"deployment="_s + d.id) << (u"host="_s + *host);
        return HttpResponse::json(added->second ? 201 : 200, added->first.toJson());
    }
    auto host = CustomDomainStore::normalizeHost(QUrl::fromPercentEncoding(parts[4]), m_config.domain);
    if (!host)
        return notFound();
    auto domain = m_domains.find(d.id, *host);
    if (!domain)
        return HttpResponse::fromError(domain.error());
    if (parts.size() == 5) {
        if (request.method == "GET")
            return HttpResponse::json(200, domain->toJson());
        if (request.method != "DELETE")
            return methodNotAllowed();
        auto r = m_domains.remove(d.id, *host);
        if (r)
            qCInfo(lcRest).noquote() << "custom domain removed" << (u"deployment="_s + d.id) << (u"host="_s + *host);
        return r ? HttpResponse::json(200, {{u"deleted"_s, true}}) : HttpResponse::fromError(r.error());
    }
    if (parts.size() == 6 && parts[5] == "verify") {
        if (request.method != "POST")
            return methodNotAllowed();
        return verifyDomain(d, *domain);
    }
    return notFound();
}

HttpResponse RestApi::verifyDomain(const Deployment &d, const CustomDomain &domain)
{
    auto claim = [this, d, domain]() -> HttpResponse {
        auto marked = m_domains.markVerified(d.id, domain.host);
        if (!marked)
            return HttpResponse::fromError(marked.error());
        if (!*marked)
            return conflict(tr("%1 is already verified for another deployment").arg(domain.host));
        qCInfo(lcRest).noquote() << "custom domain verified" << (u"deployment="_s + d.id) << (u"host="_s + domain.host);
        auto fresh = m_domains.find(d.id, domain.host);
        return fresh ? HttpResponse::json(200, fresh->toJson()) : HttpResponse::fromError(fresh.error());
    };
    if (domain.verified())
        return claim();
    // Verified elsewhere: the host already routes there, so the challenge could not reach us anyway.
    auto holder = m_domains.verifiedDeployment(domain.host);
    if (!holder)
        return HttpResponse::fromError(holder.error());
    if (*holder && **holder != d.id) {
        auto other = m_resources.deploymentById(**holder);
        if (other && other->state != u"deleted")
            return conflict(tr("%1 is already verified for another deployment").arg(domain.host));
    }
    if (!m_config.ingressEnabled)
        return HttpResponse::error(503, u"unavailable"_s, tr("this relay has no public HTTP ingress to verify domains with"));
    // The host must reach our own ingress, which answers the challenge path for pending hosts.
    auto deferred = std::make_shared<HttpDeferred>();
    auto *check = new DomainCheck({domain.host, m_config.ingressPort, domain.challengePath(), domain.token.toLatin1(),
                                   m_config.domainCheckAddress});
    QObject::connect(check, &DomainCheck::finished, deferred.get(), [deferred, claim, host = domain.host](bool matched, const QString &detail) {
        if (!matched) {
            qCInfo(lcRest).noquote() << "custom domain check failed" << (u"host="_s + host) << detail;
            deferred->finish(HttpResponse::error(
                422, u"unverified"_s,
                tr("%1 does not point at this relay yet: %2").arg(host, detail)));
            return;
        }
        deferred->finish(claim());
    });
    check->start();
    return HttpResponse::later(deferred);
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
