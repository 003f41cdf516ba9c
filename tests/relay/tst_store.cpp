// The store on SQLite and on a real PostgreSQL (TTALKAK_RELAY_TEST_BACKEND): migrations,
// accounts and tokens, ownership scoping, paging and search, transactions, append-only ledger.
#include "testdatabase.h"

#include <accountstore.h>
#include <database.h>
#include <migrations.h>
#include <passwordhasher.h>
#include <resourcestore.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::relay;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

class TestStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_testDb;
    std::unique_ptr<Database> m_db;

    bool openFresh()
    {
        m_db.reset();
        m_testDb = std::make_unique<TestDatabase>();
        if (!m_testDb->available())
            return false;
        auto db = Database::open(m_testDb->url());
        if (!db) {
            qWarning() << db.error().toString();
            return false;
        }
        m_db = std::move(*db);
        auto m = m_db->migrate();
        if (!m)
            qWarning() << m.error().toString();
        return bool(m);
    }

private Q_SLOTS:
    void init()
    {
        if (!openFresh()) {
            if (m_testDb && !m_testDb->available()) {
                if (TestDatabase::postgresRequired())
                    QFAIL(qPrintable(m_testDb->skipReason()));
                QSKIP(qPrintable(m_testDb->skipReason()));
            }
            QFAIL("cannot open the test store");
        }
    }
    void cleanup()
    {
        m_db.reset();
        m_testDb.reset();
    }

    void migrationsAreVersionedAndIdempotent()
    {
        QCOMPARE(m_db->schemaVersion(), migrations().constLast().version);
        QVERIFY(m_db->migrate());
        auto q = m_db->exec(u"SELECT COUNT(*) FROM schema_migrations"_s);
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toInt(), migrations().size());
    }

    void dataSurvivesReopen()
    {
        AccountStore accounts(*m_db);
        auto u = accounts.createUser(u"a@example.com"_s, u"x"_s);
        QVERIFY(u);
        m_db.reset();
        auto db = Database::open(m_testDb->url());
        QVERIFY(db);
        m_db = std::move(*db);
        QVERIFY(m_db->migrate());
        AccountStore again(*m_db);
        auto found = again.findUserByEmail(u"A@Example.com"_s);
        QVERIFY(found);
        QCOMPARE(found->first.id, u->id);
    }

    void usersAndTokens()
    {
        AccountStore accounts(*m_db);
        PasswordHasher hasher(100000);
        const QString stored = hasher.hash(u"correct horse"_s);
        QVERIFY(stored.startsWith(u"pbkdf2-sha256$100000$"));
        QVERIFY(hasher.verify(u"correct horse"_s, stored));
        QVERIFY(!hasher.verify(u"wrong"_s, stored));
        QVERIFY(!hasher.verify(u"x"_s, u"garbage"_s));

        auto u = accounts.createUser(u"dev@example.com"_s, stored);
        QVERIFY(u);
        auto dup = accounts.createUser(u"DEV@example.com"_s, stored);
        QVERIFY(!dup);
        QCOMPARE(dup.error().code(), ErrorCode::InvalidInput);

        const QString secret = tokens::newToken(tokens::Kind::User);
        QVERIFY(secret.startsWith(u"ttk_u_"));
        auto t = accounts.createToken(u->id, tokens::Kind::User, u"cli"_s, secret);
        QVERIFY(t);
        // Only the hash is stored.
        auto raw = m_db->exec(u"SELECT hash FROM tokens WHERE id = ?"_s, {t->id});
        QVERIFY(raw && raw->next());
        QCOMPARE(raw->value(0).toString(), tokens::hashToken(secret));
        QVERIFY(!raw->value(0).toString().contains(secret));

        auto p = accounts.authenticate(secret);
        QVERIFY(p);
        QCOMPARE(p->userId, u->id);
        QVERIFY(!p->isProvider());
        QVERIFY(!accounts.authenticate(secret + u"x"_s));

        auto other = accounts.createUser(u"other@example.com"_s, stored);
        QVERIFY(other);
        auto wrongOwner = accounts.revokeToken(other->id, t->id);
        QVERIFY(!wrongOwner);
        QCOMPARE(wrongOwner.error().code(), ErrorCode::NotFound);
        QVERIFY(accounts.revokeToken(u->id, t->id));
        QVERIFY(!accounts.authenticate(secret));
    }

    void providersAreOwnedAndKeysDieWithThem()
    {
        AccountStore accounts(*m_db);
        auto owner = accounts.createUser(u"owner@example.com"_s, u"x"_s);
        auto stranger = accounts.createUser(u"stranger@example.com"_s, u"x"_s);
        QVERIFY(owner && stranger);
        auto prov = accounts.createProvider(owner->id, u"box"_s);
        QVERIFY(prov);
        const QString key = tokens::newToken(tokens::Kind::Provider);
        QVERIFY(accounts.createToken(owner->id, tokens::Kind::Provider, u"box"_s, key, prov->id));
        auto p = accounts.authenticate(key);
        QVERIFY(p && p->isProvider());
        QCOMPARE(p->providerId, prov->id);
        QVERIFY(!accounts.provider(stranger->id, prov->id));
        QVERIFY(!accounts.deleteProvider(stranger->id, prov->id));
        QVERIFY(accounts.updateProviderOffer(prov->id, {4000, 8192, 100000}, 5, 100, 50, QJsonObject{{u"gvisor"_s, false}}));
        auto fresh = accounts.provider(owner->id, prov->id);
        QVERIFY(fresh);
        QCOMPARE(fresh->capacity.cpuMillis, 4000);
        QCOMPARE(fresh->maxDeployments, 5);
        QVERIFY(fresh->online);
        QVERIFY(accounts.deleteProvider(owner->id, prov->id));
        QVERIFY(!accounts.authenticate(key));
    }

    void projectsPagingSearchAndOwnership()
    {
        AccountStore accounts(*m_db);
        ResourceStore resources(*m_db);
        auto alice = accounts.createUser(u"alice@example.com"_s, u"x"_s);
        auto bob = accounts.createUser(u"bob@example.com"_s, u"x"_s);
        QVERIFY(alice && bob);
        for (int i = 0; i < 45; ++i)
            QVERIFY(resources.createProject(alice->id, u"alpha-%1"_s.arg(i, 2, 10, QLatin1Char('0')), {}));
        QVERIFY(resources.createProject(alice->id, u"50%_off"_s, {}));
        auto bobs = resources.createProject(bob->id, u"alpha-00"_s, {}); // same name, other owner: fine
        QVERIFY(bobs);
        QVERIFY(!resources.createProject(alice->id, u"alpha-00"_s, {}));

        auto page1 = resources.listProjects(alice->id, {1, 20, {}});
        QVERIFY(page1);
        QCOMPARE(page1->total, 46);
        QCOMPARE(page1->items.size(), 20);
        auto page3 = resources.listProjects(alice->id, {3, 20, {}});
        QVERIFY(page3);
        QCOMPARE(page3->items.size(), 6);
        auto search = resources.listProjects(alice->id, {1, 100, u"ALPHA-1"_s});
        QVERIFY(search);
        QCOMPARE(search->total, 10);
        // LIKE wildcards in the search text match literally.
        auto literal = resources.listProjects(alice->id, {1, 100, u"%_"_s});
        QVERIFY(literal);
        QCOMPARE(literal->total, 1);
        QCOMPARE(literal->items.constFirst().name, u"50%_off");

        auto stolen = resources.project(alice->id, bobs->id);
        QVERIFY(!stolen);
        QCOMPARE(stolen.error().code(), ErrorCode::NotFound);
        QVERIFY(!resources.deleteProject(alice->id, bobs->id));
        QVERIFY(resources.project(bob->id, bobs->id));

        Deployment draft;
        draft.kind = u"app"_s;
        draft.name = u"web"_s;
        draft.projectId = bobs->id;
        draft.resources = {500, 256, 1024};
        auto dep = resources.createDeployment(bob->id, draft);
        QVERIFY(dep);
        QCOMPARE(dep->state, u"queued");
        QVERIFY(!resources.deployment(alice->id, dep->id));
        auto list = resources.listDeployments(bob->id, u"app"_s, bobs->id, {1, 20, {}});
        QVERIFY(list);
        QCOMPARE(list->total, 1);
        auto none = resources.listDeployments(alice->id, u"app"_s, {}, {1, 20, {}});
        QVERIFY(none);
        QCOMPARE(none->total, 0);
    }

    void transactionsRollBack()
    {
        AccountStore accounts(*m_db);
        auto r = m_db->transaction<void>([&]() -> Result<void> {
            auto u = accounts.createUser(u"tx@example.com"_s, u"x"_s);
            if (!u)
                return u.error();
            return ttalkak::core::Error(ErrorCode::Cancelled, u"abort"_s);
        });
        QVERIFY(!r);
        QVERIFY(!accounts.findUserByEmail(u"tx@example.com"_s));
    }

    void ledgerIsAppendOnly()
    {
        QVERIFY(m_db->exec(u"INSERT INTO ledger_entries (tx_id, account, amount, kind, created_at) VALUES ('t1', 'operator', 5, 'test', 1)"_s));
        QVERIFY(!m_db->exec(u"UPDATE ledger_entries SET amount = 6"_s));
        QVERIFY(!m_db->exec(u"DELETE FROM ledger_entries"_s));
        auto q = m_db->exec(u"SELECT SUM(amount) FROM ledger_entries"_s);
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toLongLong(), 5);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
