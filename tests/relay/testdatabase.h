#pragma once
// TestDatabase: a fresh, empty store for one test, on the backend chosen by the environment:
//   TTALKAK_RELAY_TEST_BACKEND=sqlite (default) -> a file in a temporary directory
//   TTALKAK_RELAY_TEST_BACKEND=postgres         -> a new database on TTALKAK_TEST_PG_URL,
//                                                  dropped again by the destructor
// When PostgreSQL is wanted but TTALKAK_TEST_PG_URL is unset, available() is false and
// skipReason() says why; with TTALKAK_REQUIRE_POSTGRES=1 the test must fail instead.

#include <QString>
#include <QTemporaryDir>

class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();

    static bool wantsPostgres();
    static bool postgresRequired();
    bool available() const { return !m_url.isEmpty(); }
    QString skipReason() const { return m_reason; }
    // URL for Database::open() / the relay's --db flag.
    QString url() const { return m_url; }
    QString dataDir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QString m_url;
    QString m_reason;
    QString m_pgDatabase;
};

// In a test function: fail or skip when the backend is missing.
#define REQUIRE_TEST_DATABASE(db)                                                                  \
    do {                                                                                           \
        if (!(db).available()) {                                                                   \
            if (TestDatabase::postgresRequired())                                                  \
                QFAIL(qPrintable((db).skipReason()));                                              \
            QSKIP(qPrintable((db).skipReason()));                                                  \
        }                                                                                          \
    } while (false)
