#include "dockerfilehighlighter.h"

#include <QRegularExpression>
#include <QSet>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

DockerfileHighlighter::DockerfileHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_instruction.setForeground(QColor(0x1f, 0x5f, 0xbf));
    m_instruction.setFontWeight(QFont::Bold);
    m_keyword.setForeground(QColor(0x1f, 0x5f, 0xbf));
    m_comment.setForeground(QColor(0x6a, 0x73, 0x7d));
    m_comment.setFontItalic(true);
    m_string.setForeground(QColor(0x0a, 0x7d, 0x3b));
    m_variable.setForeground(QColor(0x9a, 0x3c, 0xb8));
    m_flag.setForeground(QColor(0xb3, 0x5c, 0x00));
}

QTextCharFormat DockerfileHighlighter::format(Category category) const
{
    switch (category) {
    case Category::Instruction:
        return m_instruction;
    case Category::Comment:
        return m_comment;
    case Category::String:
        return m_string;
    case Category::Variable:
        return m_variable;
    case Category::Flag:
        return m_flag;
    case Category::Keyword:
        return m_keyword;
    }
    return {};
}

bool DockerfileHighlighter::isInstruction(const QString &word)
{
    static const QSet<QString> words { u"ADD"_s, u"ARG"_s, u"CMD"_s, u"COPY"_s, u"ENTRYPOINT"_s, u"ENV"_s, u"EXPOSE"_s,
        u"FROM"_s, u"HEALTHCHECK"_s, u"LABEL"_s, u"MAINTAINER"_s, u"ONBUILD"_s, u"RUN"_s, u"SHELL"_s, u"STOPSIGNAL"_s,
        u"USER"_s, u"VOLUME"_s, u"WORKDIR"_s };
    return words.contains(word.toUpper());
}

void DockerfileHighlighter::highlightBlock(const QString &text)
{
    const bool continued = previousBlockState() == Continuation;
    int i = 0;
    while (i < text.size() && text.at(i).isSpace())
        ++i;

    // Comments (and "# syntax=" parser directives) only start a line; inside a
    // continued RUN they are still comments to the Dockerfile parser.
    if (i < text.size() && text.at(i) == u'#') {
        setFormat(i, int(text.size()) - i, m_comment);
        setCurrentBlockState(continued ? Continuation : Normal);
        return;
    }

    int argsFrom = i;
    if (!continued) {
        int end = i;
        while (end < text.size() && (text.at(end).isLetter()))
            ++end;
        const QString word = text.mid(i, end - i);
        if (isInstruction(word)) {
            setFormat(i, end - i, m_instruction);
            argsFrom = end;
            // FROM image AS name
            if (word.compare(u"FROM"_s, Qt::CaseInsensitive) == 0) {
                static const QRegularExpression as(u"\\s(AS)\\s"_s, QRegularExpression::CaseInsensitiveOption);
                const auto m = as.match(text, end);
                if (m.hasMatch())
                    setFormat(int(m.capturedStart(1)), 2, m_keyword);
            }
        }
    }
    highlightArguments(text, argsFrom);

    QString trimmed = text;
    while (!trimmed.isEmpty() && trimmed.back().isSpace())
        trimmed.chop(1);
    setCurrentBlockState(trimmed.endsWith(u'\\') ? Continuation : Normal);
}

void DockerfileHighlighter::highlightArguments(const QString &text, int from)
{
    // --flag or --flag=value at a word start.
    static const QRegularExpression flag(u"(?:^|\\s)(--[A-Za-z][A-Za-z0-9-]*(?:=\\S*)?)"_s);
    for (auto it = flag.globalMatch(text, from); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_flag);
    }

    // Strings, with backslash escapes; variables are coloured inside double
    // quotes too (the shell expands them there), but not inside single quotes.
    int i = from;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'"' || c == u'\'') {
            int j = i + 1;
            while (j < text.size() && text.at(j) != c) {
                if (text.at(j) == u'\\')
                    ++j;
                ++j;
            }
            const int len = std::min(int(text.size()), j + 1) - i;
            setFormat(i, len, m_string);
            i += len;
            continue;
        }
        ++i;
    }

    static const QRegularExpression var(u"\\$(?:\\{[^}\\s]*\\}?|[A-Za-z_][A-Za-z0-9_]*)"_s);
    for (auto it = var.globalMatch(text, from); it.hasNext();) {
        const auto m = it.next();
        const int start = int(m.capturedStart());
        // Skip "$" inside single-quoted strings: count unescaped single quotes before it.
        bool inSingle = false;
        bool inDouble = false;
        for (int k = from; k < start; ++k) {
            const QChar ch = text.at(k);
            if (ch == u'\\') {
                ++k;
                continue;
            }
            if (ch == u'\'' && !inDouble)
                inSingle = !inSingle;
            else if (ch == u'"' && !inSingle)
                inDouble = !inDouble;
        }
        if (!inSingle)
            setFormat(start, int(m.capturedLength()), m_variable);
    }
}

} // namespace ttalkak::deployer
