#include "pomfile.h"

#include <QObject>
#include <QStringList>
#include <QXmlStreamReader>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

namespace {
// Fills one coordinate field from a leaf element name.
void setCoordinateField(PomFile::Coordinate &c, const QString &name, const QString &text)
{
    if (name == u"groupId")
        c.groupId = text;
    else if (name == u"artifactId")
        c.artifactId = text;
    else if (name == u"version")
        c.version = text;
    else if (name == u"scope")
        c.scope = text;
}
} // namespace

Result<PomFile> PomFile::read(const Repo &repo, const QString &path)
{
    auto data = repo.read(path);
    if (!data)
        return data.error();
    return parse(*data, path);
}

Result<PomFile> PomFile::parse(const QByteArray &xml, const QString &path)
{
    PomFile pom;
    pom.m_path = path;
    QXmlStreamReader reader(xml);
    QStringList stack; // element names from <project> down
    QString text;
    Coordinate dependency;
    Plugin plugin;
    int elementLine = 0;

    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const QString name = reader.name().toString();
            if (stack.isEmpty() && name != u"project")
                return Error(ErrorCode::InvalidInput,
                    QObject::tr("expected <project> as the root element, found <%1>").arg(name), path,
                    int(reader.lineNumber()));
            stack.append(name);
            text.clear();
            elementLine = int(reader.lineNumber());
            const QString at = stack.join(u'/');
            if (at == u"project/dependencies/dependency"
                || at == u"project/dependencyManagement/dependencies/dependency")
                dependency = Coordinate { {}, {}, {}, {}, elementLine };
            else if (at == u"project/build/plugins/plugin")
                plugin = Plugin { Coordinate { {}, {}, {}, {}, elementLine }, {} };
            else if (at == u"project/parent")
                pom.m_parent.coordinate.line = elementLine;
        } else if (reader.isCharacters()) {
            text += reader.text();
        } else if (reader.isEndElement()) {
            const QString at = stack.join(u'/');
            const QString name = stack.isEmpty() ? QString() : stack.last();
            const Value value { text.trimmed(), elementLine };
            const int depth = int(stack.size());

            if (depth == 2) {
                if (name == u"groupId")
                    pom.m_groupId = value;
                else if (name == u"artifactId")
                    pom.m_artifactId = value;
                else if (name == u"version")
                    pom.m_version = value;
                else if (name == u"packaging")
                    pom.m_packaging = value;
            } else if (at == u"project/build/finalName") {
                pom.m_finalName = value;
            } else if (depth == 3 && stack[1] == u"properties") {
                pom.m_properties.insert(name, value);
            } else if (at == u"project/modules/module") {
                pom.m_modules.append(value);
            } else if (depth == 3 && stack[1] == u"parent") {
                if (name == u"relativePath")
                    pom.m_parent.relativePath = value;
                else
                    setCoordinateField(pom.m_parent.coordinate, name, value.text);
            } else if (at == u"project/dependencies/dependency") {
                pom.m_dependencies.append(dependency);
            } else if (at == u"project/dependencyManagement/dependencies/dependency") {
                if (dependency.scope == u"import")
                    pom.m_importedBoms.append(dependency);
            } else if (depth == 4
                && (stack.mid(0, 3).join(u'/') == u"project/dependencies/dependency"
                    || stack.mid(0, 4).join(u'/') == u"project/dependencyManagement/dependencies/dependency")) {
                setCoordinateField(dependency, name, value.text);
            } else if (depth == 5
                && stack.mid(0, 4).join(u'/') == u"project/dependencyManagement/dependencies/dependency") {
                setCoordinateField(dependency, name, value.text);
            } else if (at == u"project/build/plugins/plugin") {
                pom.m_plugins.append(plugin);
            } else if (depth == 5 && stack.mid(0, 4).join(u'/') == u"project/build/plugins/plugin") {
                setCoordinateField(plugin.coordinate, name, value.text);
            } else if (stack.mid(0, 4).join(u'/') == u"project/build/plugins/plugin") {
                // configuration/<leaf> or executions/execution/configuration/<leaf>
                const QStringList rest = stack.mid(4);
                if ((rest.size() == 2 && rest[0] == u"configuration")
                    || (rest.size() == 4 && rest[0] == u"executions" && rest[2] == u"configuration"))
                    plugin.configuration.insert(rest.last(), value);
            }
            if (!stack.isEmpty())
                stack.removeLast();
            text.clear();
        }
    }
    if (reader.hasError())
        return Error(ErrorCode::InvalidInput, QObject::tr("malformed XML: %1").arg(reader.errorString()), path,
            int(reader.lineNumber()));
    if (!pom.m_artifactId.isSet())
        return Error(ErrorCode::InvalidInput, QObject::tr("<project> has no <artifactId>"), path, 1);
    return pom;
}

const PomFile::Plugin *PomFile::plugin(const QString &groupId, const QString &artifactId) const
{
    for (const Plugin &p : m_plugins)
        if (p.coordinate.artifactId == artifactId
            && (p.coordinate.groupId == groupId || p.coordinate.groupId.isEmpty()))
            return &p;
    return nullptr;
}

const PomFile::Coordinate *PomFile::dependency(const QString &groupId, const QString &artifactId) const
{
    for (const Coordinate &c : m_dependencies)
        if (c.groupId == groupId && c.artifactId == artifactId)
            return &c;
    return nullptr;
}

} // namespace ttalkak::strategies
