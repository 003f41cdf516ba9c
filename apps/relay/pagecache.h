#pragma once
// PageCache: rendered JSON pages of per-owner lists (the project list is read far more often
// than written). Entries are dropped per owner on every write by that owner, and all at once
// when the cache is full. Single-threaded, single relay: a second relay on the same PostgreSQL
// would need a short TTL instead (ttlMs), which is why there is one.

#include <QByteArray>
#include <QHash>
#include <QString>

namespace ttalkak::relay {

class PageCache
{
public:
    explicit PageCache(int maxEntries = 20000, qint64 ttlMs = 2000) : m_maxEntries(maxEntries), m_ttlMs(ttlMs) {}

    // nullptr when absent or stale.
    const QByteArray *find(const QString &owner, const QString &key, qint64 nowMs) const;
    void insert(const QString &owner, const QString &key, const QByteArray &body, qint64 nowMs);
    void invalidate(const QString &owner) { m_entries.remove(owner); }

private:
    struct Entry
    {
        QByteArray body;
        qint64 storedAt = 0;
    };
    int m_maxEntries;
    qint64 m_ttlMs;
    int m_size = 0;
    QHash<QString, QHash<QString, Entry>> m_entries; // owner -> key -> page
};

} // namespace ttalkak::relay
