#include "workspaces.h"

#include <QJsonArray>
#include <QObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

namespace {
// Folders never holding workspace packages; bounded walk keeps detection fast.
constexpr int kMaxDepth = 4;
constexpr int kMaxDirs = 5000;

bool skipped(const QString &name)
{
    return name == u"node_modules/" || name.startsWith(u'.') || name == u"dist/" || name == u"build/" || name == u"out/"
        || name == u"coverage/";
}

QString relativeTo(const QString &root, const QString &path)
{
    if (root.isEmpty())
        return path;
    return path == root ? QString() : path.mid(root.size() + 1);
}

QString normalised(QString pattern)
{
    pattern = pattern.trimmed();
    while (pattern.startsWith(u"./"))
        pattern.remove(0, 2);
    while (pattern.endsWith(u'/'))
        pattern.chop(1);
    return pattern;
}

Result<std::optional<QStringList>> patternsFromPackageJson(const Repo &repo, const QString &path, int *line)
{
    auto obj = repo.readJsonObject(path);
    if (!obj)
        return obj.error();
    const QJsonValue ws = obj->value(u"workspaces"_s);
    if (ws.isUndefined() || ws.isNull())
        return std::optional<QStringList>();
    QJsonArray list;
    if (ws.isArray())
        list = ws.toArray();
    else if (ws.isObject() && ws.toObject().value(u"packages"_s).isArray())
        list = ws.toObject().value(u"packages"_s).toArray();
    auto text = repo.read(path);
    const qsizetype at = text ? text->indexOf("\"workspaces\"") : -1;
    *line = at < 0 ? 0 : int(std::count(text->begin(), text->begin() + at, '\n')) + 1;
    if (list.isEmpty() && !(ws.isArray() || ws.isObject()))
        return Error(ErrorCode::InvalidInput,
            QObject::tr("\"workspaces\" must be a list of folders or an object with \"packages\""), path, *line);
    QStringList out;
    for (const QJsonValue &v : list)
        if (v.isString())
            out.append(v.toString());
    return std::optional<QStringList>(out);
}

Result<QStringList> patternsFromPnpm(const Repo &repo, const QString &path)
{
    auto text = repo.read(path);
    if (!text)
        return text.error();
    QStringList out;
    try {
        const YAML::Node doc = YAML::Load(text->toStdString());
        const YAML::Node packages = doc.IsMap() ? doc["packages"] : YAML::Node();
        if (packages && !packages.IsSequence())
            return Error(ErrorCode::InvalidInput, QObject::tr("\"packages\" must be a list of folders"), path,
                packages.Mark().line + 1);
        if (packages)
            for (const auto &p : packages)
                if (p.IsScalar())
                    out.append(QString::fromStdString(p.as<std::string>()));
    } catch (const YAML::Exception &e) {
        return Error(ErrorCode::InvalidInput, QObject::tr("malformed YAML: %1").arg(QString::fromStdString(e.msg)),
            path, e.mark.line + 1);
    }
    return out;
}

// The workspace one folder declares, if any: *file stays empty when none.
Result<void> declared(const Repo &repo, const QString &dir, QString *file, int *line, QStringList *patterns)
{
    const QString pnpm = Repo::join(dir, u"pnpm-workspace.yaml"_s);
    if (repo.isFile(pnpm)) {
        auto p = patternsFromPnpm(repo, pnpm);
        if (!p)
            return p.error();
        *file = pnpm;
        *line = 1;
        *patterns = *p;
        return core::ok();
    }
    const QString pkg = Repo::join(dir, u"package.json"_s);
    if (repo.isFile(pkg)) {
        auto p = patternsFromPackageJson(repo, pkg, line);
        if (!p)
            return p.error();
        if (p->has_value()) {
            *file = pkg;
            *patterns = **p;
        }
    }
    return core::ok();
}
} // namespace

bool Workspaces::globMatch(const QString &patternIn, const QString &path)
{
    const QString pattern = normalised(patternIn);
    QString re = u"^"_s;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'*' && i + 1 < pattern.size() && pattern.at(i + 1) == u'*') {
            re += u".*"_s;
            ++i;
        } else if (c == u'*') {
            re += u"[^/]*"_s;
        } else if (c == u'?') {
            re += u"[^/]"_s;
        } else {
            re += QRegularExpression::escape(QString(c));
        }
    }
    re += u'$';
    return QRegularExpression(re).match(path).hasMatch();
}

bool Workspaces::contains(const QString &dir) const
{
    const QString rel = relativeTo(m_root, dir);
    if (!m_root.isEmpty() && rel == dir)
        return false; // not below the root
    bool in = false;
    for (const QString &p : m_patterns) {
        if (p.startsWith(u'!')) {
            if (globMatch(p.mid(1), rel))
                in = false;
        } else if (globMatch(p, rel)) {
            in = true;
        }
    }
    return in;
}

Result<std::optional<Workspaces>> Workspaces::find(const Repo &repo, const QString &appDir)
{
    QString dir = appDir;
    while (true) {
        QString file;
        int line = 0;
        QStringList patterns;
        auto d = declared(repo, dir, &file, &line, &patterns);
        if (!d)
            return d.error();
        if (!file.isEmpty()) {
            Workspaces ws;
            ws.m_root = dir;
            ws.m_file = file;
            ws.m_line = line;
            for (const QString &p : patterns)
                ws.m_patterns.append(p.startsWith(u'!') ? u"!"_s + normalised(p.mid(1)) : normalised(p));
            if (dir == appDir || ws.contains(appDir)) {
                // Walk the tree once, breadth-first, to list the package folders.
                QStringList level { dir };
                int seen = 0;
                for (int depth = 0; depth < kMaxDepth && !level.isEmpty() && seen < kMaxDirs; ++depth) {
                    QStringList next;
                    for (const QString &parent : std::as_const(level)) {
                        for (const QString &e : repo.entries(parent)) {
                            if (!e.endsWith(u'/') || skipped(e) || ++seen > kMaxDirs)
                                continue;
                            const QString child = Repo::join(parent, e.chopped(1));
                            next.append(child);
                            if (ws.contains(child) && repo.isFile(Repo::join(child, u"package.json"_s)))
                                ws.m_packageDirs.append(child);
                        }
                    }
                    level = next;
                }
                ws.m_packageDirs.sort();
                return std::optional<Workspaces>(std::move(ws));
            }
            return std::optional<Workspaces>(); // nearest workspace does not list the app
        }
        if (dir.isEmpty())
            return std::optional<Workspaces>();
        const qsizetype slash = dir.lastIndexOf(u'/');
        dir = slash < 0 ? QString() : dir.left(slash);
    }
}

} // namespace ttalkak::strategies
