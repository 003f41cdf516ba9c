#pragma once
// Knobs shared by both ends of a tunnel connection. Defaults suit the internet; tests shrink them.

#include "frame.h"

namespace ttalkak::tunnel {

struct TunnelOptions
{
    int pingIntervalMs = 15000; // send a Ping after this long without hearing from the peer
    int idleTimeoutMs = 45000; // declare the connection dead after this long of silence
    int handshakeTimeoutMs = 10000;
    quint32 initialWindow = 64 * 1024; // per stream, per direction; what a slow reader can cost
    quint32 maxWindow = 2 * 1024 * 1024; // a stream whose reader keeps up grows its window to this
    quint32 maxPayload = kDefaultMaxPayload;
    quint32 dataChunk = 512 * 1024; // largest Data frame we send
    int maxStreams = 8192; // per connection; Open beyond it is refused
};

} // namespace ttalkak::tunnel
