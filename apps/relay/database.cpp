#include "database.h"

#include "logging.h"
#include "migrations.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {

Error sqlError(const QSqlError &e, const QString &context)
{
    const ErrorCode code = e.type() == QSqlError::ConnectionError ? ErrorCode::Unavailable : ErrorCode::Io;
    return Error(code, context + u": "_s + e.text());
}

QString connectionName()
{
    static QAtomicInt counter;
    return u"ttalkak-relay-"_s + QString::number(counter.fetchAndAddRelaxed(1));
}

} // namespace

core::Error Database::notFound(const QString &text)
{
    return core::Error(core::ErrorCode::NotFound, text);
}

qint64 Database::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Result<std::unique_ptr<Database>> Database::open(const QString &url)
{
    std::unique_ptr<Database> self(new Database);
    self->m_name = connectionName();
    if (url.startsWith(u"sqlite:")) {
        const QString path = url.mid(7);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return Error(ErrorCode::Io, QCoreApplication::translate("Database", "cannot create the data directory"), path);
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, self->m_name);
        db.setDatabaseName(path);
        // The SQLite busy timeout bounds every wait on the file lock.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        self->m_dialect = Dialect::Sqlite;
        self->m_description = u"sqlite:"_s + path;
        if (!db.open())
            return sqlError(db.lastError(), QCoreApplication::translate("Database", "cannot open SQLite database"));
        // WAL: readers never block the writer. synchronous=NORMAL is durable across a crash of the
        // relay process (kill -9); only an OS crash/power loss may drop the last transactions.
        for (const QString &pragma : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s}) {
            QSqlQuery q(db);
            if (!q.exec(pragma))
                return sqlError(q.lastError(), pragma);
        }
    } else if (url.startsWith(u"postgres://") || url.startsWith(u"postgresql://")) {
        const QUrl u(url);
        if (!u.isValid() || u.host().isEmpty())
            return Error(ErrorCode::InvalidInput, QCoreApplication::translate("Database", "malformed PostgreSQL URL"));
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, self->m_name);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setPassword(u.password());
        db.setDatabaseName(u.path().mid(1));
        QStringList options{u"connect_timeout=10"_s};
        const QUrlQuery query(u);
        if (query.hasQueryItem(u"sslmode"_s))
            options << u"sslmode="_s + query.queryItemValue(u"sslmode"_s);
        db.setConnectOptions(options.join(u';'));
        self->m_dialect = Dialect::Postgres;
        self->m_description = u"postgres://"_s + u.host() + u':' + QString::number(u.port(5432)) + u.path();
        if (!db.open())
            return sqlError(db.lastError(), QCoreApplication::translate("Database", "cannot connect to PostgreSQL"));
        QSqlQuery q(db);
        q.exec(u"SET client_min_messages TO WARNING"_s);
    } else {
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("Database", "unsupported database URL \"%1\"").arg(url));
    }
    qCInfo(lcStore).noquote() << "store opened" << (u"backend="_s + self->m_description);
    return self;
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_name, false);
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q.lastError(), u"prepare"_s);
    for (const QVariant &v : binds) {
        // A null QString means "empty text" here; SQL NULL is spelled QVariant().
        if (v.metaType().id() == QMetaType::QString && v.toString().isNull())
            q.addBindValue(QString(u""_s));
        else
            q.addBindValue(v);
    }
    if (!q.exec()) {
        qCWarning(lcStore).noquote() << "query failed" << q.lastError().text() << sql.left(200);
        const QString nativeCode = q.lastError().nativeErrorCode();
        // 23505 (PostgreSQL) / 2067, 1555 (SQLite): unique constraint violated.
        if (nativeCode == u"23505" || nativeCode == u"2067" || nativeCode == u"1555" || nativeCode == u"19")
            return Error(ErrorCode::InvalidInput, u"conflict: "_s + q.lastError().databaseText());
        return sqlError(q.lastError(), u"query"_s);
    }
    return q;
}

Result<int> Database::execCount(const QString &sql, const QVariantList &binds) const
{
    auto q = exec(sql, binds);
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<void> Database::begin()
{
    QSqlDatabase db = connection();
    if (!db.transaction())
        return sqlError(db.lastError(), u"begin"_s);
    return {};
}

Result<void> Database::commit()
{
    QSqlDatabase db = connection();
    if (!db.commit())
        return sqlError(db.lastError(), u"commit"_s);
    return {};
}

void Database::rollback()
{
    QSqlDatabase db = connection();
    if (!db.rollback())
        qCWarning(lcStore) << "rollback failed" << db.lastError().text();
}

int Database::schemaVersion() const
{
    auto q = exec(u"SELECT MAX(version) FROM schema_migrations"_s);
    if (!q || !q->next())
        return 0;
    return q->value(0).toInt();
}

Result<void> Database::migrate()
{
    {
        QSqlQuery q(connection());
        if (!q.exec(u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                    "description TEXT NOT NULL, applied_at BIGINT NOT NULL)"_s))
            return sqlError(q.lastError(), u"schema_migrations"_s);
    }
    for (const Migration &m : migrations()) {
        auto applied = transaction<bool>([&]() -> Result<bool> {
            if (m_dialect == Dialect::Postgres) {
                // Several relays may start at once against one PostgreSQL: serialise migrations.
                if (auto l = exec(u"SELECT pg_advisory_xact_lock(7007001)"_s); !l)
                    return l.error();
            }
            if (schemaVersion() >= m.version)
                return false;
            const QStringList statements = m.statements(m_dialect);
            for (const QString &sql : statements) {
                QSqlQuery q(connection());
                if (!q.exec(sql))
                    return sqlError(q.lastError(), u"migration %1"_s.arg(m.version));
            }
            if (auto r = exec(u"INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"_s,
                              {m.version, m.description, nowMs()});
                !r)
                return r.error();
            return true;
        });
        if (!applied)
            return applied.error();
        if (*applied)
            qCInfo(lcStore).noquote() << "migration applied" << (u"version="_s + QString::number(m.version))
                                      << (u"name="_s + QString(m.description).replace(u' ', u'-'));
    }
    return {};
}

} // namespace ttalkak::relay
