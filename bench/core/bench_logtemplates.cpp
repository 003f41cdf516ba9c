// Log template mining throughput, in lines per second on one core (one thread), over the
// Loghub-2k data sets repeated to at least --lines lines (default 10 million), one miner per data
// set as the relay keeps one per deployment.
//
// Times are this thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so other load on the machine does
// not skew the per-core figure.
//
// Two inputs: "content" (the Content column of X_2k.log_structured.csv, the header split off, as
// in the accuracy test) and "raw" (the X_2k.log lines with timestamps, levels and components).
//
// Baselines, measured in the same run on the same lines:
//   split  : the floor — split each line on whitespace and hash every token (no masking, no tree);
//   regex  : the naive preprocessing the Python Drain does — QRegularExpression masking of numbers,
//            IPs and hex, no mining at all (run on fewer lines, it is slow).
// Memory: LogTemplateMiner::memoryUsage() and the RSS growth per 1,000 templates, with 10,000
// synthetic templates of 12 tokens and 3 samples each.
//
// Usage: bench_logtemplates [--lines N] [--regex-lines N] [DATA_DIR]

#include <core/logtemplates/logtemplateminer.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <cstring>
#include <ctime>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;
using namespace ttalkak::core;

namespace {

// CPU time of this thread: the figure per core, unaffected by other processes on the machine.
class CpuTimer
{
public:
    void start() { m_start = now(); }
    double seconds() const { return now() - m_start; }

private:
    static double now()
    {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
    }
    double m_start = 0;
};

const QStringList dataSets
    = { u"HDFS"_s, u"Hadoop"_s, u"Spark"_s, u"Zookeeper"_s, u"BGL"_s, u"HPC"_s, u"Thunderbird"_s, u"Windows"_s };

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// Content column of a Loghub structured CSV (RFC 4180 quoting).
std::vector<std::string> readContent(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = f.readAll();
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < data.size() && data.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            rows.back().push_back(std::move(field));
            field.clear();
            rows.emplace_back();
        } else if (c != '\r') {
            field += c;
        }
    }
    std::vector<std::string> content;
    if (rows.empty())
        return content;
    std::size_t col = 0;
    while (col < rows.front().size() && rows.front()[col] != "Content")
        ++col;
    for (std::size_t r = 1; r < rows.size(); ++r)
        if (col < rows[r].size())
            content.push_back(rows[r][col]);
    return content;
}

std::vector<std::string> readLines(const QString &path)
{
    QFile f(path);
    std::vector<std::string> lines;
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    const QByteArray data = f.readAll();
    for (const QByteArray &l : data.split('\n'))
        if (!l.isEmpty())
            lines.emplace_back(l.constData(), std::size_t(l.size()));
    return lines;
}

struct Corpus
{
    QString name;
    std::vector<std::string> lines;
};

struct Figures
{
    double seconds = 0;
    quint64 lines = 0;
    quint64 bytes = 0;
    qsizetype templates = 0;
    std::size_t memory = 0;
    double rate() const { return seconds > 0 ? double(lines) / seconds : 0; }
};

Figures mine(const std::vector<Corpus> &corpora, quint64 perSet)
{
    Figures f;
    CpuTimer timer;
    for (const Corpus &c : corpora) {
        LogTemplateMiner miner;
        const std::size_t n = c.lines.size();
        timer.start();
        for (quint64 i = 0; i < perSet; ++i) {
            const std::string &line = c.lines[i % n];
            miner.add(std::string_view(line), qint64(i));
            f.bytes += line.size();
        }
        f.seconds += timer.seconds();
        f.lines += perSet;
        f.templates += miner.templateCount();
        f.memory += miner.memoryUsage();
    }
    return f;
}

// The floor: whitespace split + one hash per token.
Figures splitOnly(const std::vector<Corpus> &corpora, quint64 perSet)
{
    Figures f;
    quint64 sink = 0;
    CpuTimer timer;
    for (const Corpus &c : corpora) {
        const std::size_t n = c.lines.size();
        timer.start();
        for (quint64 i = 0; i < perSet; ++i) {
            const std::string &line = c.lines[i % n];
            const char *p = line.data();
            const char *end = p + line.size();
            while (p < end) {
                while (p < end && (*p == ' ' || *p == '\t'))
                    ++p;
                const char *start = p;
                while (p < end && *p != ' ' && *p != '\t')
                    ++p;
                quint64 h = 1469598103934665603ULL; // FNV-1a
                for (const char *q = start; q < p; ++q)
                    h = (h ^ static_cast<unsigned char>(*q)) * 1099511628211ULL;
                sink += h;
            }
        }
        f.seconds += timer.seconds();
        f.lines += perSet;
    }
    if (sink == 42)
        out() << "";
    return f;
}

// The Python Drain's preprocessing, with QRegularExpression: mask IPs, hex, numbers.
Figures regexMasking(const std::vector<Corpus> &corpora, quint64 perSet)
{
    const QRegularExpression ip(u"(\\d+\\.){3}\\d+(:\\d+)?"_s);
    const QRegularExpression hex(u"\\b0x[0-9a-fA-F]+\\b"_s);
    const QRegularExpression num(u"(?<=[^A-Za-z0-9])(\\-?\\+?\\d+)(?=[^A-Za-z0-9])|^\\d+$|[0-9]+"_s);
    Figures f;
    qsizetype sink = 0;
    CpuTimer timer;
    for (const Corpus &c : corpora) {
        const std::size_t n = c.lines.size();
        timer.start();
        for (quint64 i = 0; i < perSet; ++i) {
            const std::string &line = c.lines[i % n];
            QString s = QString::fromUtf8(line.data(), qsizetype(line.size()));
            s.replace(ip, u"<*>"_s).replace(hex, u"<*>"_s).replace(num, u"<*>"_s);
            sink += s.split(u' ', Qt::SkipEmptyParts).size();
        }
        f.seconds += timer.seconds();
        f.lines += perSet;
    }
    if (sink == 42)
        out() << "";
    return f;
}

qint64 rssKb()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (l.startsWith("VmRSS:"))
            return l.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

void memoryPerThousand()
{
    const int count = 10000;
    static const char *words[] = { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
        "juliet", "kilo", "lima", "mike", "november", "oscar", "papa" };
    std::vector<std::string> lines;
    lines.reserve(count);
    for (int i = 0; i < count; ++i) {
        // 12 tokens; distinct first and second words keep every line its own template.
        std::string l = "svc" + std::string(1, char('a' + i % 26)) + std::string(1, char('a' + (i / 26) % 26))
            + std::string(1, char('a' + (i / 676) % 26)) + " op" + std::string(1, char('a' + (i * 7) % 26))
            + std::string(1, char('a' + (i / 26 * 3) % 26)) + std::string(1, char('a' + (i / 676 * 5) % 26));
        for (int k = 0; k < 8; ++k)
            l += std::string(" ") + words[(i + k * 3) % 16] + std::to_string(k == 3 ? i : 0).substr(0, k == 3 ? 8 : 0);
        l += " took ";
        lines.push_back(l);
    }
    LogTemplateMiner::Params params;
    params.maxTemplates = count * 2;
    const qint64 before = rssKb();
    LogTemplateMiner miner(params);
    std::string line;
    for (int pass = 0; pass < 3; ++pass) { // three distinct samples per template
        for (int i = 0; i < count; ++i) {
            line = lines[std::size_t(i)] + std::to_string(10 + pass) + "ms";
            miner.add(std::string_view(line), pass);
        }
    }
    const qint64 after = rssKb();
    out() << u"memory: %1 templates of 12 tokens, 3 samples (~80 B) each: memoryUsage() %2 KB per 1,000 templates, "
             u"RSS growth %3 KB per 1,000 templates\n"_s.arg(miner.templateCount())
                 .arg(double(miner.memoryUsage()) / 1024.0 / (double(miner.templateCount()) / 1000.0), 0, 'f', 1)
                 .arg(double(after - before) / (double(miner.templateCount()) / 1000.0), 0, 'f', 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    args.removeFirst();
    quint64 totalLines = 10'000'000;
    quint64 regexLines = 200'000;
    QString dir = QString::fromUtf8(TTALKAK_SOURCE_DIR) + u"/../shared/data/loghub-2k"_s;
    if (qEnvironmentVariableIsSet("TTALKAK_LOGHUB_DIR"))
        dir = qEnvironmentVariable("TTALKAK_LOGHUB_DIR");
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--lines" && i + 1 < args.size())
            totalLines = args.at(++i).toULongLong();
        else if (args.at(i) == u"--regex-lines" && i + 1 < args.size())
            regexLines = args.at(++i).toULongLong();
        else
            dir = args.at(i);
    }

    std::vector<Corpus> content, raw;
    for (const QString &name : dataSets) {
        content.push_back({ name, readContent(QDir(dir).filePath(name + u"_2k.log_structured.csv"_s)) });
        raw.push_back({ name, readLines(QDir(dir).filePath(name + u"_2k.log"_s)) });
        if (content.back().lines.empty() || raw.back().lines.empty()) {
            QTextStream(stderr) << "no Loghub-2k data in " << dir << '\n';
            return 1;
        }
    }
    const quint64 perSet = (totalLines + quint64(dataSets.size()) - 1) / quint64(dataSets.size());
    const quint64 regexPerSet = (regexLines + quint64(dataSets.size()) - 1) / quint64(dataSets.size());

    out() << "log template mining, one thread, " << perSet * quint64(dataSets.size()) << " lines per input ("
          << dataSets.size() << " Loghub-2k sets repeated)\n";
    for (const auto &[label, corpora] : { std::pair { u"content"_s, &content }, std::pair { u"raw"_s, &raw } }) {
        const Figures m = mine(*corpora, perSet);
        const Figures s = splitOnly(*corpora, perSet);
        const Figures r = regexMasking(*corpora, regexPerSet);
        out() << u"%1: miner %2 lines/s (%3 MB/s, %4 templates, %5 KB state) | split+hash baseline %6 lines/s "
                 u"(miner/baseline %7) | regex-masking baseline %8 lines/s (miner/regex %9x)\n"_s.arg(label, -7)
                     .arg(m.rate(), 0, 'f', 0)
                     .arg(double(m.bytes) / m.seconds / 1e6, 0, 'f', 0)
                     .arg(m.templates)
                     .arg(double(m.memory) / 1024.0, 0, 'f', 0)
                     .arg(s.rate(), 0, 'f', 0)
                     .arg(m.rate() / s.rate(), 0, 'f', 2)
                     .arg(r.rate(), 0, 'f', 0)
                     .arg(m.rate() / r.rate(), 0, 'f', 1);
        out().flush();
    }
    memoryPerThousand();
    return 0;
}
