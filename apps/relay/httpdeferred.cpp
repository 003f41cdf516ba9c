#include "httpdeferred.h"

namespace ttalkak::relay {

void HttpDeferred::finish(const HttpResponse &response)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(response);
}

} // namespace ttalkak::relay
