#include "logmasker.h"

// Hand-written scanners (see the header for why). Order of the whole-token rules matters:
// UUID, IPv4 (before timestamps: "10.0.0.1:80"), timestamps (before IPv6: "18:01:47"), IPv6,
// hex, durations, numbers, paths. A token no whole-token rule recognises still has each
// digit-bearing word masked ("blk_-42" -> "blk_<*>", "HWID=1973" -> "HWID=<*>"); if nothing
// but placeholders and punctuation is left, the token collapses to one placeholder
// ("1.2.3" -> "<*>"), so version numbers of different lengths mask alike.

#include <QByteArray>

#include <cstring>

namespace ttalkak::core {

namespace {

using uchar8 = unsigned char;

inline uchar8 at(std::string_view s, std::size_t i)
{
    return static_cast<uchar8>(s[i]);
}
inline bool isDigit(uchar8 c)
{
    return unsigned(c - '0') < 10u;
}
inline bool isAlpha(uchar8 c)
{
    return unsigned((c | 0x20) - 'a') < 26u;
}
inline bool isHexDigit(uchar8 c)
{
    return isDigit(c) || unsigned((c | 0x20) - 'a') < 6u;
}
// Word bytes: ASCII letters and digits, and any non-ASCII byte (UTF-8 letters). '_' separates.
inline bool isWord(uchar8 c)
{
    return isDigit(c) || isAlpha(c) || c >= 0x80;
}
inline bool isLeadingPunct(uchar8 c)
{
    return c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == '\'' || c == '`';
}
inline bool isTrailingPunct(uchar8 c)
{
    return c == ')' || c == ']' || c == '}' || c == '>' || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';'
        || c == ':' || c == '.' || c == '!' || c == '?';
}

bool isUuid(std::string_view s)
{
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < 36; ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !isHexDigit(at(s, i)))
            return false;
    }
    return true;
}

// Digits only, 1..maxDigits of them, from i; advances i.
bool digits(std::string_view s, std::size_t &i, std::size_t maxDigits, unsigned *value = nullptr)
{
    const std::size_t start = i;
    unsigned v = 0;
    while (i < s.size() && isDigit(at(s, i)) && i - start < maxDigits)
        v = v * 10 + unsigned(at(s, i++) - '0');
    if (value)
        *value = v;
    return i > start && (i == s.size() || !isDigit(at(s, i)));
}

// a.b.c.d with an optional ":port" or "/prefix".
bool isIpv4(std::string_view s)
{
    std::size_t i = 0;
    for (int octet = 0; octet < 4; ++octet) {
        if (octet > 0) {
            if (i >= s.size() || s[i] != '.')
                return false;
            ++i;
        }
        unsigned v = 0;
        if (!digits(s, i, 3, &v) || v > 255)
            return false;
    }
    if (i == s.size())
        return true;
    if (s[i] != ':' && s[i] != '/')
        return false;
    ++i;
    return digits(s, i, 5) && i == s.size();
}

// Date and time shapes: digit groups joined by - / : . , T + with at least one of - / :
// ("2015-10-18", "18:01:47,978", "2016/9/27:20:30:31.455", "2015-10-18T18:01:47.123Z"), or hh:mm.
bool isTimestamp(std::string_view s)
{
    std::size_t i = 0;
    int groups = 0;
    bool strong = false, onlyColon = true, tSeen = false;
    while (true) {
        if (!digits(s, i, 9))
            return false;
        ++groups;
        if (i == s.size())
            break;
        const uchar8 c = at(s, i);
        if (c == 'Z' && i + 1 == s.size())
            break;
        if (c == '-' || c == '/' || c == ':' || c == '+')
            strong = true;
        else if (c == 'T' && !tSeen)
            tSeen = true;
        else if (c != '.' && c != ',')
            return false;
        onlyColon = onlyColon && c == ':';
        ++i;
    }
    return groups <= 9 && ((groups >= 3 && strong) || (groups == 2 && onlyColon));
}

// Colon-separated hex groups (at most 8, one "::"), optionally ending in an IPv4 address, with an
// optional %zone. Requires two colons, so "12:30" is not one; times are tested first anyway.
bool isIpv6(std::string_view s)
{
    if (const std::size_t zone = s.find('%'); zone != std::string_view::npos)
        s = s.substr(0, zone);
    if (s.size() < 2)
        return false;
    int colons = 0, groups = 0, groupLen = 0;
    bool doubleColon = false;
    std::size_t groupStart = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const uchar8 c = at(s, i);
        if (c == ':') {
            ++colons;
            if (i + 1 < s.size() && s[i + 1] == ':') {
                if (doubleColon)
                    return false;
                doubleColon = true;
                ++colons;
                ++i;
            }
            if (groupLen > 0)
                ++groups;
            groupLen = 0;
            groupStart = i + 1;
        } else if (isHexDigit(c)) {
            if (++groupLen > 4)
                return false;
        } else if (c == '.') {
            // Embedded IPv4 tail (::ffff:10.0.0.1).
            return colons >= 2 && isIpv4(s.substr(groupStart)) && groups <= 6;
        } else {
            return false;
        }
    }
    if (groupLen > 0)
        ++groups;
    return colons >= 2 && groups <= 8 && (doubleColon || groups == 8);
}

bool isHex(std::string_view s)
{
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        for (std::size_t i = 2; i < s.size(); ++i)
            if (!isHexDigit(at(s, i)))
                return false;
        return true;
    }
    if (s.size() == 17) { // MAC address aa:bb:cc:dd:ee:ff or aa-bb-...
        bool mac = true;
        for (std::size_t i = 0; i < 17 && mac; ++i)
            mac = i % 3 == 2 ? (s[i] == ':' || s[i] == '-') && s[i] == s[2] : isHexDigit(at(s, i));
        if (mac)
            return true;
    }
    if (s.size() < 8)
        return false;
    bool digit = false, letter = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const uchar8 c = at(s, i);
        if (!isHexDigit(c))
            return false;
        (isDigit(c) ? digit : letter) = true;
    }
    return digit && letter;
}

// Optional sign, digits, optional fraction groups (. or ,), optional exponent.
std::size_t scanNumber(std::string_view s, std::size_t i)
{
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        ++i;
    const std::size_t start = i;
    while (i < s.size() && isDigit(at(s, i)))
        ++i;
    if (i == start)
        return std::string_view::npos;
    while (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && isDigit(at(s, i + 1))) {
        ++i;
        while (i < s.size() && isDigit(at(s, i)))
            ++i;
    }
    if (i + 1 < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '-' || s[j] == '+'))
            ++j;
        if (j < s.size() && isDigit(at(s, j))) {
            while (j < s.size() && isDigit(at(s, j)))
                ++j;
            i = j;
        }
    }
    return i;
}

bool isDurationUnit(std::string_view u)
{
    static constexpr std::string_view units[] = { "ns", "us", "\xC2\xB5s", "\xCE\xBCs", "ms", "s", "sec", "secs", "m",
        "min", "mins", "h", "hr", "hrs", "d", "day", "days" };
    for (std::string_view known : units)
        if (u == known)
            return true;
    return false;
}

// One or more number+unit pairs: "12ms", "1.5s", "3m20s", "250µs".
bool isDuration(std::string_view s)
{
    std::size_t i = 0;
    int pairs = 0;
    while (i < s.size()) {
        if (!isDigit(at(s, i)))
            return false;
        while (i < s.size() && isDigit(at(s, i)))
            ++i;
        if (i + 1 < s.size() && s[i] == '.' && isDigit(at(s, i + 1))) {
            ++i;
            while (i < s.size() && isDigit(at(s, i)))
                ++i;
        }
        const std::size_t unitStart = i;
        while (i < s.size() && !isDigit(at(s, i)) && (isAlpha(at(s, i)) || at(s, i) >= 0x80))
            ++i;
        if (!isDurationUnit(s.substr(unitStart, i - unitStart)))
            return false;
        ++pairs;
    }
    return pairs > 0;
}

bool isSizeUnit(std::string_view u)
{
    static constexpr std::string_view units[]
        = { "%", "B", "b", "K", "k", "M", "G", "T", "KB", "kB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "bytes" };
    for (std::string_view known : units)
        if (u == known)
            return true;
    return false;
}

bool isNumber(std::string_view s)
{
    const std::size_t end = scanNumber(s, 0);
    return end != std::string_view::npos && (end == s.size() || isSizeUnit(s.substr(end)));
}

// Absolute or explicitly relative paths, Windows drive and UNC paths, URLs.
bool isPath(std::string_view s)
{
    if (s.size() < 2)
        return false;
    if (s[0] == '/')
        return s.find_first_not_of('/') != std::string_view::npos;
    if (s.starts_with("./") || s.starts_with("../") || s.starts_with("~/") || s.starts_with("\\\\"))
        return true;
    if (s.size() >= 3 && isAlpha(at(s, 0)) && s[1] == ':' && (s[2] == '\\' || s[2] == '/'))
        return true;
    if (const std::size_t scheme = s.find("://"); scheme != std::string_view::npos && scheme > 0) {
        for (std::size_t i = 0; i < scheme; ++i)
            if (!isAlpha(at(s, i)) && s[i] != '+' && s[i] != '-' && s[i] != '.')
                return false;
        return true;
    }
    return false;
}

inline char *put(char *out, std::string_view s)
{
    std::memcpy(out, s.data(), s.size());
    return out + s.size();
}

} // namespace

unsigned LogMasker::Rules::bits() const
{
    return unsigned(numbers) | unsigned(ids) << 1 | unsigned(ipAddresses) << 2 | unsigned(uuids) << 3
        | unsigned(hex) << 4 | unsigned(paths) << 5 | unsigned(durations) << 6 | unsigned(timestamps) << 7
        | unsigned(typedPlaceholders) << 8;
}

LogMasker::Rules LogMasker::Rules::fromBits(unsigned b)
{
    Rules r;
    r.numbers = b & 1u;
    r.ids = b & 2u;
    r.ipAddresses = b & 4u;
    r.uuids = b & 8u;
    r.hex = b & 16u;
    r.paths = b & 32u;
    r.durations = b & 64u;
    r.timestamps = b & 128u;
    r.typedPlaceholders = b & 256u;
    return r;
}

LogMasker::LogMasker()
    : LogMasker(Rules {})
{
}

LogMasker::LogMasker(Rules rules)
    : m_rules(rules)
{
}

std::string_view LogMasker::placeholder(LogMaskKind kind, bool typed)
{
    if (!typed)
        return wildcard();
    switch (kind) {
    case LogMaskKind::None:
        return wildcard();
    case LogMaskKind::Number:
        return "<NUM>";
    case LogMaskKind::Id:
        return "<ID>";
    case LogMaskKind::Ipv4:
        return "<IP>";
    case LogMaskKind::Ipv6:
        return "<IP>";
    case LogMaskKind::Uuid:
        return "<UUID>";
    case LogMaskKind::Hex:
        return "<HEX>";
    case LogMaskKind::Path:
        return "<PATH>";
    case LogMaskKind::Duration:
        return "<DUR>";
    case LogMaskKind::Timestamp:
        return "<TS>";
    }
    return wildcard();
}

LogMaskKind LogMasker::classify(std::string_view s) const
{
    if (s.empty())
        return LogMaskKind::None;
    const uchar8 c0 = at(s, 0);
    if (isDigit(c0) || ((c0 == '-' || c0 == '+') && s.size() > 1 && isDigit(at(s, 1)))) {
        if (m_rules.uuids && isUuid(s))
            return LogMaskKind::Uuid;
        if (m_rules.ipAddresses && isIpv4(s))
            return LogMaskKind::Ipv4;
        if (m_rules.timestamps && isDigit(c0) && isTimestamp(s))
            return LogMaskKind::Timestamp;
        if (m_rules.ipAddresses && isIpv6(s))
            return LogMaskKind::Ipv6;
        if (m_rules.hex && isHex(s))
            return LogMaskKind::Hex;
        if (m_rules.durations && isDigit(c0) && isDuration(s))
            return LogMaskKind::Duration;
        if (m_rules.numbers && isNumber(s))
            return LogMaskKind::Number;
        return LogMaskKind::None;
    }
    if (m_rules.paths && isPath(s))
        return LogMaskKind::Path;
    if (isHexDigit(c0) || c0 == ':') {
        if (m_rules.uuids && isUuid(s))
            return LogMaskKind::Uuid;
        if (m_rules.ipAddresses && isIpv6(s))
            return LogMaskKind::Ipv6;
        if (m_rules.hex && isHex(s))
            return LogMaskKind::Hex;
    }
    return LogMaskKind::None;
}

LogMasker::Token LogMasker::maskToken(std::string_view token, char *buffer) const
{
    // Fast path: most tokens are plain words (no digit, no slash) and stay as they are.
    bool digit = false, slash = false;
    for (const char ch : token) {
        const uchar8 c = static_cast<uchar8>(ch);
        digit |= isDigit(c);
        slash |= c == '/' || c == '\\';
    }
    if (!digit && !(slash && m_rules.paths))
        return { token, false, false };

    std::size_t begin = 0, end = token.size();
    while (begin < end && isLeadingPunct(at(token, begin)))
        ++begin;
    while (end > begin && isTrailingPunct(at(token, end - 1)))
        --end;
    // Bracketed IPv6 with a port: "[::1]:8080".
    if (m_rules.ipAddresses && token[0] == '[' && end > 1) {
        const std::string_view inner = token.substr(1, end - 1);
        const std::size_t close = inner.find(']');
        std::size_t i = close + 1;
        if (close != std::string_view::npos && isIpv6(inner.substr(0, close))
            && (i == inner.size() || (inner[i] == ':' && digits(inner, ++i, 5) && i == inner.size()))) {
            char *out = put(put(buffer, placeholder(LogMaskKind::Ipv6, m_rules.typedPlaceholders)), token.substr(end));
            return { std::string_view(buffer, std::size_t(out - buffer)), true, true };
        }
    }
    const std::string_view prefix = token.substr(0, begin);
    const std::string_view core = token.substr(begin, end - begin);
    const std::string_view suffix = token.substr(end);
    const bool typed = m_rules.typedPlaceholders;

    if (LogMaskKind kind = classify(core); kind != LogMaskKind::None) {
        char *out = put(put(put(buffer, prefix), placeholder(kind, typed)), suffix);
        return { std::string_view(buffer, std::size_t(out - buffer)), true, true };
    }

    // key=value: mask a recognised value whole ("path=/a/b", "ip=10.0.0.1").
    if (const std::size_t eq = core.find('='); eq != std::string_view::npos && eq > 0 && eq + 1 < core.size()) {
        if (LogMaskKind kind = classify(core.substr(eq + 1)); kind != LogMaskKind::None) {
            char *out = put(put(put(put(buffer, prefix), core.substr(0, eq + 1)), placeholder(kind, typed)), suffix);
            return { std::string_view(buffer, std::size_t(out - buffer)), true, true };
        }
    }

    if (!m_rules.numbers && !m_rules.ids)
        return { token, false, digit };

    // Digit-bearing words, in place.
    char *out = buffer;
    bool masked = false, keptWord = false, onlyNumbers = true, digitLeft = false;
    std::size_t i = 0;
    const std::size_t n = token.size();
    while (i < n) {
        if (!isWord(at(token, i))) {
            *out++ = token[i++];
            continue;
        }
        std::size_t j = i;
        bool runDigit = false, runAlpha = false;
        for (; j < n && isWord(at(token, j)); ++j)
            (isDigit(at(token, j)) ? runDigit : runAlpha) = true;
        // A decimal number is one value: "1.1" in "HTTP/1.1", "3,5" in "took 3,5".
        while (
            runDigit && !runAlpha && j + 1 < n && (token[j] == '.' || token[j] == ',') && isDigit(at(token, j + 1))) {
            std::size_t k = j + 1;
            while (k < n && isDigit(at(token, k)))
                ++k;
            if (k < n && isWord(at(token, k)))
                break;
            j = k;
        }
        const bool maskIt = runDigit && (runAlpha ? m_rules.ids : m_rules.numbers);
        if (maskIt) {
            // A sign that does not follow a word belongs to the number ("blk_-42", "(-3)").
            if (!runAlpha && i > 0 && (token[i - 1] == '-' || token[i - 1] == '+')
                && (i < 2 || !isWord(at(token, i - 2))))
                --out;
            out = put(out, placeholder(runAlpha ? LogMaskKind::Id : LogMaskKind::Number, typed));
            masked = true;
            onlyNumbers = onlyNumbers && !runAlpha;
        } else {
            out = put(out, token.substr(i, j - i));
            keptWord = true;
            digitLeft |= runDigit;
        }
        i = j;
    }
    if (!masked)
        return { token, false, digit };
    if (!keptWord) {
        // Only placeholders and punctuation left in the core: one placeholder ("1.2.3", "10:20-30").
        const LogMaskKind kind = onlyNumbers ? LogMaskKind::Number : LogMaskKind::Id;
        out = put(put(put(buffer, prefix), placeholder(kind, typed)), suffix);
    }
    return { std::string_view(buffer, std::size_t(out - buffer)), true, true };
}

QString LogMasker::maskLine(QStringView line) const
{
    const QByteArray utf8 = line.toUtf8();
    const std::string_view s(utf8.constData(), std::size_t(utf8.size()));
    QByteArray result;
    QByteArray buffer(qsizetype(bufferSize(s.size())), Qt::Uninitialized);
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
            ++i;
        const std::size_t start = i;
        while (i < s.size() && !(s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
            ++i;
        if (i == start)
            break;
        const Token t = maskToken(s.substr(start, i - start), buffer.data());
        if (!result.isEmpty())
            result += ' ';
        result.append(t.text.data(), qsizetype(t.text.size()));
    }
    return QString::fromUtf8(result);
}

} // namespace ttalkak::core
