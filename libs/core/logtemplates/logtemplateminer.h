#pragma once
// LogTemplateMiner: online log template mining, Drain-style (He et al., ICWS 2017).
//
//   LogTemplateMiner miner;                          // default Params
//   auto m = miner.add("Connected to 10.0.0.7 in 12ms", nowMs);
//   miner.templateText(m.templateId);                // "Connected to <*> in <*>"
//   QByteArray state = miner.snapshot();             // ... relay restarts ...
//   LogTemplateMiner again;
//   if (auto r = again.restore(state); !r) warn(r.error().toString());
//
// Each line is split on whitespace, each token masked (LogMasker), then routed through a
// fixed-depth prefix tree: first by token count, then by the leading tokens (a token holding a
// placeholder or a digit goes to the "<*>" branch). The leaf's templates are compared position by
// position; the most similar one at or above Params::similarity absorbs the line (differing
// positions become "<*>"), otherwise the line starts a new template.
//
// Ids are assigned once (1, 2, ...) and kept across snapshot()/restore(). Beyond
// Params::maxTemplates the least recently matched template is evicted (its id is never reused).
// Memory is bounded by maxTemplates x (tokens + maxSamples x maxSampleBytes) plus tree nodes, which
// are pruned with their last template.
//
// Thread: a single-threaded object with no internal locking. Use it from one thread at a time
// (it may be moved between threads). Not a QObject; copyable only by snapshot().

#include "logmasker.h"
#include "logtemplate.h"

#include <core/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <memory>
#include <optional>
#include <string_view>

namespace ttalkak::core {

class LogTemplateMiner
{
public:
    struct Params
    {
        // Drain's depth: root + token-count level + (depth - 3) leading-token levels + leaf.
        // 3 groups by token count only. Range 3..16.
        int depth = 4;
        // Share of positions a line must match to join a template, (0, 1]: a literal position by an
        // equal token, a parameter position that held numbers/ids by any masked token, a
        // parameter that held different words by anything. 0.85 lets lines of up to 6 tokens
        // differ in no literal word, 7-13 tokens in one, 14-19 in two (docs/benchmarks.md).
        double similarity = 0.85;
        // Children per tree node before further tokens go to the "<*>" branch. >= 2.
        int maxChildren = 100;
        // Templates kept; the least recently matched one beyond this is evicted. >= 1.
        int maxTemplates = 10000;
        // Raw sample lines kept per template, and their length cap in bytes.
        int maxSamples = 3;
        int maxSampleBytes = 512;
        LogMasker::Rules masking;

        // A clear error for out-of-range values (the constructor clamps them instead).
        Result<void> validate() const;
        friend bool operator==(const Params &, const Params &) = default;
    };

    enum class Change : unsigned char {
        None, // matched an existing template, which did not change
        Created, // the line started a new template
        Generalised, // matched, and a position of the template became a parameter
    };
    struct Match
    {
        quint64 templateId = 0;
        Change change = Change::None;
    };

    LogTemplateMiner();
    explicit LogTemplateMiner(Params params);
    ~LogTemplateMiner();
    LogTemplateMiner(LogTemplateMiner &&) noexcept;
    LogTemplateMiner &operator=(LogTemplateMiner &&) noexcept;
    LogTemplateMiner(const LogTemplateMiner &) = delete;
    LogTemplateMiner &operator=(const LogTemplateMiner &) = delete;

    const Params &params() const;

    // Learns from one line (UTF-8; a trailing newline is ignored) seen at `timestampMs`.
    Match add(std::string_view utf8Line, qint64 timestampMs = 0);
    Match add(QStringView line, qint64 timestampMs = 0);

    // The template `line` would join, without learning anything; 0 when none is similar enough.
    quint64 match(std::string_view utf8Line) const;

    // Template state by id; nullopt / empty when unknown or evicted.
    std::optional<LogTemplate> templateById(quint64 id) const;
    QString templateText(quint64 id) const;
    // Every live template, by ascending id.
    QList<LogTemplate> templates() const;

    qsizetype templateCount() const;
    quint64 lineCount() const;
    quint64 evictedCount() const;
    // Approximate heap bytes held (templates, samples, tree), for the memory benchmark.
    std::size_t memoryUsage() const;

    // Versioned binary state: params, templates (ids, tokens, counts, times, samples), tree routes,
    // LRU order and id counter, with a checksum.
    QByteArray snapshot() const;
    // Replaces the state with a snapshot. On error the miner is unchanged and the Error says what
    // is wrong (bad magic, newer version, checksum mismatch, truncated or inconsistent data).
    // The current Params stay in force: a smaller maxTemplates evicts the least recently used
    // templates, another depth re-routes the templates; other masking rules apply to new lines.
    Result<void> restore(QByteArrayView snapshot);

    static constexpr quint32 snapshotVersion = 1;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace ttalkak::core
