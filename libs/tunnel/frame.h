#pragma once
// The tunnel wire format (docs/protocol.md, tunnel section): every frame is a 10-byte big-endian header
//   u8 type | u8 flags | u32 stream id | u32 payload length
// followed by the payload. Stream 0 carries connection-level frames (handshake, ping, goaway).
// Written by hand: the format is ours and four fields long; FrameDecoder is fuzzed.

#include <QByteArray>
#include <QtGlobal>

namespace ttalkak::tunnel {

enum class FrameType : quint8 {
    Hello = 0x01, // agent → hub, stream 0: JSON {v, machine, key, conn, win}
    Welcome = 0x02, // hub → agent, stream 0: JSON {v, win, ping}
    Reject = 0x03, // hub → agent, stream 0: UTF-8 reason; the hub closes after it
    Open = 0x10, // hub → agent: JSON {d: deployment, p: port}; opens stream id
    Data = 0x11, // either way: payload bytes, counted against the peer's window
    Window = 0x12, // either way: u32 window increment for the stream
    Fin = 0x13, // either way: the sender will send no more Data on the stream
    Reset = 0x14, // either way: u8 ResetCode + UTF-8 reason; the stream is gone
    Ping = 0x20, // either way, stream 0: 8 opaque bytes, answered by Pong
    Pong = 0x21,
    GoAway = 0x22, // either way, stream 0: the sender is shutting down the connection
};

enum class ResetCode : quint8 {
    Cancelled = 0, // the opener no longer wants the stream
    Refused = 1, // agent: deployment/port not on the allow-list
    ConnectFailed = 2, // agent: the container port did not accept the connection
    FlowControl = 3, // the peer sent more than the window allowed
    Protocol = 4, // malformed frame for this stream
    Gone = 5, // the tunnel connection closed under the stream
};

struct Frame
{
    FrameType type = FrameType::Data;
    quint8 flags = 0;
    quint32 stream = 0;
    QByteArray payload;
};

inline constexpr int kFrameHeaderSize = 10;
inline constexpr quint32 kDefaultMaxPayload = 1024 * 1024;
inline constexpr int kProtocolVersion = 1;

bool isKnownFrameType(quint8 type);
// Appends header + payload to `out` (the connection batches frames into one write).
void appendFrame(
    QByteArray &out, FrameType type, quint32 stream, const char *payload, quint32 length, quint8 flags = 0);
// Only the header: the payload follows separately.
void appendFrameHeader(QByteArray &out, FrameType type, quint32 stream, quint32 length, quint8 flags = 0);
QByteArray encodeFrame(const Frame &frame);
QByteArray encodeWindow(quint32 increment);
QByteArray encodeReset(ResetCode code, const QString &reason);

} // namespace ttalkak::tunnel
