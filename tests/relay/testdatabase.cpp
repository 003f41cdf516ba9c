#include "testdatabase.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace {

bool adminExec(const QString &adminUrl, const QString &sql, QString *error)
{
    const QUrl u(adminUrl);
    const QString name = u"ttalkak-test-admin-"_s + QString::number(QRandomGenerator::global()->generate());
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setPassword(u.password());
        db.setDatabaseName(u.path().mid(1));
        db.setConnectOptions(u"connect_timeout=10"_s);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = q.lastError().text();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

bool TestDatabase::wantsPostgres()
{
    return qEnvironmentVariable("TTALKAK_RELAY_TEST_BACKEND") == u"postgres";
}

bool TestDatabase::postgresRequired()
{
    return wantsPostgres() && qEnvironmentVariable("TTALKAK_REQUIRE_POSTGRES") == u"1";
}

TestDatabase::TestDatabase()
{
    if (!wantsPostgres()) {
        m_url = u"sqlite:"_s + m_dir.filePath(u"relay.db"_s);
        return;
    }
    const QString admin = qEnvironmentVariable("TTALKAK_TEST_PG_URL");
    if (admin.isEmpty()) {
        m_reason = u"TTALKAK_TEST_PG_URL is not set (source scripts/lib/postgres.sh; ttalkak_ensure_postgres)"_s;
        return;
    }
    m_pgDatabase = u"ttk_test_"_s + QString::number(QRandomGenerator::system()->generate64(), 16);
    QString error;
    if (!adminExec(admin, u"CREATE DATABASE "_s + m_pgDatabase, &error)) {
        m_reason = u"cannot create a PostgreSQL test database: "_s + error;
        m_pgDatabase.clear();
        return;
    }
    QUrl u(admin);
    u.setPath(u'/' + m_pgDatabase);
    m_url = u.toString();
}

TestDatabase::~TestDatabase()
{
    if (m_pgDatabase.isEmpty())
        return;
    QString error;
    if (!adminExec(qEnvironmentVariable("TTALKAK_TEST_PG_URL"), u"DROP DATABASE IF EXISTS "_s + m_pgDatabase + u" WITH (FORCE)"_s, &error))
        qWarning("could not drop %s: %s", qPrintable(m_pgDatabase), qPrintable(error));
}
