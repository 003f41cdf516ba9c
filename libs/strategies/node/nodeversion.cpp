#include "nodeversion.h"

#include <QObject>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace ttalkak::strategies {

using namespace Qt::StringLiterals;

namespace {
// A version as one ordered number; minor and patch get 20 bits each.
using Key = qint64;
constexpr Key kInfinity = std::numeric_limits<Key>::max();
Key key(qint64 major, qint64 minor = 0, qint64 patch = 0)
{
    const qint64 cap = (1 << 20) - 1;
    return (major << 40) | (std::min(minor, cap) << 20) | std::min(patch, cap);
}

struct Partial
{
    int parts = 0; // how many of major.minor.patch were given (0 = "*")
    qint64 v[3] = { 0, 0, 0 };
};

// "1", "1.2", "v1.2.3", "1.x", "1.2.*", "*", "1.2.3-beta.1" (pre-release ignored).
std::optional<Partial> parsePartial(QString s)
{
    if (s.startsWith(u'v') || s.startsWith(u'V'))
        s.remove(0, 1);
    if (s.startsWith(u'='))
        s.remove(0, 1);
    const qsizetype cut = s.indexOf(QRegularExpression(u"[-+]"_s));
    if (cut > 0)
        s.truncate(cut);
    Partial p;
    if (s.isEmpty() || s == u"*" || s == u"x" || s == u"X")
        return p;
    const QStringList parts = s.split(u'.');
    if (parts.size() > 3)
        return std::nullopt;
    for (const QString &part : parts) {
        if (part == u"x" || part == u"X" || part == u"*")
            break;
        bool ok = false;
        const qint64 n = part.toLongLong(&ok);
        if (!ok || n < 0 || part.startsWith(u'+'))
            return std::nullopt;
        p.v[p.parts++] = n;
    }
    return p;
}

Key lowest(const Partial &p)
{
    return key(p.v[0], p.v[1], p.v[2]);
}
// Exclusive upper end of everything the partial names: 1 -> 2.0.0, 1.2 -> 1.3.0, 1.2.3 -> 1.2.4.
Key pastEnd(const Partial &p)
{
    switch (p.parts) {
    case 0:
        return kInfinity;
    case 1:
        return key(p.v[0] + 1);
    case 2:
        return key(p.v[0], p.v[1] + 1);
    default:
        return key(p.v[0], p.v[1], p.v[2] + 1);
    }
}

struct Interval
{
    Key lo = 0; // inclusive
    Key hi = kInfinity; // exclusive
    void intersect(Key l, Key h)
    {
        lo = std::max(lo, l);
        hi = std::min(hi, h);
    }
};

bool applyComparator(const QString &comp, Interval &in)
{
    static const QRegularExpression re(u"^(<=|>=|<|>|=|\\^|~>|~)?(.*)$"_s);
    const auto m = re.match(comp);
    const QString op = m.captured(1);
    const auto p = parsePartial(m.captured(2));
    if (!p)
        return false;
    if (op.isEmpty() || op == u"=") {
        in.intersect(lowest(*p), pastEnd(*p));
    } else if (op == u">=") {
        in.intersect(lowest(*p), kInfinity);
    } else if (op == u">") {
        in.intersect(p->parts == 0 ? kInfinity : pastEnd(*p), kInfinity);
    } else if (op == u"<") {
        in.intersect(0, p->parts == 0 ? 0 : lowest(*p));
    } else if (op == u"<=") {
        in.intersect(0, pastEnd(*p));
    } else if (op == u"~" || op == u"~>") {
        in.intersect(lowest(*p), p->parts >= 2 ? key(p->v[0], p->v[1] + 1) : pastEnd(*p));
    } else { // ^: the left-most non-zero part stays fixed
        Key hi = kInfinity;
        if (p->parts == 0)
            hi = kInfinity;
        else if (p->v[0] > 0 || p->parts == 1)
            hi = key(p->v[0] + 1);
        else if (p->v[1] > 0 || p->parts == 2)
            hi = key(0, p->v[1] + 1);
        else
            hi = key(0, 0, p->v[2] + 1);
        in.intersect(lowest(*p), hi);
    }
    return true;
}

std::optional<Interval> parseSet(QString set)
{
    Interval in;
    set = set.trimmed();
    static const QRegularExpression hyphen(u"^(\\S+)\\s+-\\s+(\\S+)$"_s);
    if (const auto m = hyphen.match(set); m.hasMatch()) {
        const auto a = parsePartial(m.captured(1));
        const auto b = parsePartial(m.captured(2));
        if (!a || !b)
            return std::nullopt;
        in.intersect(lowest(*a), pastEnd(*b));
        return in;
    }
    // ">= 18" is accepted by npm: glue operators to their versions first.
    static const QRegularExpression gap(u"(<=|>=|<|>|=|\\^|~>|~)\\s+"_s);
    set.replace(gap, u"\\1"_s);
    for (const QString &comp : set.split(QRegularExpression(u"[\\s,]+"_s), Qt::SkipEmptyParts)) {
        if (!applyComparator(comp, in))
            return std::nullopt;
    }
    return in;
}
} // namespace

std::optional<QList<int>> NodeVersion::allowedMajors(const QString &range)
{
    if (range.size() > 256)
        return std::nullopt;
    QList<Interval> sets;
    for (const QString &set : range.split(u"||"_s)) {
        const auto in = parseSet(set);
        if (!in)
            return std::nullopt;
        sets.append(*in);
    }
    QList<int> majors;
    for (int m = 4; m <= newestKnown; ++m) {
        for (const Interval &in : sets) {
            if (std::max(in.lo, key(m)) < std::min(in.hi, key(m + 1))) {
                majors.append(m);
                break;
            }
        }
    }
    return majors;
}

int NodeVersion::preferredMajor(const QList<int> &allowed)
{
    if (allowed.contains(currentLts))
        return currentLts;
    for (int m = currentLts - 2; m >= 4; m -= 2)
        if (allowed.contains(m))
            return m;
    for (int m = currentLts + 2; m <= newestKnown; m += 2)
        if (allowed.contains(m))
            return m;
    return allowed.isEmpty() ? 0 : allowed.first();
}

int NodeVersion::ltsMajor(const QString &codename)
{
    static const QHash<QString, int> names {
        { u"argon"_s, 4 },
        { u"boron"_s, 6 },
        { u"carbon"_s, 8 },
        { u"dubnium"_s, 10 },
        { u"erbium"_s, 12 },
        { u"fermium"_s, 14 },
        { u"gallium"_s, 16 },
        { u"hydrogen"_s, 18 },
        { u"iron"_s, 20 },
        { u"jod"_s, 22 },
        { u"krypton"_s, 24 },
    };
    return names.value(codename.toLower(), 0);
}

NodeVersion::Choice NodeVersion::fromRange(const QString &range)
{
    Choice c;
    const auto allowed = allowedMajors(range);
    if (!allowed) {
        c.error = QObject::tr("'%1' is not a semver range").arg(range.left(64));
        return c;
    }
    if (allowed->isEmpty()) {
        c.error = QObject::tr("'%1' allows no Node.js release from 4 to %2").arg(range.left(64)).arg(newestKnown);
        return c;
    }
    c.major = preferredMajor(*allowed);
    if (allowed->size() > 1)
        c.rule = QObject::tr("the range allows %1-%2; Ttalkak takes the current LTS %3 when allowed, else the "
                             "nearest LTS line")
                     .arg(allowed->first())
                     .arg(allowed->last())
                     .arg(currentLts);
    return c;
}

NodeVersion::Choice NodeVersion::fromPinFile(const QString &text)
{
    // First meaningful line; nvm allows trailing "# comments".
    QString v;
    for (QString line : text.split(u'\n')) {
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (!line.isEmpty()) {
            v = line;
            break;
        }
    }
    Choice c;
    const QString lower = v.toLower();
    if (v.isEmpty()) {
        c.error = QObject::tr("the file is empty");
    } else if (lower == u"lts/*" || lower == u"lts" || lower == u"lts/latest") {
        c.major = currentLts;
        c.rule = QObject::tr("lts/* is the current LTS, %1").arg(currentLts);
    } else if (lower.startsWith(u"lts/-")) {
        bool ok = false;
        const int back = lower.mid(5).toInt(&ok);
        if (ok && back > 0 && currentLts - 2 * back >= 4) {
            c.major = currentLts - 2 * back;
            c.rule = QObject::tr("%1 counts back from the current LTS %2").arg(v).arg(currentLts);
        } else {
            c.error = QObject::tr("'%1' is not an LTS line Ttalkak knows").arg(v.left(64));
        }
    } else if (lower.startsWith(u"lts/") || ltsMajor(lower)) {
        const QString name = lower.startsWith(u"lts/") ? lower.mid(4) : lower;
        c.major = ltsMajor(name);
        if (c.major)
            c.rule = QObject::tr("LTS codename %1 is Node.js %2").arg(name).arg(c.major);
        else
            c.error = QObject::tr("'%1' is not an LTS codename Ttalkak knows (argon ... krypton)").arg(v.left(64));
    } else if (lower == u"node" || lower == u"stable" || lower == u"latest" || lower == u"current") {
        c.major = currentLts;
        c.rule = QObject::tr("'%1' means the newest release; Ttalkak builds on the current LTS %2 instead so the "
                             "image stays on a supported line")
                     .arg(v)
                     .arg(currentLts);
    } else if (const auto p = parsePartial(v); p && p->parts >= 1) {
        if (p->v[0] < 4 || p->v[0] > newestKnown)
            c.error = QObject::tr("Node.js %1 is not a release Ttalkak can build with (4 to %2)")
                          .arg(v.left(64))
                          .arg(newestKnown);
        else
            c.major = int(p->v[0]);
    } else {
        c = fromRange(v);
    }
    return c;
}

} // namespace ttalkak::strategies
