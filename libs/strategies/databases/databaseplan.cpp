#include "databaseplan.h"

#include "../dockerfiletext.h"

#include <QJsonArray>
#include <QObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

namespace {
struct Engine
{
    const char16_t *key;
    const char16_t *displayName;
    const char16_t *defaultVersion;
    int port;
};

// One row per engine; defaults are the current long-term releases.
constexpr Engine engines[] = {
    { u"postgresql", u"PostgreSQL", u"16", 5432 },
    { u"mysql", u"MySQL", u"8.4", 3306 },
    { u"mariadb", u"MariaDB", u"11.4", 3306 },
    { u"redis", u"Redis", u"7", 6379 },
    { u"mongodb", u"MongoDB", u"7", 27017 },
};

const Engine *findEngine(const QString &name)
{
    QString key = name.trimmed().toLower();
    if (key == u"postgres" || key == u"pg")
        key = u"postgresql"_s;
    else if (key == u"mongo")
        key = u"mongodb"_s;
    for (const Engine &e : engines)
        if (key == QStringView(e.key))
            return &e;
    return nullptr;
}

// "10.4.33" -> {10, 4}; "16-alpine" -> {16, 0}.
std::pair<int, int> majorMinor(const QString &version)
{
    static const QRegularExpression re(u"^(\\d+)(?:\\.(\\d+))?"_s);
    const auto m = re.match(version);
    return m.hasMatch() ? std::pair { m.captured(1).toInt(), m.captured(2).toInt() } : std::pair { 0, 0 };
}

QString encode(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

// A given password ends up in the environment and (Redis) on the command line: printable
// ASCII without spaces, so no quoting rule of any client or config file can cut it short.
Result<void> validateGivenPassword(const QString &password)
{
    if (password.isEmpty())
        return {};
    const bool printable
        = std::all_of(password.cbegin(), password.cend(), [](QChar c) { return c > u' ' && c < QChar(0x7f); });
    if (password.size() < 8 || password.size() > 128 || !printable)
        return Error(ErrorCode::InvalidInput,
            QObject::tr("a database password must be 8-128 printable ASCII characters without spaces"));
    return {};
}
} // namespace

QStringList supportedDatabaseEngines()
{
    QStringList out;
    for (const Engine &e : engines)
        out.append(QStringView(e.key).toString());
    return out;
}

QString defaultDatabaseVersion(const QString &engine)
{
    const Engine *e = findEngine(engine);
    return e ? QStringView(e->defaultVersion).toString() : QString();
}

QString generateDatabasePassword(int length)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    static_assert(sizeof(alphabet) - 1 == 64);
    length = std::max(length, 24);
    QString out;
    out.reserve(length);
    // 64 symbols: 6 bits per character, no modulo bias.
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::system()->generate() & 63u]);
    // A leading '-' reads as an option to command-line clients; keep it a letter.
    if (out.startsWith(u'-') || out.startsWith(u'_'))
        out[0] = QLatin1Char(alphabet[QRandomGenerator::system()->bounded(52)]);
    return out;
}

Result<DatabasePlan> planDatabase(const DatabaseRequest &request, const BaseImages &images)
{
    const Engine *engine = findEngine(request.engine);
    if (!engine)
        return Error(ErrorCode::Unsupported,
            QObject::tr("unknown database engine '%1'; supported: %2")
                .arg(request.engine.left(64), supportedDatabaseEngines().join(u", "_s)));
    DatabasePlan plan;
    plan.engine = QStringView(engine->key).toString();
    plan.displayName = QStringView(engine->displayName).toString();
    plan.port = engine->port;

    plan.version = request.version.trimmed().isEmpty() ? QStringView(engine->defaultVersion).toString()
                                                       : request.version.trimmed();
    // Docker's tag grammar, and a version number first so the engine's rules below apply.
    static const QRegularExpression versionRe(u"^[0-9][A-Za-z0-9._-]{0,63}$"_s);
    if (!versionRe.match(plan.version).hasMatch())
        return Error(ErrorCode::InvalidInput,
            QObject::tr("invalid %1 version '%2': use an image tag such as %3")
                .arg(plan.displayName, plan.version.left(64), QStringView(engine->defaultVersion).toString()));

    const QString name = request.name.trimmed().isEmpty() ? u"app"_s : request.name.trimmed();
    static const QRegularExpression nameRe(u"^[a-z][a-z0-9_]{0,31}$"_s);
    if (!nameRe.match(name).hasMatch())
        return Error(ErrorCode::InvalidInput,
            QObject::tr("invalid database name '%1': use 1-32 lowercase letters, digits and _, starting with a letter")
                .arg(name.left(64)));
    // Names the images or engines keep for themselves.
    static const QStringList reserved { u"root"_s, u"admin"_s, u"mysql"_s, u"sys"_s, u"information_schema"_s,
        u"performance_schema"_s, u"postgres"_s, u"template0"_s, u"template1"_s, u"local"_s, u"config"_s };
    if (reserved.contains(name))
        return Error(ErrorCode::InvalidInput,
            QObject::tr("'%1' is reserved by the database engine; choose another name").arg(name));

    plan.image = images.image(plan.engine, plan.version);
    if (plan.image.isEmpty())
        return Error(ErrorCode::NotFound, QObject::tr("no base image configured for '%1'").arg(plan.engine));
    if (auto v = validateToken(QObject::tr("image"), plan.image); !v)
        return v.error();

    const QString user = request.user.trimmed().isEmpty() ? name : request.user.trimmed();
    if (!nameRe.match(user).hasMatch() || reserved.contains(user))
        return Error(ErrorCode::InvalidInput,
            QObject::tr("invalid database user '%1': use 1-32 lowercase letters, digits and _, starting with a letter")
                .arg(user.left(64)));
    for (const QString *given : { &request.password, &request.adminPassword })
        if (auto v = validateGivenPassword(*given); !v)
            return v.error();

    const auto [major, minor] = majorMinor(plan.version);
    plan.password = request.password.isEmpty() ? generateDatabasePassword() : request.password;

    if (plan.engine == u"postgresql") {
        plan.database = name;
        plan.user = user;
        plan.env
            = { { u"POSTGRES_USER"_s, user }, { u"POSTGRES_PASSWORD"_s, plan.password }, { u"POSTGRES_DB"_s, name } };
        // PostgreSQL 18 images keep data in a versioned folder under /var/lib/postgresql.
        plan.volumePath = major >= 18 ? u"/var/lib/postgresql"_s : u"/var/lib/postgresql/data"_s;
        // Over TCP, not the socket: during first-run initialisation the image runs
        // a socket-only server that would already answer pg_isready.
        plan.healthCheck = { u"pg_isready"_s, u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(plan.port), u"-U"_s,
            user, u"-d"_s, name };
    } else if (plan.engine == u"mysql" || plan.engine == u"mariadb") {
        const bool maria = plan.engine == u"mariadb";
        const QString prefix = maria ? u"MARIADB_"_s : u"MYSQL_"_s;
        plan.database = name;
        plan.user = user;
        plan.adminPassword = request.adminPassword.isEmpty() ? generateDatabasePassword() : request.adminPassword;
        plan.env = { { prefix + u"ROOT_PASSWORD"_s, plan.adminPassword }, { prefix + u"DATABASE"_s, name },
            { prefix + u"USER"_s, user }, { prefix + u"PASSWORD"_s, plan.password } };
        plan.volumePath = u"/var/lib/mysql"_s;
        // `ping` exits 0 whenever the server answers, even "access denied", so no
        // credentials are needed; TCP because initialisation runs without networking.
        const bool mariadbAdmin = maria && (major > 10 || (major == 10 && minor >= 5));
        plan.healthCheck = { mariadbAdmin ? u"mariadb-admin"_s : u"mysqladmin"_s, u"ping"_s, u"-h"_s, u"127.0.0.1"_s,
            u"-P"_s, QString::number(plan.port), u"--silent"_s };
    } else if (plan.engine == u"redis") {
        // redis-cli reads REDISCLI_AUTH, which keeps the password off the health
        // check's command line; only PONG counts (a NOAUTH or LOADING error does not).
        // Redis 6+ names its built-in user "default"; redis://default:pw@ is
        // understood by every client, while redis-cli 7.0 reads redis://:pw@ as
        // the empty user name and fails. Redis 5 has no users: redis://:pw@.
        if (major >= 6)
            plan.user = u"default"_s;
        plan.env = { { u"REDISCLI_AUTH"_s, plan.password } };
        plan.command = { u"redis-server"_s, u"--requirepass"_s, plan.password, u"--appendonly"_s, u"yes"_s, u"--dir"_s,
            u"/data"_s };
        plan.volumePath = u"/data"_s;
        plan.healthCheck
            = { u"sh"_s, u"-c"_s, u"[ \"$(redis-cli -h 127.0.0.1 -p %1 ping)\" = PONG ]"_s.arg(plan.port) };
    } else if (plan.engine == u"mongodb") {
        plan.database = name;
        plan.user = user;
        plan.env = { { u"MONGO_INITDB_ROOT_USERNAME"_s, user }, { u"MONGO_INITDB_ROOT_PASSWORD"_s, plan.password },
            { u"MONGO_INITDB_DATABASE"_s, name } };
        plan.volumePath = u"/data/db"_s;
        // ping needs no authentication; images before 6.0 ship the legacy `mongo` shell.
        plan.healthCheck = { major >= 6 ? u"mongosh"_s : u"mongo"_s, u"--quiet"_s, u"--norc"_s, u"--eval"_s,
            u"quit(db.adminCommand({ ping: 1 }).ok ? 0 : 1)"_s };
    }
    for (const auto &[key, value] : std::as_const(plan.env))
        if (auto v = validateEnvValue(key, value); !v)
            return v.error();
    return plan;
}

QString DatabasePlan::connectionString(const QString &host, int hostPort) const
{
    const QString h = host.contains(u':') && !host.startsWith(u'[') ? u'[' + host + u']' : host;
    const QString at = h + u':' + QString::number(hostPort);
    const QString credentials = encode(user) + u':' + encode(password) + u'@';
    if (engine == u"postgresql")
        return u"postgresql://"_s + credentials + at + u'/' + encode(database);
    if (engine == u"mysql" || engine == u"mariadb")
        return u"mysql://"_s + credentials + at + u'/' + encode(database);
    if (engine == u"redis")
        return u"redis://"_s + encode(user) + u':' + encode(password) + u'@' + at;
    if (engine == u"mongodb")
        return u"mongodb://"_s + credentials + at + u'/' + encode(database) + u"?authSource=admin"_s;
    return {};
}

QJsonObject DatabasePlan::toJson(bool includeSecrets) const
{
    const auto secret = [&](const QString &s) { return includeSecrets || s.isEmpty() ? s : u"********"_s; };
    const QStringList secrets { password, adminPassword };
    QJsonObject envObject;
    for (const auto &[key, value] : env)
        envObject.insert(key, secrets.contains(value) ? secret(value) : value);
    QStringList cmd;
    for (const QString &arg : command)
        cmd.append(arg == password ? secret(arg) : arg);
    return QJsonObject {
        { u"engine"_s, engine },
        { u"displayName"_s, displayName },
        { u"version"_s, version },
        { u"image"_s, image },
        { u"port"_s, port },
        { u"database"_s, database },
        { u"user"_s, user },
        { u"password"_s, secret(password) },
        { u"adminPassword"_s, secret(adminPassword) },
        { u"env"_s, envObject },
        { u"command"_s, QJsonArray::fromStringList(cmd) },
        { u"volumePath"_s, volumePath },
        { u"healthCheck"_s, QJsonArray::fromStringList(healthCheck) },
        { u"healthIntervalSeconds"_s, healthIntervalSeconds },
        { u"healthTimeoutSeconds"_s, healthTimeoutSeconds },
        { u"healthRetries"_s, healthRetries },
        { u"healthStartPeriodSeconds"_s, healthStartPeriodSeconds },
    };
}

} // namespace ttalkak::strategies
