#pragma once
// FrameDecoder: turns a byte stream into Frames. Pure (no I/O), fuzzed by fuzz_framedecoder.
//
//   decoder.append(socket->readAll());
//   while (auto frame = decoder.next()) handle(*frame);
//   if (decoder.hasError()) abort(decoder.errorString());
//
// Once an error is seen (unknown type, payload above the limit) the decoder stays failed: the
// connection must be closed, as the frame boundaries are lost.

#include "frame.h"

#include <QString>

#include <optional>

class QIODevice;

namespace ttalkak::tunnel {

class FrameDecoder
{
public:
    explicit FrameDecoder(quint32 maxPayload = kDefaultMaxPayload);

    void append(const char *data, qsizetype size);
    void append(const QByteArray &data) { append(data.constData(), data.size()); }
    std::optional<Frame> next();
    // The same, reading straight from a buffered device (a socket without a read-buffer limit):
    // takes a frame only once all of it is there, so the payload is copied once. Do not mix with
    // append() on one decoder.
    std::optional<Frame> readFrom(QIODevice *device);

    void setMaxPayload(quint32 maxPayload) { m_maxPayload = maxPayload; }
    bool hasError() const { return !m_error.isEmpty(); }
    const QString &errorString() const { return m_error; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_offset; }

private:
    // Validates a header; false (and errorString()) when the stream is corrupt.
    bool parseHeader(const char *p, Frame &frame, quint32 &length);

    QByteArray m_buffer;
    qsizetype m_offset = 0;
    quint32 m_maxPayload;
    QString m_error;
};

} // namespace ttalkak::tunnel
