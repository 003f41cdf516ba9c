#include "logtemplateminer.h"

// Hot path: add() tokenises the UTF-8 line in place, masks into one reused buffer, hashes each
// masked token once (64-bit) and compares templates by hash, so a line that matches an existing
// template allocates nothing. Token identity by 64-bit hash: a collision between two distinct
// tokens (~2^-64 per comparison) would merely treat them as equal.

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace ttalkak::core {

Q_LOGGING_CATEGORY(lcLogTemplates, "ttalkak.core.logtemplates", QtInfoMsg)

namespace {

constexpr char snapshotMagic[8] = { 'T', 'T', 'K', 'L', 'O', 'G', 'T', 'M' };

inline quint64 rotl(quint64 x, int r)
{
    return (x << r) | (x >> (64 - r));
}

inline quint64 fmix(quint64 h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

// 8 bytes at a time, multiply-rotate mixing, murmur finaliser. Not cryptographic.
quint64 hashBytes(const char *p, std::size_t n)
{
    quint64 h = 0x9E3779B97F4A7C15ULL ^ (n * 0x87c37b91114253d5ULL);
    while (n >= 8) {
        quint64 v;
        std::memcpy(&v, p, 8);
        h = rotl(h ^ (v * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        quint64 v = 0;
        std::memcpy(&v, p, n);
        h = rotl(h ^ (v * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
    }
    return fmix(h);
}
inline quint64 hashView(std::string_view s)
{
    return hashBytes(s.data(), s.size());
}

// Snapshot checksum: FNV-1a 64 (simple to recompute elsewhere; snapshots are not a hot path).
quint64 fnv1a(const char *p, std::size_t n)
{
    quint64 h = 14695981039346656037ULL;
    for (std::size_t i = 0; i < n; ++i)
        h = (h ^ static_cast<unsigned char>(p[i])) * 1099511628211ULL;
    return h;
}

const quint64 wildHash = hashView(LogMasker::wildcard());

inline bool isSpace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

QString tr(const char *text)
{
    return QCoreApplication::translate("LogTemplateMiner", text);
}

struct Node;

// What a template position has held so far.
enum PositionKind : quint8 {
    Constant = 0, // one literal token (compared by hash)
    Variable = 1, // only variable tokens (masked, or holding digits): any variable token matches
    Wild = 2, // different words: any token matches
};

struct Cluster
{
    quint64 id = 0;
    std::vector<std::string> tokens;
    std::vector<quint64> hashes;
    std::vector<quint8> kind; // PositionKind per token
    std::vector<std::string> route; // keys leading to the leaf; "<*>" is the wildcard branch
    quint64 count = 0;
    qint64 firstSeen = 0;
    qint64 lastSeen = 0;
    quint64 lastUsed = 0; // LRU sequence number
    std::vector<std::string> samples;
    Node *leaf = nullptr;
    Cluster *newer = nullptr; // LRU neighbours
    Cluster *older = nullptr;
};

struct Node
{
    Node *parent = nullptr;
    quint64 key = 0;
    std::unordered_map<quint64, std::unique_ptr<Node>> children;
    std::vector<Cluster *> clusters;
};

struct LineToken
{
    std::string_view text;
    quint64 hash;
    bool variable;
};

// Little-endian writer/reader for the snapshot; the reader never reads past the end.
class Writer
{
public:
    QByteArray bytes;
    template<typename T> void put(T v)
    {
        char b[sizeof(T)];
        qToLittleEndian(v, b);
        bytes.append(b, qsizetype(sizeof(T)));
    }
    void putString(std::string_view s)
    {
        put<quint32>(quint32(s.size()));
        bytes.append(s.data(), qsizetype(s.size()));
    }
};

class Reader
{
public:
    Reader(const char *p, std::size_t n)
        : m_p(p)
        , m_end(p + n)
    {
    }
    bool ok() const { return m_ok; }
    std::size_t remaining() const { return std::size_t(m_end - m_p); }
    template<typename T> T get()
    {
        if (!m_ok || remaining() < sizeof(T)) {
            m_ok = false;
            return T {};
        }
        const T v = qFromLittleEndian<T>(m_p);
        m_p += sizeof(T);
        return v;
    }
    std::string getString(std::size_t maxSize)
    {
        const quint32 n = get<quint32>();
        if (!m_ok || n > maxSize || n > remaining()) {
            m_ok = false;
            return {};
        }
        std::string s(m_p, n);
        m_p += n;
        return s;
    }
    void fail() { m_ok = false; }

private:
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

LogTemplateMiner::Params clamped(LogTemplateMiner::Params p)
{
    p.depth = std::clamp(p.depth, 3, 16);
    if (!(p.similarity > 0.0))
        p.similarity = 0.01;
    p.similarity = std::min(p.similarity, 1.0);
    p.maxChildren = std::max(p.maxChildren, 2);
    p.maxTemplates = std::max(p.maxTemplates, 1);
    p.maxSamples = std::clamp(p.maxSamples, 0, 100);
    p.maxSampleBytes = std::clamp(p.maxSampleBytes, 16, 1 << 20);
    return p;
}

} // namespace

Result<void> LogTemplateMiner::Params::validate() const
{
    if (depth < 3 || depth > 16)
        return Error(ErrorCode::InvalidInput, tr("depth must be between 3 and 16 (got %1)").arg(depth));
    if (!(similarity > 0.0 && similarity <= 1.0))
        return Error(ErrorCode::InvalidInput, tr("similarity must be in (0, 1] (got %1)").arg(similarity));
    if (maxChildren < 2)
        return Error(ErrorCode::InvalidInput, tr("maxChildren must be at least 2 (got %1)").arg(maxChildren));
    if (maxTemplates < 1)
        return Error(ErrorCode::InvalidInput, tr("maxTemplates must be at least 1 (got %1)").arg(maxTemplates));
    if (maxSamples < 0 || maxSamples > 100)
        return Error(ErrorCode::InvalidInput, tr("maxSamples must be between 0 and 100 (got %1)").arg(maxSamples));
    if (maxSampleBytes < 16 || maxSampleBytes > (1 << 20))
        return Error(
            ErrorCode::InvalidInput, tr("maxSampleBytes must be between 16 and 1048576 (got %1)").arg(maxSampleBytes));
    return ok();
}

class LogTemplateMiner::Private
{
public:
    explicit Private(const Params &p)
        : params(clamped(p))
        , masker(params.masking)
    {
    }

    Params params;
    LogMasker masker;
    Node root;
    std::unordered_map<quint64, std::unique_ptr<Cluster>> byId;
    Cluster *newest = nullptr;
    Cluster *oldest = nullptr;
    quint64 nextId = 1;
    quint64 lines = 0;
    quint64 evicted = 0;
    quint64 sequence = 0;
    std::size_t nodeCount = 0;

    // Scratch, reused across lines (mutable so that the const match() can tokenise).
    mutable std::vector<LineToken> tokens;
    mutable std::unique_ptr<char[]> buffer;
    mutable std::size_t bufferCapacity = 0;

    int routeLevels(std::size_t tokenCount) const
    {
        return tokenCount == 0 ? 0 : int(std::min<std::size_t>(std::size_t(params.depth - 3), tokenCount - 1));
    }

    void tokenize(std::string_view line) const
    {
        while (!line.empty() && isSpace(line.back()))
            line.remove_suffix(1);
        const std::size_t need = 11 * line.size() + 32; // >= sum of LogMasker::bufferSize() over tokens
        if (need > bufferCapacity) {
            bufferCapacity = std::max(need, std::size_t(4096));
            buffer = std::make_unique<char[]>(bufferCapacity);
        }
        tokens.clear();
        char *out = buffer.get();
        const char *p = line.data();
        const char *end = p + line.size();
        while (p < end) {
            while (p < end && isSpace(*p))
                ++p;
            const char *start = p;
            while (p < end && !isSpace(*p))
                ++p;
            if (p == start)
                break;
            const LogMasker::Token t = masker.maskToken(std::string_view(start, std::size_t(p - start)), out);
            if (t.masked)
                out += t.text.size();
            tokens.push_back({ t.text, hashView(t.text), t.variable });
        }
    }

    Node *child(Node *node, quint64 key) const
    {
        const auto it = node->children.find(key);
        return it == node->children.end() ? nullptr : it->second.get();
    }

    Node *addChild(Node *node, quint64 key)
    {
        auto n = std::make_unique<Node>();
        n->parent = node;
        n->key = key;
        Node *raw = n.get();
        node->children.emplace(key, std::move(n));
        ++nodeCount;
        return raw;
    }

    Node *findLeaf() const
    {
        Node *node = child(const_cast<Node *>(&root), tokens.size());
        const int levels = routeLevels(tokens.size());
        for (int i = 0; node && i < levels; ++i) {
            Node *next = child(node, tokens[std::size_t(i)].hash);
            node = next ? next : child(node, wildHash);
        }
        return node;
    }

    // Drain's fastMatch, with parameter positions that know what they held: the share of
    // positions the line matches (a Constant by equal token, a Variable by any variable token, a
    // Wild position always); ties go to the template with more parameter positions.
    Cluster *bestMatch(Node *leaf) const
    {
        if (!leaf)
            return nullptr;
        const std::size_t n = tokens.size();
        Cluster *best = nullptr;
        std::size_t bestSim = 0, bestParams = 0;
        for (Cluster *c : leaf->clusters) {
            std::size_t sim = 0, params_ = 0;
            const quint64 *h = c->hashes.data();
            const quint8 *kind = c->kind.data();
            for (std::size_t i = 0; i < n; ++i) {
                switch (kind[i]) {
                case Constant:
                    sim += h[i] == tokens[i].hash;
                    break;
                case Variable:
                    sim += tokens[i].variable;
                    ++params_;
                    break;
                default:
                    ++sim;
                    ++params_;
                    break;
                }
            }
            if (!best || sim > bestSim || (sim == bestSim && params_ > bestParams)) {
                best = c;
                bestSim = sim;
                bestParams = params_;
            }
        }
        if (!best)
            return nullptr;
        const double share = n == 0 ? 1.0 : double(bestSim) / double(n);
        return share >= params.similarity ? best : nullptr;
    }

    // Drain's addSeqToPrefixTree: creates the path for a new template, following the wildcard
    // branch for variable tokens and once a node is full.
    Node *insertPath(const std::vector<LineToken> &toks, std::vector<std::string> &route)
    {
        Node *node = child(&root, toks.size());
        if (!node)
            node = addChild(&root, toks.size());
        const int levels = routeLevels(toks.size());
        route.clear();
        for (int i = 0; i < levels; ++i) {
            const LineToken &t = toks[std::size_t(i)];
            Node *next = t.variable ? nullptr : child(node, t.hash);
            bool wild = false;
            if (!next) {
                Node *wildChild = child(node, wildHash);
                const std::size_t size = node->children.size();
                if (t.variable) {
                    wild = true;
                } else if (wildChild) {
                    wild = size >= std::size_t(params.maxChildren);
                } else {
                    wild = size + 1 >= std::size_t(params.maxChildren);
                }
                if (wild)
                    next = wildChild ? wildChild : addChild(node, wildHash);
                else
                    next = addChild(node, t.hash);
            }
            route.emplace_back(wild || next->key == wildHash ? LogMasker::wildcard() : t.text);
            node = next;
        }
        return node;
    }

    // Restore: the exact stored path.
    Node *followRoute(std::size_t tokenCount, const std::vector<std::string> &route)
    {
        Node *node = child(&root, tokenCount);
        if (!node)
            node = addChild(&root, tokenCount);
        for (const std::string &key : route) {
            const quint64 h = hashView(key);
            Node *next = child(node, h);
            node = next ? next : addChild(node, h);
        }
        return node;
    }

    void linkNewest(Cluster *c)
    {
        c->older = newest;
        c->newer = nullptr;
        if (newest)
            newest->newer = c;
        newest = c;
        if (!oldest)
            oldest = c;
    }
    void unlink(Cluster *c)
    {
        (c->newer ? c->newer->older : newest) = c->older;
        (c->older ? c->older->newer : oldest) = c->newer;
        c->newer = c->older = nullptr;
    }
    void touch(Cluster *c)
    {
        c->lastUsed = ++sequence;
        if (newest != c) {
            unlink(c);
            linkNewest(c);
        }
    }

    void evict(Cluster *c)
    {
        Node *node = c->leaf;
        auto &list = node->clusters;
        list.erase(std::find(list.begin(), list.end(), c));
        unlink(c);
        qCDebug(lcLogTemplates) << "evicting template" << c->id << "seen" << c->count << "times";
        byId.erase(c->id);
        ++evicted;
        while (node != &root && node->clusters.empty() && node->children.empty()) {
            Node *parent = node->parent;
            parent->children.erase(node->key); // destroys node
            --nodeCount;
            node = parent;
        }
    }

    void enforceLimit()
    {
        while (byId.size() > std::size_t(params.maxTemplates) && oldest)
            evict(oldest);
    }

    void addSample(Cluster *c, std::string_view line)
    {
        if (c->samples.size() >= std::size_t(params.maxSamples))
            return;
        if (line.size() > std::size_t(params.maxSampleBytes)) {
            std::size_t cut = std::size_t(params.maxSampleBytes);
            while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
                --cut; // keep whole UTF-8 sequences
            line = line.substr(0, cut);
        }
        for (const std::string &s : c->samples)
            if (s == line)
                return;
        c->samples.emplace_back(line);
    }

    Cluster *create(std::string_view line, qint64 ts)
    {
        auto owned = std::make_unique<Cluster>();
        Cluster *c = owned.get();
        c->id = nextId++;
        const std::size_t n = tokens.size();
        c->tokens.reserve(n);
        c->hashes.reserve(n);
        c->kind.reserve(n);
        for (const LineToken &t : tokens) {
            c->tokens.emplace_back(t.text);
            c->hashes.push_back(t.hash);
            c->kind.push_back(t.variable ? Variable : Constant);
        }
        c->leaf = insertPath(tokens, c->route);
        c->leaf->clusters.push_back(c);
        c->count = 1;
        c->firstSeen = c->lastSeen = ts;
        byId.emplace(c->id, std::move(owned));
        c->lastUsed = ++sequence;
        linkNewest(c);
        addSample(c, line);
        return c;
    }

    LogTemplate toValue(const Cluster &c) const
    {
        LogTemplate t;
        t.id = c.id;
        std::string text;
        for (const std::string &tok : c.tokens) {
            if (!text.empty())
                text += ' ';
            text += tok;
        }
        t.text = QString::fromUtf8(text.data(), qsizetype(text.size()));
        t.count = c.count;
        t.firstSeenMs = c.firstSeen;
        t.lastSeenMs = c.lastSeen;
        for (const std::string &s : c.samples)
            t.samples.append(QString::fromUtf8(s.data(), qsizetype(s.size())));
        return t;
    }
};

LogTemplateMiner::LogTemplateMiner()
    : LogTemplateMiner(Params {})
{
}

LogTemplateMiner::LogTemplateMiner(Params params)
    : d(std::make_unique<Private>(params))
{
}

LogTemplateMiner::~LogTemplateMiner() = default;
LogTemplateMiner::LogTemplateMiner(LogTemplateMiner &&) noexcept = default;
LogTemplateMiner &LogTemplateMiner::operator=(LogTemplateMiner &&) noexcept = default;

const LogTemplateMiner::Params &LogTemplateMiner::params() const
{
    return d->params;
}

LogTemplateMiner::Match LogTemplateMiner::add(std::string_view line, qint64 timestampMs)
{
    d->tokenize(line);
    ++d->lines;
    Cluster *c = d->bestMatch(d->findLeaf());
    if (!c) {
        c = d->create(line, timestampMs);
        d->enforceLimit(); // never evicts c: it is the newest
        return { c->id, Change::Created };
    }
    Change change = Change::None;
    const std::size_t n = d->tokens.size();
    for (std::size_t i = 0; i < n; ++i) {
        const LineToken &t = d->tokens[i];
        quint8 &kind = c->kind[i];
        if (kind == Wild || c->hashes[i] == t.hash)
            continue;
        if (kind == Constant || !t.variable)
            kind = Wild;
        if (c->hashes[i] != wildHash) {
            c->tokens[i].assign(LogMasker::wildcard());
            c->hashes[i] = wildHash;
            change = Change::Generalised;
        }
    }
    ++c->count;
    c->lastSeen = timestampMs;
    c->firstSeen = std::min(c->firstSeen, timestampMs);
    d->touch(c);
    d->addSample(c, line);
    return { c->id, change };
}

LogTemplateMiner::Match LogTemplateMiner::add(QStringView line, qint64 timestampMs)
{
    const QByteArray utf8 = line.toUtf8();
    return add(std::string_view(utf8.constData(), std::size_t(utf8.size())), timestampMs);
}

quint64 LogTemplateMiner::match(std::string_view line) const
{
    d->tokenize(line);
    const Cluster *c = d->bestMatch(d->findLeaf());
    return c ? c->id : 0;
}

std::optional<LogTemplate> LogTemplateMiner::templateById(quint64 id) const
{
    const auto it = d->byId.find(id);
    if (it == d->byId.end())
        return std::nullopt;
    return d->toValue(*it->second);
}

QString LogTemplateMiner::templateText(quint64 id) const
{
    const auto it = d->byId.find(id);
    if (it == d->byId.end())
        return {};
    std::string text;
    for (const std::string &tok : it->second->tokens) {
        if (!text.empty())
            text += ' ';
        text += tok;
    }
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QList<LogTemplate> LogTemplateMiner::templates() const
{
    std::vector<const Cluster *> all;
    all.reserve(d->byId.size());
    for (const auto &entry : d->byId)
        all.push_back(entry.second.get());
    std::sort(all.begin(), all.end(), [](const Cluster *a, const Cluster *b) { return a->id < b->id; });
    QList<LogTemplate> result;
    result.reserve(qsizetype(all.size()));
    for (const Cluster *c : all)
        result.append(d->toValue(*c));
    return result;
}

qsizetype LogTemplateMiner::templateCount() const
{
    return qsizetype(d->byId.size());
}
quint64 LogTemplateMiner::lineCount() const
{
    return d->lines;
}
quint64 LogTemplateMiner::evictedCount() const
{
    return d->evicted;
}

std::size_t LogTemplateMiner::memoryUsage() const
{
    auto str = [](const std::string &s) { return sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0); };
    std::size_t total = 0;
    for (const auto &entry : d->byId) {
        const Cluster &c = *entry.second;
        total += sizeof(Cluster) + 32 /* map entry */ + c.hashes.capacity() * 8 + c.kind.capacity();
        for (const std::string &s : c.tokens)
            total += str(s);
        for (const std::string &s : c.route)
            total += str(s);
        for (const std::string &s : c.samples)
            total += str(s);
        total += (c.tokens.capacity() - c.tokens.size() + c.route.capacity() - c.route.size() + c.samples.capacity()
                     - c.samples.size())
            * sizeof(std::string);
        total += sizeof(Cluster *); // leaf list entry
    }
    total += d->nodeCount * (sizeof(Node) + 48 /* map entry and bucket */);
    return total;
}

// Layout (little-endian): magic[8] u32 version u32 maskingBits u32 depth u32 maxChildren
// f64 similarity u64 nextId u64 lines u64 evicted u64 sequence u32 templateCount, then per
// template: u64 id u64 count i64 first i64 last u64 lastUsed u32 n + n strings (tokens)
// u32 r + r strings (route) u32 s + s strings (samples), string of position kinds (0 literal, 1 variable, 2 wild);
// finally u64 FNV-1a 64 of all preceding bytes. Strings are u32 length + UTF-8 bytes.
QByteArray LogTemplateMiner::snapshot() const
{
    Writer w;
    w.bytes.append(snapshotMagic, sizeof snapshotMagic);
    w.put<quint32>(snapshotVersion);
    w.put<quint32>(d->params.masking.bits());
    w.put<quint32>(quint32(d->params.depth));
    w.put<quint32>(quint32(d->params.maxChildren));
    quint64 simBits;
    std::memcpy(&simBits, &d->params.similarity, 8);
    w.put<quint64>(simBits);
    w.put<quint64>(d->nextId);
    w.put<quint64>(d->lines);
    w.put<quint64>(d->evicted);
    w.put<quint64>(d->sequence);
    w.put<quint32>(quint32(d->byId.size()));
    std::vector<const Cluster *> all;
    for (const auto &entry : d->byId)
        all.push_back(entry.second.get());
    std::sort(all.begin(), all.end(), [](const Cluster *a, const Cluster *b) { return a->id < b->id; });
    for (const Cluster *c : all) {
        w.put<quint64>(c->id);
        w.put<quint64>(c->count);
        w.put<qint64>(c->firstSeen);
        w.put<qint64>(c->lastSeen);
        w.put<quint64>(c->lastUsed);
        for (const auto *list : { &c->tokens, &c->route, &c->samples }) {
            w.put<quint32>(quint32(list->size()));
            for (const std::string &s : *list)
                w.putString(s);
        }
        w.putString(std::string_view(reinterpret_cast<const char *>(c->kind.data()), c->kind.size()));
    }
    w.put<quint64>(fnv1a(w.bytes.constData(), std::size_t(w.bytes.size())));
    return w.bytes;
}

Result<void> LogTemplateMiner::restore(QByteArrayView snapshot)
{
    auto corrupt = [](const QString &why) {
        return Error(ErrorCode::InvalidInput, tr("log template snapshot is corrupt: %1").arg(why));
    };
    const std::size_t size = std::size_t(snapshot.size());
    const char *data = snapshot.data();
    if (size < sizeof snapshotMagic + 4 + 8 || std::memcmp(data, snapshotMagic, sizeof snapshotMagic) != 0)
        return Error(ErrorCode::InvalidInput, tr("not a log template snapshot"));
    Reader r(data + sizeof snapshotMagic, size - sizeof snapshotMagic - 8);
    const quint32 version = r.get<quint32>();
    if (version == 0 || version > snapshotVersion)
        return Error(ErrorCode::Unsupported,
            tr("log template snapshot version %1 is not supported (at most %2)").arg(version).arg(snapshotVersion));
    if (qFromLittleEndian<quint64>(data + size - 8) != fnv1a(data, size - 8))
        return corrupt(tr("checksum mismatch"));

    const LogMasker::Rules masking = LogMasker::Rules::fromBits(r.get<quint32>());
    const quint32 depth = r.get<quint32>();
    r.get<quint32>(); // maxChildren: only shapes new paths, the current value applies
    r.get<quint64>(); // similarity: the current value applies
    auto fresh = std::make_unique<Private>(d->params);
    fresh->nextId = r.get<quint64>();
    fresh->lines = r.get<quint64>();
    fresh->evicted = r.get<quint64>();
    fresh->sequence = r.get<quint64>();
    const quint32 count = r.get<quint32>();
    if (!r.ok())
        return corrupt(tr("truncated header"));
    // Each template takes at least 52 bytes: reject absurd counts before allocating.
    if (std::size_t(count) * 52 > r.remaining())
        return corrupt(tr("template count %1 exceeds the data").arg(count));
    const bool sameRouting = depth == quint32(fresh->params.depth);
    if (!(masking == fresh->params.masking))
        qCInfo(lcLogTemplates) << "snapshot was mined with other masking rules; they apply to new lines only";

    std::vector<Cluster *> loaded;
    loaded.reserve(count);
    quint64 previousId = 0;
    for (quint32 i = 0; i < count; ++i) {
        auto owned = std::make_unique<Cluster>();
        Cluster *c = owned.get();
        c->id = r.get<quint64>();
        c->count = r.get<quint64>();
        c->firstSeen = r.get<qint64>();
        c->lastSeen = r.get<qint64>();
        c->lastUsed = r.get<quint64>();
        for (auto *list : { &c->tokens, &c->route, &c->samples }) {
            const quint32 n = r.get<quint32>();
            if (!r.ok() || std::size_t(n) * 4 > r.remaining())
                return corrupt(tr("template %1 is truncated").arg(i));
            list->reserve(n);
            for (quint32 k = 0; k < n && r.ok(); ++k)
                list->push_back(r.getString(r.remaining()));
        }
        const std::string kinds = r.getString(c->tokens.size());
        if (!r.ok())
            return corrupt(tr("template %1 is truncated").arg(i));
        if (kinds.size() != c->tokens.size())
            return corrupt(tr("template %1 has %2 position kinds for %3 tokens")
                               .arg(c->id)
                               .arg(kinds.size())
                               .arg(c->tokens.size()));
        for (std::size_t k = 0; k < kinds.size(); ++k) {
            const quint8 kind = quint8(kinds[k]);
            const bool isWildcard = c->tokens[k] == LogMasker::wildcard();
            if (kind > Wild || (kind == Wild && !isWildcard))
                return corrupt(tr("template %1 has an invalid position kind").arg(c->id));
            c->kind.push_back(kind);
            c->hashes.push_back(isWildcard ? wildHash : hashView(c->tokens[k]));
        }
        if (c->id <= previousId || c->id >= fresh->nextId || c->count == 0 || c->lastUsed > fresh->sequence)
            return corrupt(tr("template %1 has inconsistent ids or counters").arg(i));
        previousId = c->id;
        if (sameRouting && c->route.size() != std::size_t(fresh->routeLevels(c->tokens.size())))
            return corrupt(tr("template %1 has a tree route of the wrong length").arg(c->id));
        if (sameRouting) {
            c->leaf = fresh->followRoute(c->tokens.size(), c->route);
        } else {
            std::vector<LineToken> toks;
            for (std::size_t k = 0; k < c->tokens.size(); ++k) {
                toks.push_back({ c->tokens[k], c->hashes[k], c->kind[k] != Constant });
            }
            c->leaf = fresh->insertPath(toks, c->route);
        }
        c->leaf->clusters.push_back(c);
        while (c->samples.size() > std::size_t(fresh->params.maxSamples))
            c->samples.pop_back();
        fresh->byId.emplace(c->id, std::move(owned));
        loaded.push_back(c);
    }
    if (r.remaining() != 0)
        return corrupt(tr("%1 unexpected trailing bytes").arg(r.remaining()));

    std::sort(
        loaded.begin(), loaded.end(), [](const Cluster *a, const Cluster *b) { return a->lastUsed < b->lastUsed; });
    for (Cluster *c : loaded)
        fresh->linkNewest(c);
    fresh->enforceLimit();
    d = std::move(fresh);
    qCDebug(lcLogTemplates) << "restored" << d->byId.size() << "templates";
    return ok();
}

} // namespace ttalkak::core
