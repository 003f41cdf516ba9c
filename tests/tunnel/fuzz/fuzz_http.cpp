// libFuzzer target: the ingress's HTTP parsing (RequestRewriter on client bytes, ResponseObserver
// on deployment bytes), fed in two arbitrary pieces. Invariants: no crash; bytes accounted to
// finished requests never exceed the input; a rejected request stays rejected.

#include <tunnel/requestrewriter.h>
#include <tunnel/responseobserver.h>

#include <cstdint>
#include <cstdlib>

using namespace ttalkak::tunnel;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const size_t split = data[0] % (size + 1);
    const char *bytes = reinterpret_cast<const char *>(data);

    RequestRewriter rw("192.0.2.1", "https");
    QByteArray out;
    const bool ok1 = rw.feed(bytes, qsizetype(split), out);
    const bool ok2 = ok1 && rw.feed(bytes + split, qsizetype(size - split), out);
    qint64 accounted = 0;
    for (qint64 n : rw.takeCompleted())
        accounted += n;
    if (accounted > qint64(size) || (ok1 && !ok2 && !rw.hasError()))
        abort();
    if (!ok2 && rw.errorStatus() != 400 && rw.errorStatus() != 431)
        abort();
    const QList<RequestRewriter::Head> heads = rw.takeHeads();
    for (const auto &h : heads) {
        if (h.outputOffset > out.size())
            abort();
    }

    ResponseObserver obs;
    obs.expectRequest(size % 2 ? "HEAD" : "GET");
    obs.expectRequest("GET");
    obs.feed(bytes, qsizetype(split));
    obs.feed(bytes + split, qsizetype(size - split));
    obs.finish();
    qint64 responses = 0;
    for (const auto &r : obs.takeCompleted())
        responses += r.bytes;
    if (responses > qint64(size))
        abort();
    return 0;
}
