#include "deployspecbuilder.h"

#include <strategies/baseimages.h>
#include <strategies/registry.h>

#include <QCoreApplication>
#include <QRegularExpression>

namespace ttalkak::client {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DeploySpecBuilder", text);
}

constexpr qsizetype kMaxFileText = 64 * 1024;
constexpr qsizetype kMaxValue = 32 * 1024;
constexpr qsizetype kMaxEntries = 100;
constexpr qsizetype kMaxHelperFiles = 20;
constexpr qsizetype kMaxHelperBytes = 256 * 1024;

// spec.files (docs/protocol.md): context-relative paths, nothing under .git/, text only
// because the value is a JSON string.
core::Result<QJsonObject> helperFiles(const QMap<QString, QByteArray> &files)
{
    if (files.size() > kMaxHelperFiles)
        return Error(ErrorCode::InvalidInput, tr("files: at most %1 generated files").arg(kMaxHelperFiles));
    QJsonObject o;
    qsizetype total = 0;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString &path = it.key();
        const QStringList parts = path.split(u'/');
        if (path.isEmpty() || path.startsWith(u'/') || parts.contains(u".."_s) || parts.constFirst() == u".git"_s)
            return Error(ErrorCode::InvalidInput, tr("files: \"%1\" must be a relative path inside the context").arg(path));
        const QString text = QString::fromUtf8(it.value());
        if (text.toUtf8() != it.value() || text.contains(QChar(0)))
            return Error(ErrorCode::InvalidInput, tr("files: %1 is not UTF-8 text").arg(path));
        total += it.value().size();
        o.insert(path, text);
    }
    if (total > kMaxHelperBytes)
        return Error(ErrorCode::InvalidInput, tr("files: the generated files exceed 256 KiB"));
    return o;
}

core::Result<QJsonObject> variables(const QMap<QString, QString> &values, const QString &field)
{
    static const QRegularExpression name(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (values.size() > kMaxEntries)
        return Error(ErrorCode::InvalidInput, tr("%1: at most %2 entries").arg(field).arg(kMaxEntries));
    QJsonObject o;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!name.match(it.key()).hasMatch())
            return Error(ErrorCode::InvalidInput, tr("%1: \"%2\" is not a valid variable name").arg(field, it.key()));
        if (it.value().size() > kMaxValue || it.value().contains(QChar(0)))
            return Error(ErrorCode::InvalidInput, tr("%1: the value of %2 is too long or holds a NUL").arg(field, it.key()));
        o.insert(it.key(), it.value());
    }
    return o;
}

QString cleanContextDir(const QString &dir)
{
    return dir == u"." ? QString() : dir;
}

} // namespace

SourceRef SourceRef::fromGit(QString url, QString ref, QString commit)
{
    SourceRef s;
    s.type = Type::Git;
    s.url = std::move(url);
    s.ref = std::move(ref);
    s.commit = std::move(commit);
    return s;
}

SourceRef SourceRef::fromBlob(QString sha256, qint64 size)
{
    SourceRef s;
    s.type = Type::Blob;
    s.blob = std::move(sha256);
    s.size = size;
    return s;
}

QJsonObject SourceRef::toJson() const
{
    if (type == Type::Blob)
        return {{u"type"_s, u"blob"_s}, {u"blob"_s, blob}, {u"size"_s, size}};
    QJsonObject o{{u"type"_s, u"git"_s}, {u"url"_s, url}};
    if (!ref.isEmpty())
        o.insert(u"ref"_s, ref);
    if (!commit.isEmpty())
        o.insert(u"commit"_s, commit);
    return o;
}

DeploySpecBuilder::DeploySpecBuilder(strategies::Plan plan, strategies::Generated generated)
    : m_plan(std::move(plan))
    , m_generated(std::move(generated))
    , m_port(m_plan.port)
{
}

core::Result<DeploySpecBuilder> DeploySpecBuilder::fromFolder(const QString &folder, const QString &appDir)
{
    const strategies::Registry registry = strategies::Registry::withBuiltins();
    strategies::DetectOptions options;
    options.appDir = appDir;
    auto plan = registry.detect(folder, options);
    if (!plan)
        return plan.error();
    auto images = strategies::BaseImages::fromEnvironment();
    if (!images)
        return images.error();
    strategies::GenerateOptions gen;
    gen.images = *images;
    auto files = registry.generate(*plan, gen);
    if (!files)
        return files.error();
    return DeploySpecBuilder(std::move(*plan), std::move(*files));
}

DeploySpecBuilder &DeploySpecBuilder::setSource(const SourceRef &source)
{
    m_source = source;
    return *this;
}

DeploySpecBuilder &DeploySpecBuilder::setEnv(const QMap<QString, QString> &env)
{
    m_env = env;
    return *this;
}

DeploySpecBuilder &DeploySpecBuilder::setBuildArgs(const QMap<QString, QString> &buildArgs)
{
    m_buildArgs = buildArgs;
    return *this;
}

DeploySpecBuilder &DeploySpecBuilder::setPort(int port)
{
    m_port = port;
    return *this;
}

DeploySpecBuilder &DeploySpecBuilder::setDockerfile(const QString &text)
{
    m_generated.dockerfile = text;
    return *this;
}

QMap<QString, QByteArray> DeploySpecBuilder::contextFiles() const
{
    const QString dir = cleanContextDir(m_plan.contextDir);
    QMap<QString, QByteArray> out;
    for (auto it = m_generated.files.cbegin(); it != m_generated.files.cend(); ++it)
        out.insert(dir.isEmpty() ? it.key() : dir + u'/' + it.key(), it.value());
    return out;
}

core::Result<QJsonObject> DeploySpecBuilder::build() const
{
    static const QRegularExpression hex40(u"^[0-9a-f]{40}$"_s);
    static const QRegularExpression hex64(u"^[0-9a-f]{64}$"_s);
    static const QRegularExpression gitScheme(u"^(https?|git|ssh|file)://"_s);
    switch (m_source.type) {
    case SourceRef::Type::None:
        return Error(ErrorCode::InvalidInput, tr("source: a git repository or an uploaded blob is required"));
    case SourceRef::Type::Git:
        if (!gitScheme.match(m_source.url).hasMatch())
            return Error(ErrorCode::InvalidInput, tr("source.url must start with https://, http://, git://, ssh:// or file://"));
        if (!m_source.commit.isEmpty() && !hex40.match(m_source.commit).hasMatch())
            return Error(ErrorCode::InvalidInput, tr("source.commit must be 40 lower-case hex digits"));
        break;
    case SourceRef::Type::Blob:
        if (!hex64.match(m_source.blob).hasMatch() || m_source.size <= 0)
            return Error(ErrorCode::InvalidInput, tr("source.blob must be a SHA-256 in lower-case hex with its size"));
        break;
    }
    const QString contextDir = cleanContextDir(m_plan.contextDir);
    if (contextDir.startsWith(u'/') || contextDir.split(u'/').contains(u".."_s))
        return Error(ErrorCode::InvalidInput, tr("contextDir must stay inside the source"));
    if (m_generated.dockerfile.trimmed().isEmpty() || m_generated.dockerfile.toUtf8().size() > kMaxFileText)
        return Error(ErrorCode::InvalidInput, tr("dockerfile must be 1 byte to 64 KiB"));
    if (m_generated.dockerignore.toUtf8().size() > kMaxFileText)
        return Error(ErrorCode::InvalidInput, tr("dockerignore must be at most 64 KiB"));
    if (m_port < 1 || m_port > 65535)
        return Error(ErrorCode::InvalidInput, tr("port must be 1 to 65535"));
    auto env = variables(m_env, u"env"_s);
    if (!env)
        return env.error();
    auto buildArgs = variables(m_buildArgs, u"buildArgs"_s);
    if (!buildArgs)
        return buildArgs.error();

    QJsonObject spec{{u"source"_s, m_source.toJson()},
                     {u"contextDir"_s, contextDir},
                     {u"dockerfile"_s, m_generated.dockerfile},
                     {u"env"_s, *env},
                     {u"port"_s, m_port}};
    if (!m_generated.dockerignore.isEmpty())
        spec.insert(u"dockerignore"_s, m_generated.dockerignore);
    if (!buildArgs->isEmpty())
        spec.insert(u"buildArgs"_s, *buildArgs);
    if (!m_plan.healthPath.isEmpty())
        spec.insert(u"healthPath"_s, m_plan.healthPath);
    // A blob carries the helper files inside its archive (contextFiles()); a git checkout
    // does not have them, so the provider writes spec.files into the context before building.
    if (m_source.type == SourceRef::Type::Git && !m_generated.files.isEmpty()) {
        auto files = helperFiles(m_generated.files);
        if (!files)
            return files.error();
        spec.insert(u"files"_s, *files);
    }
    return spec;
}

} // namespace ttalkak::client
