#include "pagecache.h"

namespace ttalkak::relay {

const QByteArray *PageCache::find(const QString &owner, const QString &key, qint64 nowMs) const
{
    const auto o = m_entries.constFind(owner);
    if (o == m_entries.cend())
        return nullptr;
    const auto e = o->constFind(key);
    if (e == o->cend() || nowMs - e->storedAt > m_ttlMs)
        return nullptr;
    return &e->body;
}

void PageCache::insert(const QString &owner, const QString &key, const QByteArray &body, qint64 nowMs)
{
    if (m_size >= m_maxEntries) {
        m_entries.clear();
        m_size = 0;
    }
    auto &pages = m_entries[owner];
    if (!pages.contains(key))
        ++m_size;
    pages.insert(key, {body, nowMs});
}

} // namespace ttalkak::relay
