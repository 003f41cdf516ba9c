#pragma once
// LogBuffer: the last lines of one container's output, bounded by line count and by bytes so a
// chatty container cannot grow the provider's memory. Oldest lines are dropped first.

#include <QList>
#include <QString>

#include <deque>

namespace ttalkak::provider {

struct LogEntry
{
    QString text;
    bool stderrStream = false;
};

class LogBuffer
{
public:
    explicit LogBuffer(int maxLines = 2000, qint64 maxBytes = 1024 * 1024);

    void append(const LogEntry &entry);
    int size() const { return int(m_lines.size()); }
    qint64 bytes() const { return m_bytes; }
    qint64 dropped() const { return m_dropped; }
    QList<LogEntry> lines() const;
    // Lines longer than this are cut (a single 100 MB line must not fill the buffer).
    static constexpr int kMaxLineChars = 4096;

private:
    int m_maxLines;
    qint64 m_maxBytes;
    std::deque<LogEntry> m_lines;
    qint64 m_bytes = 0;
    qint64 m_dropped = 0;
};

} // namespace ttalkak::provider
