#include "appspec.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {

constexpr qsizetype kMaxFileText = 64 * 1024; // dockerfile, dockerignore (UTF-8 bytes)
constexpr qsizetype kMaxValue = 32 * 1024; // one env or build-arg value
constexpr qsizetype kMaxEntries = 100;

Error invalid(const QString &field, const char *text)
{
    return Error(ErrorCode::InvalidInput, field + u": "_s + QCoreApplication::translate("AppSpec", text));
}

bool hasControl(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

Result<QJsonObject> gitSource(QJsonObject source)
{
    static const QStringList schemes { u"https"_s, u"http"_s, u"git"_s, u"ssh"_s, u"file"_s };
    const QJsonValue url = source.value(u"url"_s);
    const QUrl parsed(url.toString(), QUrl::StrictMode);
    if (!url.isString() || url.toString().isEmpty() || url.toString().size() > 2048 || hasControl(url.toString())
        || !parsed.isValid() || !schemes.contains(parsed.scheme()))
        return invalid(
            u"spec.source.url"_s, "a git URL starting with https://, http://, git://, ssh:// or file:// is required");
    if (source.contains(u"ref"_s)) {
        const QJsonValue ref = source.value(u"ref"_s);
        if (!ref.isString() || ref.toString().size() > 255 || hasControl(ref.toString())
            || ref.toString().startsWith(u'-') || ref.toString().contains(u' '))
            return invalid(u"spec.source.ref"_s, "must be a branch or tag name (up to 255 characters, no spaces)");
    }
    if (source.contains(u"commit"_s)) {
        static const QRegularExpression hex(u"^[0-9a-fA-F]{40}$"_s);
        const QJsonValue commit = source.value(u"commit"_s);
        if (!commit.isString() || !hex.match(commit.toString()).hasMatch())
            return invalid(u"spec.source.commit"_s, "must be a full commit id (40 hexadecimal digits)");
        source.insert(u"commit"_s, commit.toString().toLower());
    }
    return source;
}

Result<QJsonObject> blobSource(QJsonObject source, const OwnedBlobLookup &ownedBlob)
{
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    const QString blob = source.value(u"blob"_s).toString().toLower();
    if (!hex.match(blob).hasMatch())
        return invalid(u"spec.source.blob"_s, "must be the SHA-256 (64 hexadecimal digits) of an uploaded archive");
    auto size = ownedBlob(blob);
    if (!size)
        return size.error();
    if (!*size)
        return invalid(u"spec.source.blob"_s, "no such blob; upload it first with PUT /v1/blobs/{sha256}");
    if (source.contains(u"size"_s) && source.value(u"size"_s).toInteger(-1) != **size)
        return invalid(u"spec.source.size"_s, "does not match the uploaded blob's size");
    source.insert(u"blob"_s, blob);
    source.insert(u"size"_s, **size);
    return source;
}

Result<void> checkContextDir(const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    const QString dir = value.toString();
    if (!value.isString() || dir.size() > 1024 || hasControl(dir) || dir.startsWith(u'/') || dir.contains(u'\\')
        || dir.split(u'/').contains(u".."_s))
        return invalid(u"spec.contextDir"_s, "must be a relative path inside the source (no leading /, no ..)");
    return {};
}

Result<void> checkText(const QJsonObject &spec, const QString &key, bool required)
{
    const QJsonValue value = spec.value(key);
    if (value.isUndefined() && !required)
        return {};
    if (!value.isString() || (required && value.toString().trimmed().isEmpty()))
        return invalid(u"spec."_s + key, required ? "is required (the Dockerfile's text)" : "must be a string");
    if (value.toString().toUtf8().size() > kMaxFileText)
        return invalid(u"spec."_s + key, "is larger than 64 KiB");
    return {};
}

// Generated helper files (docs/protocol.md, spec.files): relative paths, bounded in count and size.
Result<void> checkFiles(const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    if (!value.isObject())
        return invalid(u"spec.files"_s, "must be an object {\"relative/path\": \"text\"}");
    const QJsonObject files = value.toObject();
    if (files.size() > 20)
        return invalid(u"spec.files"_s, "holds more than 20 files");
    qsizetype total = 0;
    for (auto it = files.begin(); it != files.end(); ++it) {
        const QString path = it.key();
        const QStringList parts = path.split(u'/');
        if (path.isEmpty() || path.size() > 1024 || hasControl(path) || path.startsWith(u'/') || path.contains(u'\\')
            || parts.contains(u".."_s) || parts.contains(QString()) || parts.first() == u".git")
            return invalid(u"spec.files"_s, "paths must be relative, without .., empty parts or .git/");
        if (!it.value().isString())
            return invalid(u"spec.files."_s + path, "must be the file's text");
        total += it.value().toString().toUtf8().size();
    }
    if (total > 256 * 1024)
        return invalid(u"spec.files"_s, "are larger than 256 KiB together");
    return {};
}

Result<void> checkVariables(const QJsonObject &spec, const QString &key)
{
    const QJsonValue value = spec.value(key);
    if (value.isUndefined())
        return {};
    if (!value.isObject())
        return invalid(u"spec."_s + key, "must be an object of NAME: \"value\"");
    const QJsonObject vars = value.toObject();
    if (vars.size() > kMaxEntries)
        return invalid(u"spec."_s + key, "has more than 100 entries");
    static const QRegularExpression name(u"^[A-Za-z_][A-Za-z0-9_]{0,255}$"_s);
    for (auto it = vars.begin(); it != vars.end(); ++it) {
        const QString field = u"spec."_s + key + u'.' + it.key().left(64);
        if (!name.match(it.key()).hasMatch())
            return invalid(u"spec."_s + key, "names must be letters, digits and _, not starting with a digit");
        if (!it.value().isString())
            return invalid(field, "must be a string");
        if (it.value().toString().toUtf8().size() > kMaxValue)
            return invalid(field, "is larger than 32 KiB");
        if (it.value().toString().contains(QChar(0)))
            return invalid(field, "must not contain NUL");
    }
    return {};
}

// A positive whole number no larger than `maximum` (when the relay sets one).
Result<void> checkLimit(const QJsonObject &limits, const QString &key, qint64 ceiling, qint64 maximum)
{
    if (!limits.contains(key))
        return {};
    const QJsonValue v = limits.value(key);
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != double(qint64(d)) || d < 1 || d > double(ceiling))
        return invalid(u"spec.limits."_s + key, "must be a positive whole number");
    if (maximum > 0 && qint64(d) > maximum)
        return Error(ErrorCode::InvalidInput,
            u"spec.limits."_s + key + u": "_s
                + QCoreApplication::translate("AppSpec", "at most %1 on this relay").arg(maximum));
    return {};
}

Result<void> checkLimits(const QJsonObject &spec, const IngressLimits &maxima)
{
    if (!spec.contains(u"limits"_s))
        return {};
    if (!spec.value(u"limits"_s).isObject())
        return invalid(u"spec.limits"_s, "must be an object {maxConnections?, bandwidthBytesPerSecond?}");
    const QJsonObject limits = spec.value(u"limits"_s).toObject();
    if (auto r = checkLimit(limits, u"maxConnections"_s, 1'000'000, maxima.maxConnections); !r)
        return r;
    return checkLimit(limits, u"bandwidthBytesPerSecond"_s, qint64(1) << 40, maxima.bandwidthBytesPerSecond);
}

} // namespace

Result<QJsonObject> validateAppSpec(
    const QJsonObject &input, const OwnedBlobLookup &ownedBlob, const IngressLimits &maxima)
{
    QJsonObject spec = input;
    const QJsonValue sourceValue = spec.value(u"source"_s);
    if (!sourceValue.isObject())
        return invalid(
            u"spec.source"_s, "is required: {\"type\":\"git\", \"url\":…} or {\"type\":\"blob\", \"blob\":…}");
    const QJsonObject source = sourceValue.toObject();
    const QString type = source.value(u"type"_s).toString();
    Result<QJsonObject> checked = type == u"git" ? gitSource(source)
        : type == u"blob"                        ? blobSource(source, ownedBlob)
                          : Result<QJsonObject>(invalid(u"spec.source.type"_s, "must be git or blob"));
    if (!checked)
        return checked.error();
    spec.insert(u"source"_s, *checked);
    if (auto r = checkContextDir(spec.value(u"contextDir"_s)); !r)
        return r.error();
    if (auto r = checkText(spec, u"dockerfile"_s, true); !r)
        return r.error();
    if (auto r = checkText(spec, u"dockerignore"_s, false); !r)
        return r.error();
    if (auto r = checkFiles(spec.value(u"files"_s)); !r)
        return r.error();
    for (const QString &key : { u"env"_s, u"buildArgs"_s }) {
        if (auto r = checkVariables(spec, key); !r)
            return r.error();
    }
    const QJsonValue port = spec.value(u"port"_s);
    if (!port.isDouble() || port.toDouble() != double(port.toInt()) || port.toInt() < 1 || port.toInt() > 65535)
        return invalid(u"spec.port"_s, "is required: the port the app listens on (1-65535)");
    if (spec.contains(u"healthPath"_s)) {
        const QJsonValue path = spec.value(u"healthPath"_s);
        if (!path.isString() || !path.toString().startsWith(u'/') || path.toString().size() > 1024
            || hasControl(path.toString()) || path.toString().contains(u' '))
            return invalid(u"spec.healthPath"_s, "must be an HTTP path starting with /");
    }
    if (auto r = checkLimits(spec, maxima); !r)
        return r.error();
    return spec;
}

Result<QString> normalizeAppName(const QString &name)
{
    static const QRegularExpression label(u"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"_s);
    const QString lower = name.toLower();
    if (!label.match(lower).hasMatch())
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate("AppSpec",
                "name: must be a DNS label (1-63 letters, digits and -, "
                "not starting or ending with -); it becomes <name>.<domain>"));
    if (lower.startsWith(u"dep-"))
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate("AppSpec", "name: names starting with dep- are reserved for deployment ids"));
    return lower;
}

} // namespace ttalkak::relay
