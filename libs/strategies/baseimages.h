#pragma once
// BaseImages: which image each generated Dockerfile starts FROM.
// Defaults come from resources/base-images.yaml (official images); an override
// file with any subset of the same keys wins (tests point it at local images,
// users behind a mirror at their registry). "{version}" in a value is replaced
// by the requested runtime version; a value without it pins one image.

#include <core/result.h>

#include <QHash>
#include <QString>

namespace ttalkak::strategies {

class BaseImages
{
public:
    // The built-in defaults (compiled in from resources/base-images.yaml).
    static BaseImages defaults();
    // Defaults plus the override file named by $TTALKAK_BASE_IMAGES_OVERRIDE, if set.
    static core::Result<BaseImages> fromEnvironment();

    static core::Result<BaseImages> parse(const QByteArray &yaml, const QString &fileName);
    core::Result<void> applyOverrideFile(const QString &path);

    // "node" + "20" -> "node:20-bookworm-slim". Unknown keys yield an empty string.
    QString image(const QString &key, const QString &version = {}) const;
    bool contains(const QString &key) const { return m_templates.contains(key); }

private:
    QHash<QString, QString> m_templates;
};

} // namespace ttalkak::strategies
