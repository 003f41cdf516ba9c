#include "httprequest.h"

namespace ttalkak::relay {

QByteArray HttpRequest::header(QByteArrayView lowercaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowercaseName)
            return value;
    }
    return {};
}

QString HttpRequest::bearerToken() const
{
    const QByteArray value = header("authorization").trimmed();
    if (value.size() < 8 || qstrnicmp(value.constData(), "bearer ", 7) != 0)
        return {};
    return QString::fromLatin1(value.mid(7).trimmed());
}

} // namespace ttalkak::relay
