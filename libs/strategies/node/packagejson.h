#pragma once
// PackageJson: one package.json, parsed, with the raw text kept so every
// decision can name the line it came from.

#include "../repo.h"

#include <core/result.h>

#include <QJsonObject>
#include <QString>

namespace ttalkak::strategies {

class PackageJson
{
public:
    // Error: file missing, malformed JSON (file + line), not an object.
    static core::Result<PackageJson> read(const Repo &repo, const QString &path);
    static PackageJson fromText(const QByteArray &text, const QString &path = {}); // tests; no checks

    QString path() const { return m_path; }
    const QJsonObject &json() const { return m_json; }

    QString name() const;
    QString script(const QString &name) const;
    bool hasScript(const QString &name) const { return !script(name).isEmpty(); }
    // The range from dependencies, devDependencies or peerDependencies; "" when absent.
    QString dependency(const QString &name) const;
    bool hasDependency(const QString &name) const;
    // engines.<name>, "" when absent.
    QString engine(const QString &name) const;

    // 1-based line of the first `"key"` (after the line of `"after"`, when given); 0 if not found.
    int lineOf(const QString &key, const QString &after = {}) const;
    // "\"vite\": \"^5.2.0\"" style text for the why list.
    static QString quotePair(const QString &key, const QString &value);

private:
    QString m_path;
    QJsonObject m_json;
    QByteArray m_text;
};

} // namespace ttalkak::strategies
