#include "gradlescript.h"

#include <QRegularExpression>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Result;

namespace {
// Replaces // and /* */ comments with spaces (newlines kept) so that offsets
// and line numbers still point into the original file. String literals
// ('...', "...", '''...''', """...""") are skipped, so "https://x" survives.
QString blankComments(const QString &in)
{
    QString s = in;
    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        const QChar c = s[i];
        if (c == u'"' || c == u'\'') {
            const bool triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
            const qsizetype width = triple ? 3 : 1;
            i += width;
            while (i < n) {
                if (s[i] == u'\\') {
                    i += 2;
                    continue;
                }
                if (!triple && s[i] == u'\n')
                    break; // unterminated single-line literal: stop at the line end
                if (s[i] == c && (!triple || (i + 2 < n && s[i + 1] == c && s[i + 2] == c))) {
                    i += width;
                    break;
                }
                ++i;
            }
            continue;
        }
        if (c == u'/' && i + 1 < n && s[i + 1] == u'/') {
            while (i < n && s[i] != u'\n')
                s[i++] = u' ';
            continue;
        }
        if (c == u'/' && i + 1 < n && s[i + 1] == u'*') {
            while (i < n && !(s[i] == u'*' && i + 1 < n && s[i + 1] == u'/')) {
                if (s[i] != u'\n')
                    s[i] = u' ';
                ++i;
            }
            if (i < n)
                s[i++] = u' ';
            if (i < n)
                s[i++] = u' ';
            continue;
        }
        ++i;
    }
    return s;
}

// The rest of the statement starting at offset: up to the end of the line.
QString restOfLine(const QString &s, qsizetype from)
{
    const qsizetype end = s.indexOf(u'\n', from);
    return s.mid(from, end < 0 ? -1 : end - from);
}
} // namespace

Result<GradleScript> GradleScript::read(const Repo &repo, const QString &path)
{
    auto data = repo.read(path);
    if (!data)
        return data.error();
    return parse(QString::fromUtf8(*data), path);
}

GradleScript GradleScript::parse(const QString &text, const QString &path)
{
    GradleScript script;
    script.m_path = path;
    script.m_text = blankComments(text);
    return script;
}

GradleScript::Match GradleScript::matchAt(qsizetype offset, qsizetype length, const QString &value) const
{
    const int line = int(std::count(m_text.cbegin(), m_text.cbegin() + offset, u'\n')) + 1;
    return { value, m_text.mid(offset, length).simplified(), line };
}

std::optional<GradleScript::Match> GradleScript::find(const QString &pattern) const
{
    const QRegularExpression re(pattern);
    const auto m = re.match(m_text);
    if (!m.hasMatch())
        return std::nullopt;
    return matchAt(m.capturedStart(), m.capturedLength(), m.lastCapturedIndex() >= 1 ? m.captured(1) : QString());
}

std::optional<GradleScript::Match> GradleScript::mention(const QString &needle) const
{
    const qsizetype at = m_text.indexOf(needle);
    if (at < 0)
        return std::nullopt;
    const qsizetype lineStart = m_text.lastIndexOf(u'\n', at) + 1;
    const QString line = restOfLine(m_text, lineStart);
    return matchAt(lineStart, line.size(), needle);
}

std::optional<GradleScript::PluginUse> GradleScript::springBootPlugin(const QStringList &catalogAliases) const
{
    static const QRegularExpression idRe(u"\\bid\\s*\\(?\\s*[\"']org\\.springframework\\.boot[\"']\\s*\\)?"_s);
    static const QRegularExpression applyRe(
        u"\\bapply\\s*\\(?\\s*plugin\\s*[:=]\\s*[\"']org\\.springframework\\.boot[\"']"_s);
    static const QRegularExpression aliasRe(u"\\balias\\s*\\(\\s*libs\\.plugins\\.([A-Za-z0-9_.]+)\\s*\\)"_s);
    static const QRegularExpression versionRe(u"^\\s*version\\s*\\(?\\s*[\"']([^\"']+)[\"']"_s);
    static const QRegularExpression applyFalseRe(u"\\bapply\\s*\\(?\\s*false\\b"_s);

    const auto use = [&](const QRegularExpressionMatch &m) {
        const QString rest = restOfLine(m_text, m.capturedEnd());
        PluginUse u;
        const auto v = versionRe.match(rest);
        u.match
            = matchAt(m.capturedStart(), m.capturedLength() + rest.size(), v.hasMatch() ? v.captured(1) : QString());
        u.applied = !applyFalseRe.match(rest).hasMatch();
        return u;
    };
    // Prefer an applying declaration: a root script may both declare the
    // plugin with `apply false` and (rarely) apply it again.
    std::optional<PluginUse> declared;
    for (auto it = idRe.globalMatch(m_text); it.hasNext();) {
        PluginUse u = use(it.next());
        if (u.applied)
            return u;
        declared = declared ? declared : std::optional<PluginUse>(u);
    }
    for (auto it = aliasRe.globalMatch(m_text); it.hasNext();) {
        const auto m = it.next();
        if (!catalogAliases.contains(m.captured(1)))
            continue;
        PluginUse u = use(m);
        if (u.applied)
            return u;
        declared = declared ? declared : std::optional<PluginUse>(u);
    }
    if (const auto m = applyRe.match(m_text); m.hasMatch())
        return PluginUse { matchAt(m.capturedStart(), m.capturedLength(), QString()), true };
    return declared;
}

std::optional<GradleScript::Match> GradleScript::springBootGradlePluginClasspath() const
{
    return find(u"[\"']org\\.springframework\\.boot:spring-boot-gradle-plugin:([^\"'$]+)[\"']"_s);
}

std::optional<GradleScript::Match> GradleScript::javaVersion(QString *kind) const
{
    struct Source
    {
        QString pattern;
        QString kind;
    };
    // In order of authority: a toolchain names the JDK Gradle must use; the
    // compatibility settings only name the bytecode level.
    static const QList<Source> sources {
        { u"languageVersion\\s*(?:=|\\.set\\s*\\()\\s*JavaLanguageVersion\\.of\\s*\\(\\s*[\"']?(\\d+)[\"']?\\s*\\)(?:[ \\t]*\\))?"_s,
            u"Gradle toolchain languageVersion"_s },
        { u"\\bjvmToolchain\\s*\\(\\s*(\\d+)\\s*\\)"_s, u"Kotlin jvmToolchain"_s },
        { u"\\boptions\\.release\\s*(?:=|\\.set\\s*\\()\\s*(\\d+)"_s, u"compiler options.release"_s },
        { u"\\btargetCompatibility\\s*=\\s*(?:JavaVersion\\.VERSION_|JavaVersion\\.toVersion\\s*\\(\\s*)?[\"']?(\\d+(?:[._]\\d+)?)"_s,
            u"targetCompatibility"_s },
        { u"\\bsourceCompatibility\\s*=\\s*(?:JavaVersion\\.VERSION_|JavaVersion\\.toVersion\\s*\\(\\s*)?[\"']?(\\d+(?:[._]\\d+)?)"_s,
            u"sourceCompatibility"_s },
    };
    for (const Source &s : sources) {
        if (auto m = find(s.pattern)) {
            if (kind)
                *kind = s.kind;
            m->value.replace(u'_', u'.');
            return m;
        }
    }
    return std::nullopt;
}

std::optional<GradleScript::Match> GradleScript::bootJarFileName() const
{
    static const QRegularExpression taskRe(u"\\bbootJar\\b|[\"']bootJar[\"']"_s);
    static const QRegularExpression nameRe(u"\\barchiveFileName\\s*(?:=|\\.set\\s*\\()\\s*[\"']([^\"'$\\n]+)[\"']"_s);
    for (auto it = taskRe.globalMatch(m_text); it.hasNext();) {
        const auto m = it.next();
        // The configuration block that follows on the same statement.
        const qsizetype brace = m_text.indexOf(u'{', m.capturedEnd());
        const qsizetype lineEnd = m_text.indexOf(u'\n', m.capturedEnd());
        if (brace < 0 || (lineEnd >= 0 && brace > lineEnd))
            continue;
        int depth = 0;
        qsizetype end = brace;
        for (; end < m_text.size(); ++end) {
            if (m_text[end] == u'{')
                ++depth;
            else if (m_text[end] == u'}' && --depth == 0)
                break;
        }
        const QString block = m_text.mid(brace, end - brace);
        if (const auto n = nameRe.match(block); n.hasMatch())
            return matchAt(brace + n.capturedStart(), n.capturedLength(), n.captured(1));
    }
    // tasks.bootJar.archiveFileName = '...' / bootJar.archiveFileName.set("...")
    return find(u"\\bbootJar\\s*\\.\\s*archiveFileName\\s*(?:=|\\.set\\s*\\()\\s*[\"']([^\"'$\\n]+)[\"']"_s);
}

QList<GradleScript::Match> GradleScript::includedProjects() const
{
    QList<Match> out;
    static const QRegularExpression includeRe(u"\\binclude\\b\\s*\\(?"_s);
    static const QRegularExpression quotedRe(u"[\"']([^\"']+)[\"']"_s);
    for (auto it = includeRe.globalMatch(m_text); it.hasNext();) {
        const auto m = it.next();
        // The argument list: up to ')' when parenthesised, else the line plus
        // continuation lines that follow a trailing comma.
        const bool paren = m.captured().endsWith(u'(');
        qsizetype end = m.capturedEnd();
        if (paren) {
            end = m_text.indexOf(u')', end);
            if (end < 0)
                end = m_text.size();
        } else {
            while (true) {
                const qsizetype nl = m_text.indexOf(u'\n', end);
                if (nl < 0) {
                    end = m_text.size();
                    break;
                }
                if (!m_text.mid(end, nl - end).trimmed().endsWith(u',')) {
                    end = nl;
                    break;
                }
                end = nl + 1;
            }
        }
        const QString args = m_text.mid(m.capturedEnd(), end - m.capturedEnd());
        for (auto q = quotedRe.globalMatch(args); q.hasNext();) {
            const auto qm = q.next();
            QString project = qm.captured(1);
            while (project.startsWith(u':'))
                project.remove(0, 1);
            project.replace(u':', u'/');
            if (!project.isEmpty())
                out.append(matchAt(m.capturedEnd() + qm.capturedStart(), qm.capturedLength(), project));
        }
    }
    return out;
}

} // namespace ttalkak::strategies
