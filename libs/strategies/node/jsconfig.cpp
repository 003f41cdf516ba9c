#include "jsconfig.h"

#include <QRegularExpression>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;
using core::Result;

namespace {
// Blanks out // and /* */ comments (keeping line breaks) while respecting
// strings, so "https://x" in a string is not taken for a comment.
QString withoutComments(const QString &in)
{
    QString out = in;
    enum { Code, Line, Block, Str } state = Code;
    QChar quote;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        const QChar n = i + 1 < out.size() ? out.at(i + 1) : QChar();
        switch (state) {
        case Code:
            if (c == u'/' && n == u'/') {
                state = Line;
                out[i] = u' ';
            } else if (c == u'/' && n == u'*') {
                state = Block;
                out[i] = u' ';
            } else if (c == u'"' || c == u'\'' || c == u'`') {
                state = Str;
                quote = c;
            }
            break;
        case Line:
            if (c == u'\n')
                state = Code;
            else
                out[i] = u' ';
            break;
        case Block:
            if (c == u'*' && n == u'/') {
                out[i] = u' ';
                out[i + 1] = u' ';
                ++i;
                state = Code;
            } else if (c != u'\n') {
                out[i] = u' ';
            }
            break;
        case Str:
            if (c == u'\\')
                ++i;
            else if (c == quote)
                state = Code;
            break;
        }
    }
    return out;
}
} // namespace

Result<std::optional<JsConfig>> JsConfig::find(const Repo &repo, const QString &dir, const QStringList &names)
{
    for (const QString &name : names) {
        const QString path = Repo::join(dir, name);
        if (!repo.isFile(path))
            continue;
        auto text = repo.read(path);
        if (!text)
            return text.error();
        return std::optional<JsConfig>(fromText(QString::fromUtf8(*text), path));
    }
    return std::optional<JsConfig>();
}

JsConfig JsConfig::fromText(const QString &text, const QString &path)
{
    JsConfig c;
    c.m_path = path;
    c.m_code = withoutComments(text);
    return c;
}

QString JsConfig::fileName() const
{
    return m_path.mid(m_path.lastIndexOf(u'/') + 1);
}

std::optional<JsConfig::Value> JsConfig::property(const QString &name) const
{
    // `name:` or `"name":` as an object key (not `foo.name:` or `somename:`).
    const QRegularExpression key(u"(?<![\\w$.])[\"']?%1[\"']?\\s*:"_s.arg(QRegularExpression::escape(name)));
    const auto m = key.match(m_code);
    if (!m.hasMatch())
        return std::nullopt;
    Value v;
    v.line = int(m_code.left(m.capturedStart()).count(u'\n')) + 1;
    const QString rest = m_code.mid(m.capturedEnd());
    static const QRegularExpression literal(u"^\\s*(['\"`])([^'\"`\\\\\\n$]*)\\1\\s*(?=[,}\\n]|$)"_s);
    if (const auto lm = literal.match(rest); lm.hasMatch()) {
        v.literal = true;
        v.value = lm.captured(2);
        v.source = lm.captured(0).trimmed();
    } else {
        v.source = rest.section(u'\n', 0, 0).trimmed().left(80);
        if (v.source.endsWith(u','))
            v.source.chop(1);
    }
    return v;
}

} // namespace ttalkak::strategies
