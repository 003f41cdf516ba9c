#pragma once
// Database: one Qt SQL connection (QSQLITE in WAL mode, or QPSQL) plus the helpers every store
// uses. The SQL is written once, with `?` placeholders, and runs on both backends.
// Thread: the thread that opened it (Qt SQL connections are per-thread).
//
//   auto db = Database::open(u"sqlite:/var/lib/ttalkak-relay/relay.db"_s);
//   if (!db) return fail(db.error());
//   (*db)->migrate();
//   auto r = (*db)->transaction<int>([&]() -> Result<int> { ... });

#include <core/result.h>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>
#include <type_traits>

namespace ttalkak::relay {

enum class Dialect { Sqlite, Postgres };

class Database
{
public:
    // url: "sqlite:/abs/path.db" or "postgres://user:password@host:port/dbname".
    static core::Result<std::unique_ptr<Database>> open(const QString &url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Dialect dialect() const { return m_dialect; }
    QString describe() const { return m_description; } // for logs; never contains the password
    QSqlDatabase connection() const;

    // Applies every migration newer than the stored schema version, each in its own transaction.
    core::Result<void> migrate();
    int schemaVersion() const;

    // Prepares and runs `sql` with positional binds; the query is positioned before the first row.
    core::Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {}) const;
    // Like exec(), but for statements whose effect must be exactly one row (compare-and-set updates).
    core::Result<int> execCount(const QString &sql, const QVariantList &binds = {}) const;
    // The first row `sql` selects, mapped by `mapper(const QSqlQuery &)`; NotFound with
    // `notFoundText` (already translated: it reaches users) when there is none.
    template<typename Mapper>
    auto fetchOne(const QString &sql, const QVariantList &binds, Mapper &&mapper, const QString &notFoundText) const
        -> core::Result<std::invoke_result_t<Mapper, const QSqlQuery &>>;
    static core::Error notFound(const QString &text);

    // Runs fn between BEGIN and COMMIT; rolls back when fn fails. Nested calls join the outer one.
    template<typename T>
    core::Result<T> transaction(const std::function<core::Result<T>()> &fn);

    static qint64 nowMs();

private:
    Database() = default;
    core::Result<void> begin();
    core::Result<void> commit();
    void rollback();

    QString m_name;
    QString m_description;
    Dialect m_dialect = Dialect::Sqlite;
    int m_depth = 0;
};

template<typename Mapper>
auto Database::fetchOne(const QString &sql, const QVariantList &binds, Mapper &&mapper, const QString &notFoundText) const
    -> core::Result<std::invoke_result_t<Mapper, const QSqlQuery &>>
{
    auto q = exec(sql, binds);
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(notFoundText);
    return std::forward<Mapper>(mapper)(std::as_const(*q));
}

template<typename T>
core::Result<T> Database::transaction(const std::function<core::Result<T>()> &fn)
{
    if (m_depth > 0)
        return fn();
    if (auto b = begin(); !b)
        return b.error();
    ++m_depth;
    core::Result<T> result = fn();
    --m_depth;
    if (!result) {
        rollback();
        return result;
    }
    if (auto c = commit(); !c) {
        rollback();
        return c.error();
    }
    return result;
}

} // namespace ttalkak::relay
