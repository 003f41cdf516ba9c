#pragma once
// HttpDeferred: a reply that is not ready when the handler returns (the handler waits on another
// server, e.g. an LLM). The handler returns HttpResponse::later(deferred) and calls
// deferred->finish(response) exactly once, later, on the same thread; the connection writes it in
// request order (pipelined requests behind it wait). If the client has gone, finish() is a no-op.
// Whoever finishes it owns a std::shared_ptr to it; the connection holds one too.

#include "httpresponse.h"

#include <QObject>

namespace ttalkak::relay {

class HttpDeferred : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    void finish(const HttpResponse &response);
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void finished(const ttalkak::relay::HttpResponse &response);

private:
    bool m_finished = false;
};

} // namespace ttalkak::relay
