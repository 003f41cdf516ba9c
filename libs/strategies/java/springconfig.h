#pragma once
// SpringConfig: the effective Spring Boot configuration of an app, as far as
// it can be known from the repository (no environment, no command line).
//
// Reads application.yml / application.yaml / application.properties from a
// resources folder, then the profile-specific files of the profiles named by
// spring.profiles.active. Multi-document files are honoured: YAML documents
// (and '#---' properties documents) that carry spring.config.activate.on-profile
// (or the legacy spring.profiles) apply only when that profile is active.
// Precedence follows Spring Boot: .properties over .yml at the same level,
// profile files over base files, later documents over earlier ones.
// Every value remembers the file and line it came from.

#include "../repo.h"

#include <core/result.h>

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ttalkak::strategies {

struct ConfigValue
{
    QString value;
    QString file; // repo-relative
    int line = 0;
    bool isSet() const { return !file.isEmpty(); }
};

class SpringConfig
{
public:
    // resourcesDir is repo-relative (e.g. "api/src/main/resources"); a missing
    // folder is an empty configuration, a malformed file an error with its line.
    static core::Result<SpringConfig> read(const Repo &repo, const QString &resourcesDir);

    // The effective raw value of a key ("server.port"), or an unset value.
    ConfigValue value(const QString &key) const;
    // Resolves ${key:default} placeholders against this configuration; keys it
    // does not define (environment variables) fall back to their default.
    // unresolved receives the names of placeholders that have no default.
    QString resolve(const QString &raw, QStringList *unresolved = nullptr) const;

    QStringList activeProfiles() const { return m_activeProfiles; }
    ConfigValue activeProfilesSource() const { return m_activeProfilesSource; }
    QStringList files() const { return m_files; } // files that were read, in precedence order

private:
    struct Document
    {
        QString onProfile; // activation expression, "" = always
        QHash<QString, ConfigValue> values;
    };
    static core::Result<QList<Document>> readFile(const Repo &repo, const QString &path);
    static bool profileMatches(const QString &expression, const QStringList &active);
    void apply(const QList<Document> &docs, const QString &path);

    QHash<QString, ConfigValue> m_values;
    QStringList m_activeProfiles;
    ConfigValue m_activeProfilesSource;
    QStringList m_files;
};

} // namespace ttalkak::strategies
