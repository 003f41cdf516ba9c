#include "offerparser.h"

#include <strategies/databases/databaseplan.h>

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ttalkak::provider {

using core::Error;
using core::ErrorCode;
using core::Result;

namespace {

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}

// A JSON number that is a whole number within [min, max]; JSON has no integer type.
std::optional<qint64> integerIn(const QJsonValue &v, qint64 min, qint64 max)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < double(min) || d > double(max))
        return std::nullopt;
    return qint64(d);
}

bool hasControl(const QString &s, bool allowNewlines)
{
    return std::any_of(s.cbegin(), s.cend(), [allowNewlines](QChar c) {
        if (allowNewlines && (c == u'\n' || c == u'\r' || c == u'\t'))
            return false;
        return c.unicode() < 0x20 || c.unicode() == 0x7f;
    });
}

// env / buildArgs: names [A-Za-z_][A-Za-z0-9_]*, ≤ 100 entries, values ≤ 32 KiB without NUL.
Result<QMap<QString, QString>> variables(const QJsonValue &v, const QString &field)
{
    QMap<QString, QString> out;
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isObject())
        return invalid(OfferParser::tr("spec.%1 must be an object of strings").arg(field));
    const QJsonObject o = v.toObject();
    if (o.size() > OfferParser::kMaxEnvEntries)
        return invalid(OfferParser::tr("spec.%1 has more than %2 entries").arg(field).arg(OfferParser::kMaxEnvEntries));
    static const QRegularExpression nameRe(u"^[A-Za-z_][A-Za-z0-9_]{0,255}$"_s);
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!nameRe.match(it.key()).hasMatch())
            return invalid(OfferParser::tr("spec.%1: invalid name '%2'").arg(field, it.key().left(64)));
        if (!it.value().isString())
            return invalid(OfferParser::tr("spec.%1.%2 must be a string").arg(field, it.key()));
        const QString value = it.value().toString();
        if (value.contains(QChar(0)) || value.toUtf8().size() > OfferParser::kMaxEnvValueBytes)
            return invalid(OfferParser::tr("spec.%1.%2 is longer than 32 KiB or contains NUL").arg(field, it.key()));
        out.insert(it.key(), value);
    }
    return out;
}

// spec.files: generated helper files, relative paths inside the context, ≤ 20 and ≤ 256 KiB.
Result<QMap<QString, QString>> helperFiles(const QJsonValue &v)
{
    QMap<QString, QString> out;
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isObject() || v.toObject().size() > 20)
        return invalid(OfferParser::tr("spec.files must be an object of at most 20 path → text entries"));
    qsizetype total = 0;
    const QJsonObject o = v.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString path = it.key();
        const QStringList parts = path.split(u'/');
        if (path.isEmpty() || path.size() > 1024 || hasControl(path, false) || path.startsWith(u'/')
            || path.contains(u'\\') || parts.contains(u".."_s) || parts.contains(QString()) || parts.first() == u".git")
            return invalid(OfferParser::tr("spec.files: invalid path '%1'").arg(path.left(64)));
        if (!it.value().isString() || it.value().toString().contains(QChar(0)))
            return invalid(OfferParser::tr("spec.files.%1 must be text").arg(path.left(64)));
        total += it.value().toString().toUtf8().size();
        out.insert(path, it.value().toString());
    }
    if (total > 256 * 1024)
        return invalid(OfferParser::tr("spec.files are larger than 256 KiB together"));
    return out;
}

Result<QString> optionalText(const QJsonObject &o, const QString &field, qsizetype maxBytes, const QString &what)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return invalid(OfferParser::tr("%1 must be a string").arg(what));
    const QString s = v.toString();
    if (s.contains(QChar(0)) || s.toUtf8().size() > maxBytes)
        return invalid(OfferParser::tr("%1 is longer than %2 bytes or contains NUL").arg(what).arg(maxBytes));
    return s;
}

Result<SourceSpec> parseSource(const QJsonValue &v, bool allowFileSources)
{
    if (!v.isObject())
        return invalid(OfferParser::tr("spec.source must be an object"));
    const QJsonObject o = v.toObject();
    const QString type = o.value(u"type"_s).toString();
    SourceSpec s;
    if (type == u"blob") {
        s.type = SourceSpec::Type::Blob;
        static const QRegularExpression shaRe(u"^[0-9a-f]{64}$"_s);
        s.blobSha256 = o.value(u"blob"_s).toString();
        if (!shaRe.match(s.blobSha256).hasMatch())
            return invalid(OfferParser::tr("spec.source.blob must be a lowercase SHA-256 (64 hex)"));
        const auto size = integerIn(o.value(u"size"_s), 1, qint64(1) << 40);
        if (!size)
            return invalid(OfferParser::tr("spec.source.size must be a positive integer"));
        s.blobSize = *size;
        return s;
    }
    if (type != u"git")
        return invalid(OfferParser::tr("spec.source.type must be \"git\" or \"blob\""));
    s.type = SourceSpec::Type::Git;
    s.url = o.value(u"url"_s).toString();
    const QUrl url(s.url, QUrl::StrictMode);
    static const QStringList schemes { u"https"_s, u"http"_s, u"git"_s, u"ssh"_s, u"file"_s };
    if (s.url.isEmpty() || s.url.size() > 2048 || !url.isValid() || !schemes.contains(url.scheme())
        || hasControl(s.url, false))
        return invalid(OfferParser::tr("spec.source.url must be an https, http, git, ssh or file URL"));
    if (url.scheme() == u"file" && !allowFileSources)
        return invalid(OfferParser::tr("file:// sources are not allowed on this provider"));
    if (url.scheme() != u"file" && url.host().isEmpty())
        return invalid(OfferParser::tr("spec.source.url has no host"));
    const QJsonValue ref = o.value(u"ref"_s);
    if (!ref.isUndefined() && !ref.isNull() && !ref.isString())
        return invalid(OfferParser::tr("spec.source.ref must be a string"));
    s.ref = ref.toString();
    // Refs become libgit2 arguments: no option-looking names, no control characters, no "..".
    if (s.ref.size() > 255 || s.ref.startsWith(u'-') || s.ref.contains(u"..") || s.ref.contains(u' ')
        || hasControl(s.ref, false))
        return invalid(OfferParser::tr("spec.source.ref is not a valid branch or tag name"));
    const QJsonValue commit = o.value(u"commit"_s);
    if (!commit.isUndefined() && !commit.isNull()) {
        static const QRegularExpression commitRe(u"^[0-9a-f]{40}$"_s);
        s.commit = commit.toString();
        if (!commit.isString() || !commitRe.match(s.commit).hasMatch())
            return invalid(OfferParser::tr("spec.source.commit must be 40 lowercase hex digits"));
    }
    return s;
}

Result<QString> parseContextDir(const QJsonObject &spec)
{
    auto dir = optionalText(spec, u"contextDir"_s, 1024, u"spec.contextDir"_s);
    if (!dir)
        return dir;
    QString d = *dir;
    if (d == u"." || d == u"./")
        return QString();
    if (d.startsWith(u'/') || d.contains(u'\\') || hasControl(d, false))
        return invalid(OfferParser::tr("spec.contextDir must be a relative path inside the checkout"));
    const QStringList parts = d.split(u'/', Qt::SkipEmptyParts);
    if (parts.contains(u".."_s))
        return invalid(OfferParser::tr("spec.contextDir must not contain '..'"));
    QStringList kept;
    for (const QString &p : parts)
        if (p != u".")
            kept << p;
    return kept.join(u'/');
}

} // namespace

OfferParser::OfferParser(strategies::BaseImages images, OfferParserOptions options)
    : m_images(std::move(images))
    , m_options(options)
{
}

QString OfferParser::localId(const QString &relayId)
{
    static const QRegularExpression re(u"^([a-z]{1,8})_([0-9a-z]{1,39})$"_s);
    const auto m = re.match(relayId);
    return m.hasMatch() ? m.captured(1) + u'-' + m.captured(2) : QString();
}

QString OfferParser::relayId(const QString &localId)
{
    static const QRegularExpression re(u"^([a-z]{1,8})-([0-9a-z]{1,39})$"_s);
    const auto m = re.match(localId);
    return m.hasMatch() ? m.captured(1) + u'_' + m.captured(2) : localId;
}

Result<JobRequest> OfferParser::parseDeployment(const QJsonObject &d) const
{
    JobRequest r;
    const QString id = d.value(u"id"_s).toString();
    r.deploymentId = localId(id);
    if (r.deploymentId.isEmpty() || !JobRequest::isValidId(r.deploymentId))
        return invalid(tr("deployment.id must look like dep_<hex>, got '%1'").arg(id.left(64)));
    const auto generation = integerIn(d.value(u"generation"_s), 1, std::numeric_limits<int>::max());
    if (!generation)
        return invalid(tr("deployment.generation must be a positive integer"));
    r.generation = int(*generation);
    const QJsonValue name = d.value(u"name"_s);
    if (!name.isString() || name.toString().isEmpty() || name.toString().size() > 100
        || hasControl(name.toString(), false))
        return invalid(tr("deployment.name must be 1-100 characters"));
    r.name = name.toString();

    if (!d.value(u"resources"_s).isObject())
        return invalid(tr("deployment.resources must be an object"));
    const QJsonObject res = d.value(u"resources"_s).toObject();
    const auto cpu = integerIn(res.value(u"cpuMillis"_s), 1, 1'000'000);
    const auto memory = integerIn(res.value(u"memoryMb"_s), 1, 10'000'000);
    const auto disk = integerIn(res.value(u"diskMb"_s), 0, 100'000'000);
    if (!cpu || !memory || !disk)
        return invalid(tr("deployment.resources needs integer cpuMillis (1-1000000), memoryMb (1-10000000) and diskMb "
                          "(0-100000000)"));
    r.cpuCores = double(*cpu) / 1000.0;
    r.memoryMb = *memory;
    r.diskGb = (*disk + 1023) / 1024; // caps count whole GiB: round up, never promise less

    if (!d.value(u"spec"_s).isObject())
        return invalid(tr("deployment.spec must be an object"));
    const QJsonObject spec = d.value(u"spec"_s).toObject();
    const QString kind = d.value(u"kind"_s).toString();
    if (kind == u"app") {
        r.kind = DeploymentKind::Web;
        if (auto a = applyApp(spec, d.value(u"sourceToken"_s), r); !a)
            return a.error();
    } else if (kind == u"database") {
        r.kind = DeploymentKind::Database;
        if (auto a = applyDatabase(spec, r); !a)
            return a.error();
    } else {
        return invalid(tr("deployment.kind must be \"app\" or \"database\", got '%1'").arg(kind.left(32)));
    }
    return r;
}

Result<void> OfferParser::applyApp(const QJsonObject &spec, const QJsonValue &sourceToken, JobRequest &r) const
{
    BuildSpec b;
    auto source = parseSource(spec.value(u"source"_s), m_options.allowFileSources);
    if (!source)
        return source.error();
    b.source = *source;
    if (!sourceToken.isUndefined() && !sourceToken.isNull()) {
        if (!sourceToken.isString() || sourceToken.toString().size() > 4096
            || hasControl(sourceToken.toString(), false))
            return invalid(tr("deployment.sourceToken must be a string of at most 4096 characters"));
        if (b.source.type != SourceSpec::Type::Git)
            return invalid(tr("deployment.sourceToken is only for git sources"));
        b.source.token = sourceToken.toString();
    }
    auto context = parseContextDir(spec);
    if (!context)
        return context.error();
    b.contextDir = *context;
    auto dockerfile = optionalText(spec, u"dockerfile"_s, kMaxDockerfileBytes, u"spec.dockerfile"_s);
    if (!dockerfile)
        return dockerfile.error();
    if (dockerfile->trimmed().isEmpty())
        return invalid(tr("spec.dockerfile is required"));
    b.dockerfile = *dockerfile;
    auto ignore = optionalText(spec, u"dockerignore"_s, kMaxDockerfileBytes, u"spec.dockerignore"_s);
    if (!ignore)
        return ignore.error();
    b.dockerignore = *ignore;
    auto files = helperFiles(spec.value(u"files"_s));
    if (!files)
        return files.error();
    b.files = *files;
    auto args = variables(spec.value(u"buildArgs"_s), u"buildArgs"_s);
    if (!args)
        return args.error();
    b.buildArgs = *args;
    auto env = variables(spec.value(u"env"_s), u"env"_s);
    if (!env)
        return env.error();
    r.env = *env;
    const auto port = integerIn(spec.value(u"port"_s), 1, 65535);
    if (!port)
        return invalid(tr("spec.port must be the port the app listens on (1-65535)"));
    r.containerPort = quint16(*port);
    auto health = optionalText(spec, u"healthPath"_s, 1024, u"spec.healthPath"_s);
    if (!health)
        return health.error();
    if (!health->isEmpty() && (!health->startsWith(u'/') || health->contains(u' ') || hasControl(*health, false)))
        return invalid(tr("spec.healthPath must be an absolute URL path"));
    b.healthPath = *health;
    r.build = std::move(b);
    return {};
}

Result<void> OfferParser::applyDatabase(const QJsonObject &spec, JobRequest &r) const
{
    strategies::DatabaseRequest request;
    const std::pair<const char16_t *, QString *> fields[] = {
        { u"engine", &request.engine },
        { u"version", &request.version },
        { u"database", &request.name },
        { u"user", &request.user },
        { u"password", &request.password },
        { u"adminPassword", &request.adminPassword },
    };
    for (const auto &[key, target] : fields) {
        const QJsonValue v = spec.value(QStringView(key));
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isString() || v.toString().size() > 256)
            return invalid(tr("spec.%1 must be a string").arg(QStringView(key)));
        *target = v.toString();
    }
    if (request.engine.isEmpty())
        return invalid(tr("spec.engine is required for a database"));
    auto plan = strategies::planDatabase(request, m_images);
    if (!plan)
        return invalid(plan.error().message());
    r.image = plan->image;
    r.cmd = plan->command;
    for (const auto &[key, value] : std::as_const(plan->env))
        r.env.insert(key, value);
    r.containerPort = quint16(plan->port);
    r.dataPath = plan->volumePath;
    r.healthTest = QStringList { u"CMD"_s } + plan->healthCheck;
    // The images' entrypoints (official and local alike) chown the data directory and then
    // drop to the database user: exactly these capabilities, nothing else.
    r.capAdd = { u"CHOWN"_s, u"DAC_OVERRIDE"_s, u"FOWNER"_s, u"SETGID"_s, u"SETUID"_s };
    return {};
}

} // namespace ttalkak::provider
