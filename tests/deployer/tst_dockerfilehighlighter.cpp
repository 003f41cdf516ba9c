#include <model/dockerfilehighlighter.h>

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Qt::StringLiterals;
using ttalkak::deployer::DockerfileHighlighter;
using Category = DockerfileHighlighter::Category;

class TestDockerfileHighlighter : public QObject
{
    Q_OBJECT

    // The highlighter's format at (line, column): the colour is what we compare.
    static QColor colourAt(const QTextDocument &doc, int line, int column)
    {
        const QTextBlock block = doc.findBlockByNumber(line);
        const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
        for (const auto &r : ranges) {
            if (column >= r.start && column < r.start + r.length)
                return r.format.foreground().color();
        }
        return {};
    }

private Q_SLOTS:
    void sample()
    {
        QTextDocument doc;
        DockerfileHighlighter h(&doc);
        const QString sample = uR"(# syntax=docker/dockerfile:1
FROM node:20-bookworm-slim AS build
ARG VITE_API_URL
ENV NODE_ENV="production" PATH=$PATH:/app/bin
COPY --from=build /app/dist /usr/share/nginx/html
RUN npm ci \
    && echo "home is ${HOME}" \
    && echo 'not $EXPANDED'
  # comment inside a continued RUN
run echo lower-case instruction
EXPOSE 8080
)"_s;
        doc.setPlainText(sample);
        h.rehighlight(); // the first pass is otherwise queued to the event loop
        const QColor instruction = h.format(Category::Instruction).foreground().color();
        const QColor comment = h.format(Category::Comment).foreground().color();
        const QColor string = h.format(Category::String).foreground().color();
        const QColor variable = h.format(Category::Variable).foreground().color();
        const QColor flag = h.format(Category::Flag).foreground().color();
        const QColor keyword = h.format(Category::Keyword).foreground().color();

        QCOMPARE(colourAt(doc, 0, 3), comment); // # syntax=...
        QCOMPARE(colourAt(doc, 1, 0), instruction); // FROM
        QCOMPARE(colourAt(doc, 1, 5), QColor()); // the image: plain
        QCOMPARE(colourAt(doc, 1, 27), keyword); // AS
        QCOMPARE(colourAt(doc, 2, 0), instruction); // ARG
        QCOMPARE(colourAt(doc, 3, 15), string); // "production"
        QCOMPARE(colourAt(doc, 3, 33), variable); // $PATH
        QCOMPARE(colourAt(doc, 4, 6), flag); // --from=build
        const int brace = int(doc.findBlockByNumber(6).text().indexOf(u"${HOME}"_s));
        QCOMPARE(colourAt(doc, 6, brace + 2), variable); // ${HOME} inside "..."
        QCOMPARE(colourAt(doc, 6, 4), QColor()); // "&&" of a continuation is not an instruction
        const int single = int(doc.findBlockByNumber(7).text().indexOf(u"$EXPANDED"_s));
        QCOMPARE(colourAt(doc, 7, single + 1), string); // no variables inside '...'
        QCOMPARE(colourAt(doc, 8, 4), comment);
        QCOMPARE(colourAt(doc, 9, 0), instruction); // instructions are case-insensitive
        QCOMPARE(colourAt(doc, 10, 0), instruction); // EXPOSE, after the continuation ended
    }

    void instructions()
    {
        QVERIFY(DockerfileHighlighter::isInstruction(u"HEALTHCHECK"_s));
        QVERIFY(DockerfileHighlighter::isInstruction(u"workdir"_s));
        QVERIFY(!DockerfileHighlighter::isInstruction(u"npm"_s));
    }
};

QTEST_MAIN(TestDockerfileHighlighter)
#include "tst_dockerfilehighlighter.moc"
