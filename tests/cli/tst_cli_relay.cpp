// `ttalkak login | status | db | deploy | logs` as a subprocess against the real relay: output
// and exit codes (0 ok, 1 usage, 2 failed, 3 auth, 4 not found, 5 network, 6 timeout).
#include "relayfixture.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliRelay : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    Run cli(const QStringList &args, const QMap<QString, QString> &env = {}, const QByteArray &input = {})
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(u"TTALKAK_TOKEN"_s);
        e.remove(u"TTALKAK_RELAY_URL"_s);
        e.remove(u"TTALKAK_RELAY"_s);
        e.insert(u"TTALKAK_CONFIG"_s, m_home.filePath(u"settings.ini"_s));
        e.insert(u"TTALKAK_SECRET_STORE"_s, u"memory"_s);
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
        p.start(qEnvironmentVariable("TTALKAK_CLI_BIN"), args);
        if (!p.waitForStarted(10000))
            return {};
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        Run r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("TTALKAK_CLI_BIN").isEmpty())
            QSKIP("TTALKAK_CLI_BIN is not set");
    }

    void helpAndUsage()
    {
        const Run help = cli({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"exit codes"_s));
        QCOMPARE(cli({u"frobnicate"_s}).exitCode, 1);
        QCOMPARE(cli({u"status"_s, u"a"_s, u"b"_s}).exitCode, 1);
        QCOMPARE(cli({u"db"_s, u"create"_s, u"oracle"_s}).exitCode, 1);
        QCOMPARE(cli({u"deploy"_s, u"--ref"_s, u"main"_s}).exitCode, 1);
    }

    void loginStatusDb()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const QString relay = fx.relay().url({}).toString();

        // Sign-up through the CLI (memory store: the token dies with the process).
        Run r = cli({u"login"_s, u"--relay"_s, relay, u"--email"_s, u"cli@example.com"_s, u"--password-stdin"_s, u"--signup"_s},
                    {}, "s3cret-pass\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"cli@example.com"_s));
        r = cli({u"login"_s, u"--relay"_s, relay, u"--email"_s, u"cli@example.com"_s, u"--password-stdin"_s}, {}, "wrong-pass\n");
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(u"wrong e-mail or password"_s));
        r = cli({u"login"_s, u"--relay"_s, relay, u"--email"_s, u"cli@example.com"_s, u"--password-stdin"_s}, {}, "s3cret-pass\n");
        QCOMPARE(r.exitCode, 0);
        // --relay was remembered in the settings file.
        QSettings ini(m_home.filePath(u"settings.ini"_s), QSettings::IniFormat);
        QCOMPARE(ini.value(u"relay/url"_s).toString(), relay);

        // Not signed in (memory store, no TTALKAK_TOKEN) → 3.
        QCOMPARE(cli({u"status"_s}).exitCode, 3);

        const TestUser user = fx.signUp(u"ops@example.com"_s);
        const QMap<QString, QString> env{{u"TTALKAK_TOKEN"_s, user.token}};
        r = cli({u"status"_s}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"No deployments"_s));

        const QString project = fx.createProject(user, u"site"_s);
        const QString dep = fx.deploy(user, project, u"site"_s).value(u"id"_s).toString();
        r = cli({u"status"_s}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"STATE"_s));
        QVERIFY(r.out.contains(dep));
        QVERIFY(r.out.contains(u"queued"_s));
        r = cli({u"status"_s, dep, u"--json"_s}, env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"id"_s).toString(), dep);
        QCOMPARE(cli({u"status"_s, u"dep-missing"_s}, env).exitCode, 4);
        QCOMPARE(cli({u"status"_s}, {{u"TTALKAK_TOKEN"_s, u"ttk_u_bad"_s}}).exitCode, 3);
        QCOMPARE(cli({u"status"_s, u"--relay"_s, u"http://127.0.0.1:1"_s}, env).exitCode, 5);

        // A database: created at once; no provider runs it here, so waiting times out (6).
        r = cli({u"db"_s, u"create"_s, u"postgres"_s, u"--name"_s, u"pg1"_s, u"--no-wait"_s}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"pg1"_s));
        r = cli({u"db"_s, u"create"_s, u"redis"_s, u"--name"_s, u"cache"_s, u"--timeout"_s, u"2"_s}, env);
        QCOMPARE(r.exitCode, 6);
        QVERIFY(r.err.contains(u"timed out"_s));
        r = cli({u"db"_s, u"list"_s}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"pg1"_s) && r.out.contains(u"cache"_s));

        // Logs of a deployment with none yet: nothing printed, 0; a missing one: 4.
        r = cli({u"logs"_s, dep}, env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(cli({u"logs"_s, u"dep-missing"_s, u"--access"_s}, env).exitCode, 4);
    }

    void deployNoWait()
    {
        RelayFixture fx;
        REQUIRE_RELAY(fx);
        const TestUser user = fx.signUp(u"dev@example.com"_s);
        const QMap<QString, QString> env{{u"TTALKAK_TOKEN"_s, user.token}, {u"TTALKAK_RELAY_URL"_s, fx.relay().url({}).toString()}};
        const QString sample = qEnvironmentVariable("TTALKAK_SOURCE_DIR") + u"/tests/samples/frontend/vite-react"_s;

        // PATH and --repo exclude each other; a repository that cannot be fetched fails at "fetch"
        // (a real clone and deploy from git is tests/e2e's).
        Run r = cli({u"deploy"_s, sample, u"--repo"_s, u"https://example.com/r.git"_s, u"--no-wait"_s}, env);
        QCOMPARE(r.exitCode, 1);
        QTemporaryDir nowhere;
        r = cli({u"deploy"_s, u"--repo"_s, u"file://"_s + nowhere.path() + u"/missing.git"_s, u"--no-wait"_s}, env);
        QCOMPARE(r.exitCode, 5); // the source is unreachable, like a network failure
        QVERIFY2(r.err.contains(u"error: fetch"_s), qPrintable(r.err));

        // The folder as a blob, then queued.
        r = cli({u"deploy"_s, sample, u"--name"_s, u"vite-demo"_s, u"--no-wait"_s, u"--env"_s, u"A=1"_s}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY(r.out.contains(u"Detected Vite"_s));
        QVERIFY(r.out.contains(u"queued"_s));
        const Run status = cli({u"status"_s, u"--json"_s}, env);
        const QJsonArray items = QJsonDocument::fromJson(status.out.toUtf8()).object().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject spec = items.first().toObject().value(u"spec"_s).toObject();
        QCOMPARE(spec.value(u"source"_s).toObject().value(u"type"_s).toString(), u"blob"_s);
        QCOMPARE(spec.value(u"env"_s).toObject().value(u"A"_s).toString(), u"1"_s);

        // Following with a short timeout and no provider: 6, naming the state it was stuck in.
        r = cli({u"deploy"_s, sample, u"--name"_s, u"vite-demo2"_s, u"--timeout"_s, u"2"_s}, env);
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(u"queued"_s), qPrintable(r.err));
        // ...and saying why, as the relay reported it.
        QVERIFY2(r.err.contains(u"Waiting for a provider: none is online."_s), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliRelay)
#include "tst_cli_relay.moc"
