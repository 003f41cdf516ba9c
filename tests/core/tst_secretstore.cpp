// Runs both stores through the same contract. The keychain store talks to a real
// Secret Service: scripts/test.sh runs the suite under dbus-run-session with an
// unlocked gnome-keyring. Without one (TTALKAK_REQUIRE_KEYRING unset) the keychain
// rows are skipped with the reason; test.sh sets it so CI can never skip them.

#include <core/secretstore.h>

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace ttalkak::core;

namespace {
template<typename T>
Result<T> wait(std::function<void(QObject *, std::function<void(Result<T>)>)> call)
{
    QObject context;
    std::optional<Result<T>> out;
    call(&context, [&](Result<T> r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
        return Error(ErrorCode::Timeout, QStringLiteral("secret store did not answer"));
    return *out;
}
} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("store");
        QTest::newRow("memory") << QStringLiteral("memory");
        QTest::newRow("keychain") << QStringLiteral("keychain");
    }

    void roundTrip()
    {
        QFETCH(QString, store);
        std::unique_ptr<SecretStore> s;
        if (store == u"memory") {
            s = std::make_unique<MemorySecretStore>();
        } else {
            if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") && !qEnvironmentVariableIsSet("TTALKAK_REQUIRE_KEYRING"))
                QSKIP("no D-Bus session: run through scripts/test.sh for the real Secret Service");
            s = std::make_unique<KeychainSecretStore>(QStringLiteral("ttalkak-test"));
        }
        const QString key = QStringLiteral("token-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString secret = QStringLiteral("s3cr\u00e9t\nwith newline and \u0000 nul").replace(QChar(0), u'x');

        auto missing = wait<QString>([&](QObject *c, auto cb) { s->read(key, c, cb); });
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);

        auto written = wait<void>([&](QObject *c, auto cb) { s->write(key, secret, c, cb); });
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));

        auto read = wait<QString>([&](QObject *c, auto cb) { s->read(key, c, cb); });
        QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
        QCOMPARE(*read, secret);

        auto overwritten = wait<void>([&](QObject *c, auto cb) { s->write(key, QStringLiteral("v2"), c, cb); });
        QVERIFY(overwritten);
        QCOMPARE(*wait<QString>([&](QObject *c, auto cb) { s->read(key, c, cb); }), QStringLiteral("v2"));

        QVERIFY(wait<void>([&](QObject *c, auto cb) { s->remove(key, c, cb); }));
        auto gone = wait<QString>([&](QObject *c, auto cb) { s->read(key, c, cb); });
        QVERIFY(!gone);
        QCOMPARE(gone.error().code(), ErrorCode::NotFound);
        QVERIFY(wait<void>([&](QObject *c, auto cb) { s->remove(key, c, cb); })); // idempotent
    }

    void callbackNotRunAfterContextDies()
    {
        MemorySecretStore s;
        bool called = false;
        {
            QObject context;
            s.write(QStringLiteral("k"), QStringLiteral("v"), &context, [&](Result<void>) { called = true; });
        }
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
