#include "javaproperties.h"

#include <QStringList>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;

namespace {
bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\f';
}

// An odd number of trailing backslashes means the line continues.
bool continues(const QString &line)
{
    int n = 0;
    for (qsizetype i = line.size() - 1; i >= 0 && line[i] == u'\\'; --i)
        ++n;
    return n % 2 == 1;
}

QString unescape(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c != u'\\' || i + 1 >= s.size()) {
            out += c;
            continue;
        }
        const QChar n = s[++i];
        if (n == u't')
            out += u'\t';
        else if (n == u'n')
            out += u'\n';
        else if (n == u'r')
            out += u'\r';
        else if (n == u'f')
            out += u'\f';
        else if (n == u'u' && i + 4 < s.size()) {
            bool ok = false;
            const ushort code = s.mid(i + 1, 4).toUShort(&ok, 16);
            if (ok) {
                out += QChar(code);
                i += 4;
            } else {
                out += n;
            }
        } else {
            out += n;
        }
    }
    return out;
}
} // namespace

JavaProperties JavaProperties::parse(const QByteArray &text)
{
    JavaProperties props;
    props.m_documents.append(Document());
    // Properties files are ISO-8859-1 by spec, but Spring Boot reads
    // application.properties as UTF-8; UTF-8 is the right default here.
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        const int startLine = int(i) + 1;
        qsizetype p = 0;
        while (p < line.size() && isBlank(line[p]))
            ++p;
        if (p == line.size())
            continue;
        if (line[p] == u'#' || line[p] == u'!') {
            if (p == 0 && (line == u"#---" || line == u"!---"))
                props.m_documents.append(Document());
            continue;
        }
        QString logical = line.mid(p);
        while (continues(logical) && i + 1 < lines.size()) {
            logical.chop(1);
            QString next = lines[++i];
            if (next.endsWith(u'\r'))
                next.chop(1);
            qsizetype q = 0;
            while (q < next.size() && isBlank(next[q]))
                ++q;
            logical += next.mid(q);
        }
        if (continues(logical))
            logical.chop(1);

        // The key ends at the first unescaped '=', ':' or blank.
        qsizetype k = 0;
        while (k < logical.size()) {
            const QChar c = logical[k];
            if (c == u'\\') {
                k += 2;
                continue;
            }
            if (c == u'=' || c == u':' || isBlank(c))
                break;
            ++k;
        }
        k = std::min(k, logical.size());
        const QString key = unescape(logical.left(k));
        qsizetype v = k;
        while (v < logical.size() && isBlank(logical[v]))
            ++v;
        if (v < logical.size() && (logical[v] == u'=' || logical[v] == u':'))
            ++v;
        while (v < logical.size() && isBlank(logical[v]))
            ++v;
        props.m_documents.last().append({ key, unescape(logical.mid(v)), startLine });
    }
    return props;
}

const JavaProperties::Entry *JavaProperties::find(const Document &doc, const QString &key)
{
    for (qsizetype i = doc.size() - 1; i >= 0; --i)
        if (doc[i].key == key)
            return &doc[i];
    return nullptr;
}

const JavaProperties::Entry *JavaProperties::find(const QString &key) const &
{
    for (qsizetype d = m_documents.size() - 1; d >= 0; --d)
        if (const Entry *e = find(m_documents[d], key))
            return e;
    return nullptr;
}

} // namespace ttalkak::strategies
