#include "packagejson.h"

#include <QJsonDocument>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Result;

Result<PackageJson> PackageJson::read(const Repo &repo, const QString &path)
{
    auto text = repo.read(path);
    if (!text)
        return text.error();
    auto obj = repo.readJsonObject(path);
    if (!obj)
        return obj.error();
    PackageJson p;
    p.m_path = path;
    p.m_json = *obj;
    p.m_text = *text;
    return p;
}

PackageJson PackageJson::fromText(const QByteArray &text, const QString &path)
{
    PackageJson p;
    p.m_path = path;
    p.m_text = text;
    p.m_json = QJsonDocument::fromJson(text).object();
    return p;
}

QString PackageJson::name() const
{
    return m_json.value(u"name"_s).toString();
}

QString PackageJson::script(const QString &name) const
{
    return m_json.value(u"scripts"_s).toObject().value(name).toString();
}

QString PackageJson::dependency(const QString &name) const
{
    for (const QString &section : { u"dependencies"_s, u"devDependencies"_s, u"peerDependencies"_s }) {
        const QJsonValue v = m_json.value(section).toObject().value(name);
        if (v.isString())
            return v.toString();
    }
    return {};
}

bool PackageJson::hasDependency(const QString &name) const
{
    for (const QString &section : { u"dependencies"_s, u"devDependencies"_s, u"peerDependencies"_s }) {
        if (m_json.value(section).toObject().contains(name))
            return true;
    }
    return false;
}

QString PackageJson::engine(const QString &name) const
{
    return m_json.value(u"engines"_s).toObject().value(name).toString();
}

int PackageJson::lineOf(const QString &key, const QString &after) const
{
    qsizetype from = 0;
    if (!after.isEmpty()) {
        from = m_text.indexOf(u"\"%1\""_s.arg(after).toUtf8());
        if (from < 0)
            from = 0;
    }
    const qsizetype at = m_text.indexOf(u"\"%1\""_s.arg(key).toUtf8(), from);
    if (at < 0)
        return 0;
    return int(std::count(m_text.begin(), m_text.begin() + at, '\n')) + 1;
}

QString PackageJson::quotePair(const QString &key, const QString &value)
{
    return u"\"%1\": \"%2\""_s.arg(key, value);
}

} // namespace ttalkak::strategies
