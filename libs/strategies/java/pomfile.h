#pragma once
// PomFile: the parts of a Maven pom.xml that detection needs, each with its
// line so the why list can cite it. Read with QXmlStreamReader; malformed XML
// is an Error naming the file and line. Property references are kept raw;
// MavenProject interpolates them with the parent chain.

#include "../repo.h"

#include <core/result.h>

#include <QHash>
#include <QList>
#include <QString>

namespace ttalkak::strategies {

class PomFile
{
public:
    struct Value
    {
        QString text;
        int line = 0;
        bool isSet() const { return line > 0; }
    };
    struct Coordinate
    {
        QString groupId;
        QString artifactId;
        QString version;
        QString scope;
        int line = 0;
    };
    struct Plugin
    {
        Coordinate coordinate;
        // <configuration> leaves of the plugin and of its executions: "release" -> "17"
        QHash<QString, Value> configuration;
    };
    struct Parent
    {
        Coordinate coordinate;
        Value relativePath; // unset = Maven's default "../pom.xml"
        bool isSet() const { return coordinate.line > 0; }
    };

    static core::Result<PomFile> parse(const QByteArray &xml, const QString &path);
    static core::Result<PomFile> read(const Repo &repo, const QString &path);

    QString path() const { return m_path; } // repo-relative
    Value groupId() const { return m_groupId; }
    Value artifactId() const { return m_artifactId; }
    Value version() const { return m_version; }
    Value packaging() const { return m_packaging; }
    Value finalName() const { return m_finalName; }
    const Parent &parent() const { return m_parent; }
    const QHash<QString, Value> &properties() const { return m_properties; }
    const QList<Value> &modules() const { return m_modules; }
    const QList<Coordinate> &dependencies() const { return m_dependencies; }
    // <dependencyManagement> entries with <scope>import</scope> (BOMs).
    const QList<Coordinate> &importedBoms() const { return m_importedBoms; }
    // <build><plugins>, not <pluginManagement> (managed plugins do not run).
    const QList<Plugin> &plugins() const { return m_plugins; }

    const Plugin *plugin(const QString &groupId, const QString &artifactId) const;
    const Coordinate *dependency(const QString &groupId, const QString &artifactId) const;

private:
    QString m_path;
    Value m_groupId, m_artifactId, m_version, m_packaging, m_finalName;
    Parent m_parent;
    QHash<QString, Value> m_properties;
    QList<Value> m_modules;
    QList<Coordinate> m_dependencies;
    QList<Coordinate> m_importedBoms;
    QList<Plugin> m_plugins;
};

} // namespace ttalkak::strategies
