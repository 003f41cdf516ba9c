#include "logtemplate.h"

namespace ttalkak::core {

namespace {

// A placeholder is "<" + upper-case letters or "*" + ">".
qsizetype placeholderLength(QStringView s, qsizetype i)
{
    if (s.at(i) != u'<')
        return 0;
    qsizetype j = i + 1;
    while (j < s.size() && (s.at(j) == u'*' || (s.at(j) >= u'A' && s.at(j) <= u'Z')))
        ++j;
    return j < s.size() && s.at(j) == u'>' && j > i + 1 ? j - i + 1 : 0;
}

// Matches one template token against one raw token: literal text must match, each placeholder
// takes the shortest run that lets the rest match (the whole remainder when it is last).
void extract(QStringView tmpl, QStringView raw, QStringList &out)
{
    qsizetype ti = 0, ri = 0;
    while (ti < tmpl.size()) {
        const qsizetype ph = placeholderLength(tmpl, ti);
        if (ph == 0) {
            if (ri < raw.size() && tmpl.at(ti) == raw.at(ri))
                ++ri;
            ++ti;
            continue;
        }
        ti += ph;
        // The literal that follows the placeholder, up to the next placeholder.
        qsizetype litEnd = ti;
        while (litEnd < tmpl.size() && placeholderLength(tmpl, litEnd) == 0)
            ++litEnd;
        const QStringView literal = tmpl.mid(ti, litEnd - ti);
        qsizetype valueEnd = raw.size();
        if (!literal.isEmpty()) {
            // Last occurrence when the literal ends the template token (a suffix), else the first.
            const qsizetype found = litEnd == tmpl.size() ? raw.lastIndexOf(literal) : raw.indexOf(literal, ri);
            if (found >= ri)
                valueEnd = found;
        }
        out.append(raw.mid(ri, valueEnd - ri).toString());
        ri = valueEnd;
    }
}

QList<QStringView> splitWhitespace(QStringView s)
{
    QList<QStringView> tokens;
    qsizetype i = 0;
    while (i < s.size()) {
        while (i < s.size() && s.at(i).isSpace())
            ++i;
        const qsizetype start = i;
        while (i < s.size() && !s.at(i).isSpace())
            ++i;
        if (i > start)
            tokens.append(s.mid(start, i - start));
    }
    return tokens;
}

} // namespace

QStringList LogTemplate::parameters(QStringView templateText, QStringView line)
{
    const QList<QStringView> t = splitWhitespace(templateText);
    const QList<QStringView> r = splitWhitespace(line);
    QStringList values;
    if (t.size() != r.size())
        return values;
    for (qsizetype i = 0; i < t.size(); ++i)
        if (t.at(i).contains(u'<') && t.at(i) != r.at(i))
            extract(t.at(i), r.at(i), values);
    return values;
}

QList<QStringList> LogTemplate::sampleParameters() const
{
    QList<QStringList> result;
    for (const QString &sample : samples)
        result.append(parameters(text, sample));
    return result;
}

} // namespace ttalkak::core
