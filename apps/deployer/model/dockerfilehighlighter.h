#pragma once
// DockerfileHighlighter: syntax colouring for a Dockerfile in a QTextDocument —
// instructions (FROM, RUN, ...), comments and parser directives, quoted strings,
// $VAR / ${VAR} references, and --flags. A line continued with a trailing
// backslash keeps its instruction's context, so "npm ci \" + "  && build" does
// not colour "&&" as an instruction.
//
// A hand-written lexer: the Dockerfile grammar needed for colouring is a few
// line-level rules, and no Qt-friendly library offers a Dockerfile tokenizer.

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ttalkak::deployer {

class DockerfileHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Category { Instruction, Comment, String, Variable, Flag, Keyword };

    explicit DockerfileHighlighter(QTextDocument *document);

    QTextCharFormat format(Category category) const;
    static bool isInstruction(const QString &word);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum BlockState { Normal = -1, Continuation = 1 };
    void highlightArguments(const QString &text, int from);

    QTextCharFormat m_instruction;
    QTextCharFormat m_comment;
    QTextCharFormat m_string;
    QTextCharFormat m_variable;
    QTextCharFormat m_flag;
    QTextCharFormat m_keyword;
};

} // namespace ttalkak::deployer
