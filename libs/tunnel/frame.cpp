#include "frame.h"

#include <QString>
#include <QtEndian>

namespace ttalkak::tunnel {

bool isKnownFrameType(quint8 type)
{
    switch (static_cast<FrameType>(type)) {
    case FrameType::Hello:
    case FrameType::Welcome:
    case FrameType::Reject:
    case FrameType::Open:
    case FrameType::Data:
    case FrameType::Window:
    case FrameType::Fin:
    case FrameType::Reset:
    case FrameType::Ping:
    case FrameType::Pong:
    case FrameType::GoAway:
        return true;
    }
    return false;
}

void appendFrame(QByteArray &out, FrameType type, quint32 stream, const char *payload, quint32 length, quint8 flags)
{
    appendFrameHeader(out, type, stream, length, flags);
    if (length > 0)
        out.append(payload, qsizetype(length));
}

void appendFrameHeader(QByteArray &out, FrameType type, quint32 stream, quint32 length, quint8 flags)
{
    char header[kFrameHeaderSize];
    header[0] = static_cast<char>(type);
    header[1] = static_cast<char>(flags);
    qToBigEndian<quint32>(stream, header + 2);
    qToBigEndian<quint32>(length, header + 6);
    out.append(header, kFrameHeaderSize);
}

QByteArray encodeFrame(const Frame &frame)
{
    QByteArray out;
    out.reserve(kFrameHeaderSize + frame.payload.size());
    appendFrame(out, frame.type, frame.stream, frame.payload.constData(), quint32(frame.payload.size()), frame.flags);
    return out;
}

QByteArray encodeWindow(quint32 increment)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian<quint32>(increment, out.data());
    return out;
}

QByteArray encodeReset(ResetCode code, const QString &reason)
{
    QByteArray out;
    out.append(static_cast<char>(code));
    out.append(reason.toUtf8().left(512));
    return out;
}

} // namespace ttalkak::tunnel
