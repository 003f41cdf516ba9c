#pragma once
// GradleScript: facts read from a build.gradle / build.gradle.kts /
// settings.gradle(.kts) file without running Gradle.
//
// Written by hand: build scripts are Groovy or Kotlin programs and no library
// evaluates them without a JVM. Comments are blanked first (string literals are
// respected, offsets and lines kept), then the well-known declarations are
// matched: the plugins block, the legacy `apply plugin:`, version-catalog
// aliases, toolchains, source/targetCompatibility, bootJar's archiveFileName,
// dependencies and settings' include(...). Anything cleverer than that (a value
// computed in code) is reported as unknown, never guessed.

#include "../repo.h"

#include <core/result.h>

#include <QString>
#include <QStringList>

#include <optional>

namespace ttalkak::strategies {

class GradleScript
{
public:
    struct Match
    {
        QString value; // the interesting part ("3.2.5", "17", "app.jar")
        QString text; // the matched source text, trimmed, for the why list
        int line = 0;
    };
    struct PluginUse
    {
        Match match; // value = the declared version, may be empty
        bool applied = true; // false for `apply false` (declared for subprojects)
    };

    static core::Result<GradleScript> read(const Repo &repo, const QString &path);
    static GradleScript parse(const QString &text, const QString &path);

    QString path() const { return m_path; }
    bool isKotlin() const { return m_path.endsWith(u".kts"); }

    // The org.springframework.boot plugin: plugins { id ... }, apply plugin:,
    // or alias(libs.plugins.x) where catalogAliases names the catalog entries
    // that point at it ("spring.boot" for `spring-boot = { id = ... }`).
    std::optional<PluginUse> springBootPlugin(const QStringList &catalogAliases = {}) const;
    // classpath "org.springframework.boot:spring-boot-gradle-plugin:2.7.18"
    std::optional<Match> springBootGradlePluginClasspath() const;
    // The Java version this script asks for, with a description of the source.
    std::optional<Match> javaVersion(QString *kind) const;
    // archiveFileName set in a bootJar block, when it is a plain literal.
    std::optional<Match> bootJarFileName() const;
    // First line mentioning the text (e.g. "spring-boot-starter-actuator").
    std::optional<Match> mention(const QString &needle) const;
    // First line matching a regular expression (capture 1 is the value, if any).
    std::optional<Match> find(const QString &pattern) const;

    // settings.gradle: included project paths as folders ("app", "services/api").
    QList<Match> includedProjects() const;

private:
    Match matchAt(qsizetype offset, qsizetype length, const QString &value) const;

    QString m_path;
    QString m_text; // comments blanked
};

} // namespace ttalkak::strategies
