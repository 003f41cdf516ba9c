#include "fakebackend.h"

#include <core/secretstore.h>
#include <core/settings.h>
#include <model/accountservice.h>
#include <model/deployerprefs.h>
#include <model/signinform.h>
#include <ui/signindialog.h>

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ttalkak;
using namespace ttalkak::deployer;

class TestSignIn : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formRules_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("create");
        QTest::addColumn<int>("errors");
        QTest::newRow("ok") << u"https://relay.example.com"_s << u"a@b.c"_s << u"pw"_s << false << 0;
        QTest::newRow("no scheme → https") << u"relay.example.com"_s << u"a@b.c"_s << u"pw"_s << false << 0;
        QTest::newRow("bad url") << u"ftp://x"_s << u"a@b.c"_s << u"pw"_s << false << 1;
        QTest::newRow("bad mail") << u"http://r"_s << u"ab.c"_s << u"pw"_s << false << 1;
        QTest::newRow("short new password") << u"http://r"_s << u"a@b.c"_s << u"short"_s << true << 1;
        QTest::newRow("all wrong") << QString() << QString() << QString() << false << 3;
    }
    void formRules()
    {
        QFETCH(QString, url);
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(bool, create);
        QFETCH(int, errors);
        SignInForm f { url, email, password, create };
        QCOMPARE(f.errors().size(), errors);
        if (url == u"relay.example.com"_s)
            QCOMPARE(f.url().toString(), u"https://relay.example.com"_s);
    }

    void signInStoresTokenAndSignsOut()
    {
        QTemporaryDir dir;
        core::Settings settings(dir.filePath(u"s.ini"_s));
        DeployerPrefs prefs(&settings);
        core::MemorySecretStore secrets;
        test::FakeBackend backend;
        backend.setReply(u"signin"_s, QJsonObject { { u"token"_s, u"ttk_u_abc"_s } });
        AccountService account(&backend, &secrets, &settings, &prefs);

        SignInDialog dialog(&account);
        QVERIFY(!dialog.submitButton()->isEnabled()); // no password yet
        dialog.relayEdit()->setText(u"http://127.0.0.1:8470"_s);
        dialog.emailEdit()->setText(u"me@example.com"_s);
        dialog.passwordEdit()->setText(u"hunter22"_s);
        QVERIFY(dialog.submitButton()->isEnabled());
        dialog.createAccountBox()->setChecked(true);
        QCOMPARE(dialog.submitButton()->text(), u"Create account"_s);
        dialog.createAccountBox()->setChecked(false);

        QSignalSpy connected(&account, &RelayLink::connectionChanged);
        dialog.submitButton()->click();
        QTRY_COMPARE(connected.count(), 1);
        QVERIFY(account.isConnected());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(backend.session);
        QCOMPARE(account.email(), u"me@example.com"_s);
        QCOMPARE(settings.value(core::Settings::Key::RelayUrl).toString(), u"http://127.0.0.1:8470"_s);
        bool read = false;
        // Where the CLI looks for it too: one sign-in for both.
        secrets.read(client::ClientConfig::tokenKey(QUrl(u"http://127.0.0.1:8470"_s)), this, [&](core::Result<QString> t) {
            read = true;
            QCOMPARE(*t, u"ttk_u_abc"_s);
        });
        QTRY_VERIFY(read);

        // A restart restores the session from the keychain.
        AccountService again(&backend, &secrets, &settings, &prefs);
        again.restore();
        QTRY_VERIFY(again.isConnected());

        account.signOut();
        QVERIFY(!account.isConnected());
        QVERIFY(!backend.session);
    }

    void failureIsShown()
    {
        QTemporaryDir dir;
        core::Settings settings(dir.filePath(u"s.ini"_s));
        DeployerPrefs prefs(&settings);
        core::MemorySecretStore secrets;
        test::FakeBackend backend;
        backend.setReply(u"signin"_s, core::Error(core::ErrorCode::PermissionDenied, u"wrong e-mail or password"_s));
        AccountService account(&backend, &secrets, &settings, &prefs);
        SignInDialog dialog(&account);
        dialog.relayEdit()->setText(u"http://r"_s);
        dialog.emailEdit()->setText(u"me@example.com"_s);
        dialog.passwordEdit()->setText(u"nope"_s);
        dialog.submitButton()->click();
        QTRY_COMPARE(dialog.errorLabel()->text(), u"wrong e-mail or password"_s);
        QVERIFY(!account.isConnected());
        QVERIFY(dialog.submitButton()->isEnabled());
    }
};

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
