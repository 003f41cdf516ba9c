#include "dockerignore.h"

namespace ttalkak::docker {

using core::Error;
using core::ErrorCode;

namespace {

// Go's path/filepath.Clean for '/'-separated paths.
QString cleanPath(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral(".");
    const bool rooted = path.startsWith(u'/');
    QStringList out;
    for (const QString &elem : path.split(u'/')) {
        if (elem.isEmpty() || elem == u".")
            continue;
        if (elem == u"..") {
            if (!out.isEmpty() && out.last() != u"..")
                out.removeLast();
            else if (!rooted)
                out.append(elem);
            continue;
        }
        out.append(elem);
    }
    QString joined = out.join(u'/');
    if (rooted)
        return u'/' + joined;
    return joined.isEmpty() ? QStringLiteral(".") : joined;
}

// Characters that are literal in filepath.Match but special in a regular expression.
bool needsEscape(QChar c)
{
    return QStringView(u".+()|{}$^").contains(c);
}

// filepath.Match's syntax errors (ErrBadPattern): an unterminated class, an empty class,
// a trailing backslash.
bool isBadPattern(const QString &p)
{
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar c = p.at(i);
        if (c == u'\\') {
            if (i + 1 >= p.size())
                return true;
            ++i;
        } else if (c == u'[') {
            qsizetype j = i + 1;
            if (j < p.size() && p.at(j) == u'^')
                ++j;
            bool any = false;
            bool closed = false;
            for (; j < p.size(); ++j) {
                if (p.at(j) == u'\\') {
                    if (++j >= p.size())
                        return true;
                    any = true;
                } else if (p.at(j) == u']' && any) {
                    closed = true;
                    break;
                } else if (p.at(j) == u']') {
                    return true; // "[]" is empty
                } else {
                    any = true;
                }
            }
            if (!closed)
                return true;
            i = j;
        }
    }
    return false;
}

} // namespace

core::Result<DockerIgnore::Pattern> DockerIgnore::compile(const QString &pattern)
{
    Pattern pat;
    QString p = pattern;
    if (p.startsWith(u'!')) {
        if (p.size() == 1)
            return Error(ErrorCode::InvalidInput, QStringLiteral("illegal exclusion pattern: \"!\""));
        pat.exception = true;
        p = p.mid(1);
    }
    if (isBadPattern(p))
        return Error(ErrorCode::InvalidInput, QStringLiteral("syntax error in pattern: %1").arg(pattern));
    pat.cleaned = p;

    // Same translation as patternmatcher's Pattern.compile.
    QString re = QStringLiteral("^");
    bool inClass = false;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar ch = p.at(i);
        if (inClass) {
            if (ch == u']') {
                re += ch;
                inClass = false;
            } else if (ch == u'\\' && i + 1 < p.size()) {
                re += u'\\' + p.at(++i);
            } else if (ch == u'-' || (ch == u'^' && re.endsWith(u'['))) {
                re += ch;
            } else {
                re += QRegularExpression::escape(QString(ch));
            }
            continue;
        }
        if (ch == u'*') {
            if (i + 1 < p.size() && p.at(i + 1) == u'*') {
                ++i;
                if (i + 1 < p.size() && p.at(i + 1) == u'/')
                    ++i; // "**/" is "**"
                if (i + 1 >= p.size())
                    re += QStringLiteral(".*"); // "**" at the end accepts everything
                else
                    re += QStringLiteral("(.*/)?");
            } else {
                re += QStringLiteral("[^/]*");
            }
        } else if (ch == u'?') {
            re += QStringLiteral("[^/]");
        } else if (ch == u'\\') {
            if (i + 1 < p.size())
                re += QRegularExpression::escape(QString(p.at(++i)));
            else
                re += QStringLiteral("\\\\");
        } else if (ch == u'[') {
            re += ch;
            inClass = true;
        } else if (needsEscape(ch)) {
            re += u'\\' + ch;
        } else if (ch == u']') {
            re += QStringLiteral("\\]");
        } else {
            re += ch;
        }
    }
    re += u'$';
    // Go's regexp '.' does not match '\n' either, so no DotMatchesEverything.
    pat.regex = QRegularExpression(re);
    if (!pat.regex.isValid())
        return Error(ErrorCode::InvalidInput, QStringLiteral("syntax error in pattern: %1").arg(pattern));
    pat.regex.optimize();
    return pat;
}

core::Result<void> DockerIgnore::add(const QString &raw)
{
    QString p = raw.trimmed();
    if (p.isEmpty())
        return core::ok();
    p = cleanPath(p); // New() cleans again, "!" included (a no-op for ReadAll's output)
    auto pat = compile(p);
    if (!pat)
        return pat.error();
    m_hasExceptions = m_hasExceptions || pat->exception;
    m_patterns.append(std::move(*pat));
    return core::ok();
}

core::Result<DockerIgnore> DockerIgnore::fromPatterns(const QStringList &patterns)
{
    DockerIgnore d;
    for (const QString &p : patterns) {
        if (auto r = d.add(p); !r)
            return r.error();
    }
    return d;
}

core::Result<DockerIgnore> DockerIgnore::parse(QByteArrayView contents)
{
    if (contents.startsWith("\xEF\xBB\xBF"))
        contents = contents.sliced(3);
    DockerIgnore d;
    int lineNo = 0;
    for (QByteArray rawLine : contents.toByteArray().split('\n')) {
        ++lineNo;
        if (rawLine.endsWith('\r'))
            rawLine.chop(1);
        QString line = QString::fromUtf8(rawLine);
        if (line.startsWith(u'#'))
            continue; // only a '#' in the first column starts a comment
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const bool invert = line.startsWith(u'!');
        if (invert)
            line = line.mid(1).trimmed();
        if (!line.isEmpty()) {
            line = cleanPath(line);
            if (line.size() > 1 && line.startsWith(u'/'))
                line = line.mid(1);
        }
        if (invert)
            line.prepend(u'!');
        if (auto r = d.add(line); !r)
            return Error(ErrorCode::InvalidInput, r.error().message(), QStringLiteral(".dockerignore"), lineNo);
    }
    return d;
}

bool DockerIgnore::matches(QStringView file) const
{
    // patternmatcher's MatchesOrParentMatches.
    const qsizetype slash = file.lastIndexOf(u'/');
    const QStringView parent = slash < 0 ? QStringView(u".") : file.left(slash);
    bool matched = false;
    for (const Pattern &pat : m_patterns) {
        if (pat.exception != matched)
            continue; // an include cannot change a match, an exception cannot change a non-match
        bool match = pat.regex.match(file).hasMatch();
        if (!match && parent != u".") {
            qsizetype from = 0;
            while (true) {
                const qsizetype next = parent.indexOf(u'/', from);
                const QStringView prefix = next < 0 ? parent : parent.left(next);
                if (pat.regex.match(prefix).hasMatch()) {
                    match = true;
                    break;
                }
                if (next < 0)
                    break;
                from = next + 1;
            }
        }
        if (match)
            matched = !pat.exception;
    }
    return matched;
}

bool DockerIgnore::canSkipDirectory(QStringView dir) const
{
    if (!m_hasExceptions)
        return true;
    const QString dirSlash = dir + u'/';
    for (const Pattern &pat : m_patterns) {
        if (pat.exception && QString(pat.cleaned + u'/').startsWith(dirSlash))
            return false;
    }
    return true;
}

void DockerIgnore::keep(const QString &relativePath)
{
    if (matches(relativePath))
        (void)add(u'!' + relativePath);
}

QStringList DockerIgnore::patterns() const
{
    QStringList out;
    for (const Pattern &p : m_patterns)
        out << (p.exception ? u'!' + p.cleaned : p.cleaned);
    return out;
}

} // namespace ttalkak::docker
