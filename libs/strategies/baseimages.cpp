#include "baseimages.h"

#include <QFile>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

Result<BaseImages> BaseImages::parse(const QByteArray &yaml, const QString &fileName)
{
    BaseImages images;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (root.IsNull())
            return images;
        if (!root.IsMap())
            return Error(ErrorCode::InvalidInput, QObject::tr("expected a map of image keys to image names"), fileName, 1);
        for (const auto &entry : root) {
            const QString key = QString::fromStdString(entry.first.as<std::string>());
            if (!entry.second.IsScalar())
                return Error(ErrorCode::InvalidInput, QObject::tr("value of '%1' must be an image name").arg(key),
                             fileName, entry.second.Mark().line + 1);
            const QString value = QString::fromStdString(entry.second.as<std::string>()).trimmed();
            // An image reference never contains whitespace; rejecting it keeps a
            // hostile override from smuggling extra Dockerfile syntax into FROM.
            if (value.isEmpty() || value.contains(QRegularExpression(u"\\s"_s)))
                return Error(ErrorCode::InvalidInput, QObject::tr("invalid image name for '%1'").arg(key), fileName,
                             entry.second.Mark().line + 1);
            images.m_templates.insert(key, value);
        }
    } catch (const YAML::Exception &e) {
        return Error(ErrorCode::InvalidInput, QString::fromStdString(e.msg), fileName, e.mark.line + 1);
    }
    return images;
}

BaseImages BaseImages::defaults()
{
    QFile f(u":/ttalkak/base-images.yaml"_s);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("base-images.yaml resource missing");
    auto parsed = parse(f.readAll(), u"base-images.yaml"_s);
    if (!parsed)
        qFatal("built-in base-images.yaml is invalid: %s", qPrintable(parsed.error().toString()));
    return *parsed;
}

Result<BaseImages> BaseImages::fromEnvironment()
{
    BaseImages images = defaults();
    const QString path = qEnvironmentVariable("TTALKAK_BASE_IMAGES_OVERRIDE");
    if (!path.isEmpty()) {
        if (auto r = images.applyOverrideFile(path); !r)
            return r.error();
    }
    return images;
}

Result<void> BaseImages::applyOverrideFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, QObject::tr("cannot read base image override: %1").arg(f.errorString()), path);
    auto parsed = parse(f.readAll(), path);
    if (!parsed)
        return parsed.error();
    for (auto it = parsed->m_templates.cbegin(); it != parsed->m_templates.cend(); ++it)
        m_templates.insert(it.key(), it.value());
    return core::ok();
}

QString BaseImages::image(const QString &key, const QString &version) const
{
    QString t = m_templates.value(key);
    t.replace(u"{version}"_s, version.isEmpty() ? u"latest"_s : version);
    return t;
}

} // namespace ttalkak::strategies
