#include "logdemuxer.h"

#include <QtEndian>

namespace ttalkak::docker {

using core::Error;
using core::ErrorCode;

namespace {
constexpr int kHeader = 8;
constexpr qsizetype kMaxLine = 1024 * 1024; // longer lines are cut into pieces of this size

bool looksLikeHeader(QByteArrayView h)
{
    return h.size() >= 4 && quint8(h[0]) <= 2 && h[1] == 0 && h[2] == 0 && h[3] == 0;
}
} // namespace

LogDemuxer::LogDemuxer(Mode mode, bool timestamps)
    : m_mode(mode)
    , m_timestamps(timestamps)
{
}

void LogDemuxer::splitTimestamp(LogLine &line)
{
    const qsizetype sp = line.text.indexOf(' ');
    if (sp < 20)
        return;
    const QByteArrayView ts = QByteArrayView(line.text).first(sp);
    // Qt parses at most milliseconds; drop the rest of the fraction before parsing.
    QByteArray trimmed = ts.toByteArray();
    const qsizetype dot = trimmed.indexOf('.');
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < trimmed.size() && trimmed.at(end) >= '0' && trimmed.at(end) <= '9')
            ++end;
        const QByteArray frac = trimmed.mid(dot + 1, std::min<qsizetype>(3, end - dot - 1));
        trimmed = trimmed.left(dot + 1) + frac + trimmed.mid(end);
    }
    const QDateTime dt = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::ISODateWithMs);
    if (!dt.isValid())
        return;
    line.timestamp = dt;
    line.text.remove(0, sp + 1);
}

void LogDemuxer::appendText(LogStream stream, QByteArrayView data, QList<LogLine> &out)
{
    QByteArray &partial = m_partial[int(stream)];
    qsizetype start = 0;
    while (start < data.size()) {
        const qsizetype nl = data.indexOf('\n', start);
        if (nl < 0) {
            partial.append(data.sliced(start));
            if (partial.size() >= kMaxLine) {
                LogLine l { stream, {}, partial };
                partial.clear();
                if (m_timestamps)
                    splitTimestamp(l);
                out.append(std::move(l));
            }
            return;
        }
        LogLine l;
        l.stream = stream;
        l.text = partial + data.sliced(start, nl - start);
        partial.clear();
        if (l.text.endsWith('\r'))
            l.text.chop(1);
        if (m_timestamps)
            splitTimestamp(l);
        out.append(std::move(l));
        start = nl + 1;
    }
}

core::Result<void> LogDemuxer::feed(QByteArrayView data, QList<LogLine> &out)
{
    if (m_broken)
        return Error(ErrorCode::InvalidInput, QStringLiteral("malformed log stream"));
    while (!data.isEmpty()) {
        if (m_mode == Mode::Auto) {
            // Needs 4 bytes to tell; with a TTY a program's first output cannot be "\1\0\0\0".
            // In multiplexed mode those 4 bytes stay in m_header as the start of the first frame.
            const qsizetype need = 4 - m_header.size();
            m_header.append(data.first(std::min(need, data.size())));
            data = data.sliced(std::min(need, data.size()));
            if (m_header.size() < 4)
                return core::ok();
            m_mode = looksLikeHeader(m_header) ? Mode::Multiplexed : Mode::Raw;
            if (m_mode == Mode::Raw) {
                const QByteArray head = m_header;
                m_header.clear();
                appendText(LogStream::Stdout, head, out);
            }
            continue;
        }
        if (m_mode == Mode::Raw) {
            appendText(LogStream::Stdout, data, out);
            return core::ok();
        }
        if (m_frameLeft == 0) {
            const qsizetype need = kHeader - m_header.size();
            m_header.append(data.first(std::min(need, data.size())));
            data = data.sliced(std::min(need, data.size()));
            if (m_header.size() < kHeader)
                return core::ok();
            if (!looksLikeHeader(m_header)) {
                m_broken = true;
                return Error(ErrorCode::InvalidInput, QStringLiteral("malformed log stream: bad frame header"));
            }
            m_frameStream = LogStream(quint8(m_header[0]));
            m_frameLeft = qFromBigEndian<quint32>(m_header.constData() + 4);
            m_header.clear();
            ++m_frames;
            continue;
        }
        const qsizetype n = std::min<qsizetype>(m_frameLeft, data.size());
        appendText(m_frameStream, data.first(n), out);
        m_frameLeft -= quint32(n);
        data = data.sliced(n);
    }
    return core::ok();
}

void LogDemuxer::flush(QList<LogLine> &out)
{
    if (m_mode == Mode::Auto && !m_header.isEmpty()) {
        appendText(LogStream::Stdout, m_header, out);
        m_header.clear();
    }
    for (int s = 0; s < 3; ++s) {
        if (m_partial[s].isEmpty())
            continue;
        LogLine l { LogStream(s), {}, m_partial[s] };
        m_partial[s].clear();
        if (m_timestamps)
            splitTimestamp(l);
        out.append(std::move(l));
    }
}

} // namespace ttalkak::docker
