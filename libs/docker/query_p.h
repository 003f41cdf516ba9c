#pragma once
// Internal: query strings for the engine. Every value is fully percent-encoded: Go's net/url
// (Go ≥ 1.17) drops any pair containing a raw ';', which QUrlQuery leaves unencoded.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace ttalkak::docker::Internal {

class Query
{
public:
    void add(const char *key, const QString &value)
    {
        if (!m_data.isEmpty())
            m_data += '&';
        m_data += QByteArray(key) + '=' + QUrl::toPercentEncoding(value);
    }
    const QByteArray &encoded() const { return m_data; }
    // "path?query", or just path when empty.
    QByteArray appendTo(const QByteArray &path) const { return m_data.isEmpty() ? path : path + '?' + m_data; }

private:
    QByteArray m_data;
};

} // namespace ttalkak::docker::Internal
