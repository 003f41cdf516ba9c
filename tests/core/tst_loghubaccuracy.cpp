// Grouping accuracy of LogTemplateMiner on the Loghub-2k samples, with the product's default
// Params for every data set (no per-data-set tuning).
//
// Input: the Content column of X_2k.log_structured.csv, i.e. each raw line with its header
// (timestamp, level, component) split off by the data set's log format, exactly what the Loghub
// benchmark feeds its parsers. Ground truth: the EventId column.
//
// GA (LogPAI): a line is correct when the set of lines in its predicted group equals the set of
// lines sharing its true EventId; GA = correct lines / all lines.
//
// Sensitivity sweeps (not the product defaults): TTALKAK_LOGHUB_SIMILARITY, TTALKAK_LOGHUB_DEPTH;
// TTALKAK_LOGHUB_VERBOSE=1 lists the events the miner split or merged.
//
// Data: $TTALKAK_LOGHUB_DIR, else $TTALKAK_SOURCE_DIR/../shared/data/loghub-2k. Missing data
// skips the test, unless TTALKAK_REQUIRE_DATA=1.

#include <core/logtemplates/logtemplateminer.h>

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTest>

#include <map>
#include <set>

using namespace Qt::StringLiterals;
using namespace ttalkak::core;

namespace {

// RFC 4180 rows (quoted fields, doubled quotes, newlines inside quotes).
QList<QList<QByteArray>> parseCsv(const QByteArray &data)
{
    QList<QList<QByteArray>> rows;
    QList<QByteArray> row;
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (quoted) {
            if (c == '"') {
                if (i + 1 < data.size() && data.at(i + 1) == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.append(field);
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < data.size() && data.at(i + 1) == '\n')
                ++i;
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

double groupingAccuracy(const QList<QByteArray> &truth, const QList<quint64> &predicted)
{
    std::map<QByteArray, std::set<int>> byTruth;
    std::map<quint64, std::set<int>> byPredicted;
    for (int i = 0; i < truth.size(); ++i) {
        byTruth[truth.at(i)].insert(i);
        byPredicted[predicted.at(i)].insert(i);
    }
    qsizetype correct = 0;
    for (const auto &[id, lines] : byPredicted) {
        const QByteArray &t = truth.at(*lines.begin());
        if (byTruth[t] == lines)
            correct += qsizetype(lines.size());
    }
    return truth.isEmpty() ? 0.0 : double(correct) / double(truth.size());
}

QString dataDir()
{
    const QString env = qEnvironmentVariable("TTALKAK_LOGHUB_DIR");
    if (!env.isEmpty())
        return env;
    return qEnvironmentVariable("TTALKAK_SOURCE_DIR") + u"/../shared/data/loghub-2k"_s;
}

const QStringList dataSets
    = { u"HDFS"_s, u"Hadoop"_s, u"Spark"_s, u"Zookeeper"_s, u"BGL"_s, u"HPC"_s, u"Thunderbird"_s, u"Windows"_s };

} // namespace

class TestLoghubAccuracy : public QObject
{
    Q_OBJECT
private:
    QMap<QString, double> m_results;

private Q_SLOTS:
    void initTestCase()
    {
        const QDir dir(dataDir());
        if (!dir.exists(u"HDFS_2k.log_structured.csv"_s)) {
            if (qEnvironmentVariable("TTALKAK_REQUIRE_DATA") == u"1")
                QFAIL(qPrintable(u"Loghub-2k data not found in "_s + dir.absolutePath()));
            QSKIP(qPrintable(u"Loghub-2k data not found in "_s + dir.absolutePath() + u" (set TTALKAK_LOGHUB_DIR)"_s));
        }
    }

    void accuracy_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : dataSets)
            QTest::newRow(qPrintable(name)) << name;
    }

    void accuracy()
    {
        QFETCH(QString, name);
        QFile file(QDir(dataDir()).filePath(name + u"_2k.log_structured.csv"_s));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        const auto rows = parseCsv(file.readAll());
        QVERIFY(rows.size() > 1);
        const qsizetype content = rows.first().indexOf("Content");
        const qsizetype event = rows.first().indexOf("EventId");
        QVERIFY(content >= 0 && event >= 0);

        LogTemplateMiner::Params params; // product defaults, unless overridden for a sensitivity sweep
        if (qEnvironmentVariableIsSet("TTALKAK_LOGHUB_SIMILARITY"))
            params.similarity = qEnvironmentVariable("TTALKAK_LOGHUB_SIMILARITY").toDouble();
        if (qEnvironmentVariableIsSet("TTALKAK_LOGHUB_DEPTH"))
            params.depth = qEnvironmentVariableIntValue("TTALKAK_LOGHUB_DEPTH");
        LogTemplateMiner miner(params);
        QList<QByteArray> truth;
        QList<quint64> predicted;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const auto &row = rows.at(i);
            QVERIFY2(row.size() == rows.first().size(), qPrintable(u"bad CSV row %1"_s.arg(i)));
            const QByteArray &text = row.at(content);
            truth.append(row.at(event));
            predicted.append(miner.add(std::string_view(text.constData(), std::size_t(text.size()))).templateId);
        }
        QCOMPARE(truth.size(), 2000);
        const double ga = groupingAccuracy(truth, predicted);
        m_results.insert(name, ga);
        qInfo("%-12s GA %.4f  (%lld templates, %lld true events)", qPrintable(name), ga,
            qlonglong(miner.templateCount()), qlonglong(QSet<QByteArray>(truth.cbegin(), truth.cend()).size()));
        if (qEnvironmentVariable("TTALKAK_LOGHUB_VERBOSE") == u"1") {
            // Events split or merged by the miner: which templates their lines went to.
            std::map<QByteArray, std::map<quint64, int>> spread;
            std::map<quint64, std::set<QByteArray>> merged;
            for (qsizetype i = 0; i < truth.size(); ++i) {
                ++spread[truth.at(i)][predicted.at(i)];
                merged[predicted.at(i)].insert(truth.at(i));
            }
            for (const auto &[eventId, templates] : spread) {
                bool wrong = templates.size() > 1;
                for (const auto &entry : templates)
                    wrong = wrong || merged[entry.first].size() > 1;
                if (!wrong)
                    continue;
                qInfo("  %s:", eventId.constData());
                for (const auto &[tid, n] : templates)
                    qInfo("    %5d x T%llu %s", n, tid, qPrintable(miner.templateText(tid)));
            }
        }
    }

    void average()
    {
        QCOMPARE(m_results.size(), dataSets.size());
        double sum = 0;
        for (double ga : std::as_const(m_results))
            sum += ga;
        const double avg = sum / double(m_results.size());
        qInfo("average GA %.4f over %lld data sets", avg, qlonglong(m_results.size()));
        QVERIFY2(avg >= 0.87, qPrintable(u"average grouping accuracy %1 is below 0.87"_s.arg(avg)));
    }
};

QTEST_GUILESS_MAIN(TestLoghubAccuracy)
#include "tst_loghubaccuracy.moc"
