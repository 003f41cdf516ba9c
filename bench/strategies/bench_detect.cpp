// Detection time per repository, over every fixture under tests/fixtures.
//
// Baseline, measured in the same run on the same repos: the floor any detector
// pays, i.e. walking the tree and reading + JSON-parsing each top-level
// manifest once (QDirIterator + QFile + QJsonDocument). The ratio says how much
// the strategies add on top of the I/O they cannot avoid.
//
// Usage: bench_detect [--rounds N] [FIXTURES_DIR]

#include <strategies/registry.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;
using namespace ttalkak::strategies;

namespace {
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

// Walk + read + parse every manifest-like file: the unavoidable work.
int baseline(const QString &root)
{
    int parsed = 0;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.endsWith(u".json"_s) && !path.endsWith(u".xml"_s) && !path.endsWith(u".gradle"_s)
            && !path.endsWith(u".kts"_s) && !path.endsWith(u".yml"_s) && !path.endsWith(u"rc"_s))
            continue;
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray data = f.readAll();
            parsed += QJsonDocument::fromJson(data).isObject() ? 1 : int(data.size() > 0);
        }
    }
    return parsed;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    int rounds = 50;
    if (const auto i = args.indexOf(u"--rounds"_s); i > 0 && i + 1 < args.size()) {
        rounds = args.at(i + 1).toInt();
        args.remove(i, 2);
    }
    const QString fixtures = args.size() > 1 ? args.at(1) : QStringLiteral(TTALKAK_SOURCE_DIR "/tests/fixtures");

    const Registry registry = Registry::withBuiltins();
    std::vector<double> detectMs, baseMs;
    int repos = 0, failures = 0;
    const QStringList names = QDir(fixtures).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        const QString repo = fixtures + u'/' + name + u"/repo"_s;
        QFile spec(fixtures + u'/' + name + u"/fixture.json"_s);
        spec.open(QIODevice::ReadOnly);
        const QJsonObject o = QJsonDocument::fromJson(spec.readAll()).object();
        if (o.contains(u"error"_s))
            continue; // error fixtures stop early; they would flatter the median
        DetectOptions options;
        options.appDir = o.value(u"appDir"_s).toString();
        ++repos;
        for (int r = 0; r < rounds; ++r) {
            QElapsedTimer t;
            t.start();
            const auto plan = registry.detect(repo, options);
            auto files = plan ? registry.generate(*plan, {}) : ttalkak::core::Result<Generated>(plan.error());
            detectMs.push_back(double(t.nsecsElapsed()) / 1e6);
            failures += files ? 0 : 1;

            t.restart();
            volatile int n = baseline(repo);
            (void)n;
            baseMs.push_back(double(t.nsecsElapsed()) / 1e6);
        }
    }

    QTextStream out(stdout);
    const double md = median(detectMs), mb = median(baseMs);
    out << "repositories: " << repos << ", rounds: " << rounds << ", failures: " << failures << '\n';
    out << "detect+generate  median " << QString::number(md, 'f', 3) << " ms  p95 "
        << QString::number(percentile(detectMs, 0.95), 'f', 3) << " ms  max "
        << QString::number(*std::max_element(detectMs.begin(), detectMs.end()), 'f', 3) << " ms\n";
    out << "baseline (walk+read+parse) median " << QString::number(mb, 'f', 3) << " ms\n";
    out << "ratio detect/baseline: " << QString::number(mb > 0 ? md / mb : 0, 'f', 2) << '\n';
    out << "target median <= 10 ms: " << (md <= 10.0 ? "met" : "NOT met") << '\n';
    return failures == 0 ? 0 : 1;
}
