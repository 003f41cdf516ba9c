#pragma once
// HttpBodySink: where a request body goes instead of memory, for the few routes that take large
// bodies (blob uploads). HttpConnection asks its BodySinkProvider once per request head; a sink
// it gets receives the body as it arrives, with its own size limit, and travels with the
// request (HttpRequest::bodySink) to the handler, which reads the outcome from it.
// Thread: the connection's.

#include <QtGlobal>

namespace ttalkak::relay {

class HttpBodySink
{
public:
    virtual ~HttpBodySink() = default;
    // Bodies larger than this are refused with 413 (checked against Content-Length up front).
    virtual qint64 maxBytes() const = 0;
    // A failure (disk full...) is remembered by the sink and reported by the handler; the body
    // is still read to its end so the connection stays usable.
    virtual void write(const char *data, qsizetype size) = 0;
};

} // namespace ttalkak::relay
