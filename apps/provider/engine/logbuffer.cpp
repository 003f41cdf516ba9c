#include "logbuffer.h"

namespace ttalkak::provider {

LogBuffer::LogBuffer(int maxLines, qint64 maxBytes)
    : m_maxLines(qMax(1, maxLines))
    , m_maxBytes(qMax<qint64>(kMaxLineChars * 2, maxBytes))
{
}

void LogBuffer::append(const LogEntry &entry)
{
    LogEntry e = entry;
    if (e.text.size() > kMaxLineChars) {
        e.text.truncate(kMaxLineChars);
        e.text += QStringLiteral(" [...]");
    }
    m_bytes += e.text.size() * qint64(sizeof(QChar));
    m_lines.push_back(std::move(e));
    while (int(m_lines.size()) > m_maxLines || (m_bytes > m_maxBytes && m_lines.size() > 1)) {
        m_bytes -= m_lines.front().text.size() * qint64(sizeof(QChar));
        m_lines.pop_front();
        ++m_dropped;
    }
}

QList<LogEntry> LogBuffer::lines() const
{
    return QList<LogEntry>(m_lines.cbegin(), m_lines.cend());
}

} // namespace ttalkak::provider
