#pragma once
// LogDemuxer: splits the body of /containers/{id}/logs (and attach) into stdout/stderr lines.
// Without a TTY the engine multiplexes: each frame is an 8-byte header [stream, 0, 0, 0,
// size as big-endian uint32] then `size` bytes. With a TTY the body is raw bytes (stdout).
// Frames and lines are independent (a line may span frames, a frame may hold many lines), so
// lines are reassembled per stream. Pure: no I/O, feed it any slicing of the body.

#include <core/result.h>

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace ttalkak::docker {

enum class LogStream { Stdin = 0, Stdout = 1, Stderr = 2 };

struct LogLine
{
    LogStream stream = LogStream::Stdout;
    QDateTime timestamp; // valid when the logs were requested with timestamps
    QByteArray text; // without the trailing newline
};

class LogDemuxer
{
public:
    enum class Mode { Auto, Multiplexed, Raw };
    explicit LogDemuxer(Mode mode = Mode::Auto, bool timestamps = false);

    // Appends every completed line to out. A malformed frame header is InvalidInput; the demuxer
    // is then unusable.
    core::Result<void> feed(QByteArrayView data, QList<LogLine> &out);
    // End of the stream: a last line without '\n' is emitted.
    void flush(QList<LogLine> &out);

    Mode mode() const { return m_mode; }
    qint64 frames() const { return m_frames; }

    // "2024-05-01T10:00:00.123456789Z hello" → timestamp + "hello" (RFC 3339 with nanoseconds).
    static void splitTimestamp(LogLine &line);

private:
    void appendText(LogStream stream, QByteArrayView data, QList<LogLine> &out);

    Mode m_mode;
    bool m_timestamps;
    QByteArray m_header;
    quint32 m_frameLeft = 0;
    LogStream m_frameStream = LogStream::Stdout;
    QByteArray m_partial[3];
    qint64 m_frames = 0;
    bool m_broken = false;
};

} // namespace ttalkak::docker
