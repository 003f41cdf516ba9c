#include "framedecoder.h"

#include <QIODevice>
#include <QtEndian>

namespace ttalkak::tunnel {

using namespace Qt::StringLiterals;

FrameDecoder::FrameDecoder(quint32 maxPayload)
    : m_maxPayload(maxPayload)
{
}

void FrameDecoder::append(const char *data, qsizetype size)
{
    if (hasError() || size <= 0)
        return;
    // Compact lazily so a long run of small frames does not move memory on every frame.
    if (m_offset > 0 && (m_offset == m_buffer.size() || m_offset > 64 * 1024)) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(data, size);
}

bool FrameDecoder::parseHeader(const char *p, Frame &frame, quint32 &length)
{
    const auto type = static_cast<quint8>(p[0]);
    if (!isKnownFrameType(type)) {
        m_error = u"unknown frame type 0x%1"_s.arg(type, 2, 16, QLatin1Char('0'));
        return false;
    }
    length = qFromBigEndian<quint32>(p + 6);
    if (length > m_maxPayload) {
        m_error = u"frame payload of %1 bytes exceeds the limit of %2"_s.arg(length).arg(m_maxPayload);
        return false;
    }
    frame.type = static_cast<FrameType>(type);
    frame.flags = static_cast<quint8>(p[1]);
    frame.stream = qFromBigEndian<quint32>(p + 2);
    return true;
}

std::optional<Frame> FrameDecoder::next()
{
    if (hasError() || bufferedBytes() < kFrameHeaderSize)
        return std::nullopt;
    const char *p = m_buffer.constData() + m_offset;
    Frame frame;
    quint32 length = 0;
    if (!parseHeader(p, frame, length))
        return std::nullopt;
    if (bufferedBytes() < kFrameHeaderSize + qsizetype(length))
        return std::nullopt;
    frame.payload = QByteArray(p + kFrameHeaderSize, qsizetype(length));
    m_offset += kFrameHeaderSize + qsizetype(length);
    if (m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    }
    return frame;
}

std::optional<Frame> FrameDecoder::readFrom(QIODevice *device)
{
    char header[kFrameHeaderSize];
    if (hasError() || device->peek(header, kFrameHeaderSize) < kFrameHeaderSize)
        return std::nullopt;
    Frame frame;
    quint32 length = 0;
    if (!parseHeader(header, frame, length))
        return std::nullopt;
    if (device->bytesAvailable() < kFrameHeaderSize + qint64(length))
        return std::nullopt;
    device->skip(kFrameHeaderSize);
    if (length > 0)
        frame.payload = device->read(length);
    return frame;
}

} // namespace ttalkak::tunnel
