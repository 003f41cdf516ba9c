#include "logscommand.h"

#include "logsfetchcommand.h"

#include <core/logtemplates/logtemplateminer.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <vector>

namespace ttalkak::cli {

using namespace Qt::StringLiterals;
using namespace ttalkak::core;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("logs", text);
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

// Calls `onLine` for every line of `device` (without its newline), reading in large blocks so
// that reading costs little next to mining.
template<typename F> bool forEachLine(QIODevice &device, F onLine)
{
    QByteArray pending;
    QByteArray block(1 << 20, Qt::Uninitialized);
    while (true) {
        const qint64 n = device.read(block.data(), block.size());
        if (n < 0)
            return false;
        if (n == 0)
            break;
        const char *p = block.constData();
        const char *end = p + n;
        while (p < end) {
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
            if (!nl) {
                pending.append(p, qsizetype(end - p));
                break;
            }
            if (pending.isEmpty()) {
                onLine(std::string_view(p, std::size_t(nl - p)));
            } else {
                pending.append(p, qsizetype(nl - p));
                onLine(std::string_view(pending.constData(), std::size_t(pending.size())));
                pending.clear();
            }
            p = nl + 1;
        }
    }
    if (!pending.isEmpty())
        onLine(std::string_view(pending.constData(), std::size_t(pending.size())));
    return true;
}

int parse(const QCommandLineParser &parser, const QString &path, const LogTemplateMiner::Params &params)
{
    QFile file;
    const bool stdinInput = path == u"-";
    const bool opened
        = stdinInput ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        err() << tr("error: cannot read %1: %2").arg(path, file.errorString()) << '\n';
        return 2;
    }
    LogTemplateMiner miner(params);
    std::vector<quint64> ids;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!forEachLine(file, [&](std::string_view line) {
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            ids.push_back(miner.add(line, now).templateId);
        })) {
        err() << tr("error: cannot read %1: %2").arg(path, file.errorString()) << '\n';
        return 2;
    }

    // Final template texts, one UTF-8 conversion per template.
    QHash<quint64, QByteArray> texts;
    auto textOf = [&](quint64 id) -> const QByteArray & {
        auto it = texts.find(id);
        if (it == texts.end())
            it = texts.insert(id, miner.templateText(id).toUtf8());
        return *it;
    };
    const bool json = parser.isSet(u"json"_s);
    QByteArray buffer;
    buffer.reserve(1 << 20);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const QByteArray &text = textOf(ids[i]);
        if (json) {
            const QJsonObject o { { u"line"_s, qint64(i + 1) }, { u"templateId"_s, qint64(ids[i]) },
                { u"template"_s, QString::fromUtf8(text) } };
            buffer += QJsonDocument(o).toJson(QJsonDocument::Compact);
        } else {
            buffer += QByteArray::number(ids[i]);
            buffer += '\t';
            buffer += text;
        }
        buffer += '\n';
        if (buffer.size() > (1 << 20) - 4096 || i + 1 == ids.size()) {
            std::fwrite(buffer.constData(), 1, std::size_t(buffer.size()), stdout);
            buffer.clear();
        }
    }
    std::fflush(stdout);
    return 0;
}

} // namespace

int runLogs(const QStringList &arguments)
{
    if (arguments.value(2) != u"parse")
        return runLogsFetch(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Mine log templates: print each line's template id and template."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"logs"_s, tr("The command."));
    parser.addPositionalArgument(u"parse"_s, tr("The subcommand."));
    parser.addPositionalArgument(u"file"_s, tr("Log file, one line per record (\"-\" reads standard input)."));
    const LogTemplateMiner::Params defaults;
    parser.addOptions({
        { u"json"_s, tr("Print one JSON object per line: {\"line\", \"templateId\", \"template\"}.") },
        { u"depth"_s, tr("Prefix tree depth, 3-16 (default %1).").arg(defaults.depth), u"n"_s },
        { u"similarity"_s, tr("Similarity threshold, (0, 1] (default %1).").arg(defaults.similarity), u"x"_s },
        { u"max-templates"_s, tr("Templates kept before the least recently used is evicted (default 1000000)."),
            u"n"_s },
        { u"typed"_s, tr("Typed placeholders (<NUM>, <IP>, <UUID>, ...) instead of <*>.") },
    });
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << '\n';
        return 1;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 3 || pos.at(1) != u"parse") {
        err() << tr("usage: ttalkak logs parse FILE [--json] [--depth N] [--similarity X]") << '\n';
        return 1;
    }

    LogTemplateMiner::Params params;
    params.maxTemplates = 1000000;
    bool ok = true;
    if (parser.isSet(u"depth"_s))
        params.depth = parser.value(u"depth"_s).toInt(&ok);
    if (ok && parser.isSet(u"similarity"_s))
        params.similarity = parser.value(u"similarity"_s).toDouble(&ok);
    if (ok && parser.isSet(u"max-templates"_s))
        params.maxTemplates = parser.value(u"max-templates"_s).toInt(&ok);
    params.masking.typedPlaceholders = parser.isSet(u"typed"_s);
    if (!ok) {
        err() << tr("error: --depth, --similarity and --max-templates take numbers") << '\n';
        return 1;
    }
    if (const auto valid = params.validate(); !valid) {
        err() << tr("error: %1").arg(valid.error().toString()) << '\n';
        return 1;
    }
    return parse(parser, pos.at(2), params);
}

} // namespace ttalkak::cli
