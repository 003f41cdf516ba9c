#include "springconfig.h"
#include "javaproperties.h"

#include <QObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

namespace {
// Flattens a YAML tree into Spring's dotted keys ("server.port", "a.list[0]").
void flatten(const YAML::Node &node, const QString &prefix, const QString &file, QHash<QString, ConfigValue> &out)
{
    if (node.IsMap()) {
        for (const auto &entry : node) {
            if (!entry.first.IsScalar())
                continue;
            const QString key = QString::fromStdString(entry.first.Scalar());
            flatten(entry.second, prefix.isEmpty() ? key : prefix + u'.' + key, file, out);
        }
    } else if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            flatten(node[i], prefix + u'[' + QString::number(i) + u']', file, out);
    } else if (node.IsScalar()) {
        out.insert(prefix, { QString::fromStdString(node.Scalar()), file, node.Mark().line + 1 });
    } else if (node.IsNull() && !prefix.isEmpty()) {
        out.insert(prefix, { QString(), file, node.Mark().line + 1 });
    }
}

// A list-valued key as Spring binds it: "a,b" or a YAML sequence a[0], a[1].
QStringList listValue(const QHash<QString, ConfigValue> &values, const QString &key, ConfigValue *source)
{
    QStringList out;
    if (const auto it = values.constFind(key); it != values.cend()) {
        *source = *it;
        for (const QString &p : it->value.split(u','))
            if (!p.trimmed().isEmpty())
                out.append(p.trimmed());
        return out;
    }
    for (int i = 0;; ++i) {
        const auto it = values.constFind(key + u'[' + QString::number(i) + u']');
        if (it == values.cend())
            break;
        if (i == 0)
            *source = *it;
        out.append(it->value.trimmed());
    }
    return out;
}
} // namespace

Result<QList<SpringConfig::Document>> SpringConfig::readFile(const Repo &repo, const QString &path)
{
    auto data = repo.read(path);
    if (!data)
        return data.error();
    QList<Document> docs;
    if (path.endsWith(u".properties"_s)) {
        const JavaProperties props = JavaProperties::parse(*data);
        for (const JavaProperties::Document &d : props.documents()) {
            Document doc;
            for (const JavaProperties::Entry &e : d)
                doc.values.insert(e.key, { e.value, path, e.line });
            docs.append(doc);
        }
    } else {
        try {
            const std::vector<YAML::Node> nodes = YAML::LoadAll(data->toStdString());
            for (const YAML::Node &node : nodes) {
                if (!node.IsMap() && !node.IsNull())
                    return Error(ErrorCode::InvalidInput,
                        QObject::tr("expected a map of configuration keys at the top of the document"), path,
                        node.Mark().line + 1);
                Document doc;
                flatten(node, {}, path, doc.values);
                docs.append(doc);
            }
        } catch (const YAML::Exception &e) {
            return Error(ErrorCode::InvalidInput, QObject::tr("malformed YAML: %1").arg(QString::fromStdString(e.msg)),
                path, e.mark.line + 1);
        }
    }
    for (Document &doc : docs) {
        // spring.profiles is the pre-2.4 spelling of the activation condition.
        for (const QString &key : { u"spring.config.activate.on-profile"_s, u"spring.profiles"_s }) {
            ConfigValue source;
            const QStringList list = listValue(doc.values, key, &source);
            if (!list.isEmpty()) {
                doc.onProfile = list.join(u',');
                break;
            }
        }
    }
    return docs;
}

bool SpringConfig::profileMatches(const QString &expression, const QStringList &active)
{
    // Profile expressions: "a,b" and "a | b" match any; "a & b" needs all; "!a" negates.
    const auto term = [&](QString t) {
        t = t.trimmed();
        bool negate = false;
        while (t.startsWith(u'!')) {
            negate = !negate;
            t = t.mid(1).trimmed();
        }
        t.remove(u'(').remove(u')');
        return active.contains(t.trimmed()) != negate;
    };
    for (const QString &any : expression.split(QRegularExpression(u"[,|]"_s), Qt::SkipEmptyParts)) {
        bool all = true;
        for (const QString &t : any.split(u'&', Qt::SkipEmptyParts))
            all = all && term(t);
        if (all)
            return true;
    }
    return false;
}

void SpringConfig::apply(const QList<Document> &docs, const QString &path)
{
    bool used = false;
    for (const Document &doc : docs) {
        if (!doc.onProfile.isEmpty() && !profileMatches(doc.onProfile, m_activeProfiles))
            continue;
        for (auto it = doc.values.cbegin(); it != doc.values.cend(); ++it)
            m_values.insert(it.key(), it.value());
        used = true;
    }
    if (used)
        m_files.append(path);
}

Result<SpringConfig> SpringConfig::read(const Repo &repo, const QString &resourcesDir)
{
    SpringConfig config;
    if (!repo.isDir(resourcesDir))
        return config;

    // .properties wins over .yml/.yaml at the same level, so it is applied last.
    const QStringList extensions { u"yml"_s, u"yaml"_s, u"properties"_s };
    QList<std::pair<QString, QList<Document>>> base;
    for (const QString &ext : extensions) {
        const QString path = Repo::join(resourcesDir, u"application."_s + ext);
        if (!repo.isFile(path))
            continue;
        auto docs = readFile(repo, path);
        if (!docs)
            return docs.error();
        base.append({ path, *docs });
    }

    // Active profiles come from the unconditional documents of the base files.
    for (const auto &[path, docs] : base) {
        for (const Document &doc : docs) {
            if (!doc.onProfile.isEmpty())
                continue;
            ConfigValue source;
            const QStringList list = listValue(doc.values, u"spring.profiles.active"_s, &source);
            if (source.isSet()) {
                config.m_activeProfiles = list;
                config.m_activeProfilesSource = source;
            }
        }
    }
    // "${SPRING_PROFILES_ACTIVE:prod}" style values: the default is what runs.
    QStringList resolved;
    for (const QString &p : std::as_const(config.m_activeProfiles)) {
        const QString r = config.resolve(p);
        for (const QString &part : r.split(u',', Qt::SkipEmptyParts))
            resolved.append(part.trimmed());
    }
    config.m_activeProfiles = resolved;

    for (const auto &[path, docs] : base)
        config.apply(docs, path);
    for (const QString &profile : std::as_const(config.m_activeProfiles)) {
        // A profile name is only used to build a file name inside the folder.
        if (profile.contains(u'/') || profile.contains(u'\\') || profile.contains(u".."_s))
            continue;
        for (const QString &ext : extensions) {
            const QString path = Repo::join(resourcesDir, u"application-"_s + profile + u'.' + ext);
            if (!repo.isFile(path))
                continue;
            auto docs = readFile(repo, path);
            if (!docs)
                return docs.error();
            config.apply(*docs, path);
        }
    }
    return config;
}

ConfigValue SpringConfig::value(const QString &key) const
{
    return m_values.value(key);
}

QString SpringConfig::resolve(const QString &raw, QStringList *unresolved) const
{
    QString s = raw;
    // Innermost placeholders first; the bound keeps a self-reference from looping.
    for (int round = 0; round < 16; ++round) {
        const qsizetype start = s.lastIndexOf(u"${"_s);
        if (start < 0)
            break;
        const qsizetype end = s.indexOf(u'}', start);
        if (end < 0)
            break;
        const QString inner = s.mid(start + 2, end - start - 2);
        const qsizetype colon = inner.indexOf(u':');
        const QString name = colon < 0 ? inner : inner.left(colon);
        QString replacement;
        if (const auto it = m_values.constFind(name); it != m_values.cend() && !it->value.contains(u"${"_s)) {
            replacement = it->value;
        } else if (colon >= 0) {
            replacement = inner.mid(colon + 1);
        } else {
            if (unresolved)
                unresolved->append(name);
            replacement = QString();
        }
        s.replace(start, end - start + 1, replacement);
    }
    return s;
}

} // namespace ttalkak::strategies
