#pragma once
// LogMasker: replaces the variable parts of one log token (numbers, ids, IP addresses, UUIDs,
// hex values, paths, durations, timestamps) with a placeholder, before template mining.
//
//   LogMasker masker;                                  // every rule on, "<*>" placeholders
//   char buf[LogMasker::bufferSize(token.size())];
//   LogMasker::Token t = masker.maskToken(token, buf); // "blk_-1608999687919862906" -> "blk_<*>"
//
// Hand-written scanners, not QRegularExpression: masking runs on every token of every line and
// must cost a few nanoseconds per token (see docs/benchmarks.md). The rules are heuristics,
// documented per function in logmasker.cpp; each can be switched off in Rules.
//
// Thread: stateless after construction; const methods may be called from any thread.

#include <QString>
#include <QStringView>

#include <cstddef>
#include <string_view>

namespace ttalkak::core {

// What a masked span was recognised as (the typed placeholder names it).
enum class LogMaskKind : unsigned char {
    None,
    Number, // 42, -3.5, 1e9, 80%, 512MB
    Id, // a word mixing letters and digits: blk_<id>, R02, container_01_000002
    Ipv4, // 10.0.0.1, 10.0.0.1:8080, 10.0.0.0/8
    Ipv6, // ::1, fe80::1%eth0, 2001:db8::1
    Uuid, // 123e4567-e89b-12d3-a456-426614174000
    Hex, // 0x7fff, deadbeef42 (8+ hex digits with a digit and a letter), MAC addresses
    Path, // /var/log/x, ./a, ../a, ~/a, C:\x, file:///a, https://host/a
    Duration, // 12ms, 1.5s, 3m20s, 250µs
    Timestamp, // 2015-10-18, 18:01:47,978, 2015-10-18T18:01:47.123Z, 2005-06-03-15.42.50.675872
};

class LogMasker
{
public:
    struct Rules
    {
        bool numbers = true;
        bool ids = true;
        bool ipAddresses = true;
        bool uuids = true;
        bool hex = true;
        bool paths = true;
        bool durations = true;
        bool timestamps = true;
        // "<NUM>", "<IP>", ... instead of "<*>" for every kind.
        bool typedPlaceholders = false;

        friend bool operator==(const Rules &, const Rules &) = default;
        // Compact encoding for snapshots.
        unsigned bits() const;
        static Rules fromBits(unsigned bits);
    };

    struct Token
    {
        std::string_view text; // the token itself when nothing was masked, else a view into the buffer
        bool masked = false; // at least one span was replaced
        bool variable = false; // masked, or still holds a digit (routing treats it as a parameter)
    };

    LogMasker();
    explicit LogMasker(Rules rules);

    const Rules &rules() const { return m_rules; }

    // Room `buffer` must have for a token of `tokenSize` bytes.
    static constexpr std::size_t bufferSize(std::size_t tokenSize) { return 3 * tokenSize + 16; }

    // Masks one whitespace-free UTF-8 token into `buffer` (bufferSize(token.size()) bytes).
    Token maskToken(std::string_view token, char *buffer) const;

    // Whole-token classification (after surrounding punctuation is stripped); None if no rule
    // recognises the whole token. Used by maskToken and by tests.
    LogMaskKind classify(std::string_view core) const;

    // Convenience (tests, CLI): masks every whitespace-separated token, joined by one space.
    QString maskLine(QStringView line) const;

    static std::string_view placeholder(LogMaskKind kind, bool typed);
    static constexpr std::string_view wildcard() { return "<*>"; }

private:
    Rules m_rules;
};

} // namespace ttalkak::core
