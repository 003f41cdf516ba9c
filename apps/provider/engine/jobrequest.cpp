#include "jobrequest.h"

namespace ttalkak::provider {

bool JobRequest::isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > 48 || id.startsWith(u'-'))
        return false;
    return std::all_of(id.cbegin(), id.cend(),
        [](QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'; });
}

} // namespace ttalkak::provider
