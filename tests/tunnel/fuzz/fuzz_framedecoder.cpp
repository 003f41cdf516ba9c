// libFuzzer target: FrameDecoder on arbitrary bytes, fed in two arbitrary pieces. It must never
// crash, never hand out a frame larger than the limit, and decode a re-encoded frame identically.

#include <tunnel/frame.h>
#include <tunnel/framedecoder.h>

#include <cstdint>
#include <cstdlib>

using namespace ttalkak::tunnel;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const size_t split = data[0] % (size + 1);
    const char *bytes = reinterpret_cast<const char *>(data);
    FrameDecoder decoder(4096);
    decoder.append(bytes, qsizetype(split));
    decoder.append(bytes + split, qsizetype(size - split));
    while (auto frame = decoder.next()) {
        if (frame->payload.size() > 4096)
            abort();
        FrameDecoder again(4096);
        again.append(encodeFrame(*frame));
        auto copy = again.next();
        if (!copy || copy->payload != frame->payload || copy->stream != frame->stream || copy->type != frame->type)
            abort();
    }
    return 0;
}
