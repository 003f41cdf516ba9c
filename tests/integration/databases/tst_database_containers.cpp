// Runs each database that Debian can supply (PostgreSQL, MariaDB - also as the
// "mysql" key - and Redis) exactly as its DatabasePlan says, against the real
// Docker engine and the locally built base images, then talks to it from the
// host with the generated credentials. MongoDB has no Debian package, hence no
// local image: it is covered by tst_databaseplan only.
//
// Per engine: a two-line derived image carries the plan's HEALTHCHECK in exec
// form (as a generated Dockerfile would); the container gets the plan's env,
// command and data volume, published on 127.0.0.1:<free port>; the test waits
// for "healthy", checks a wrong password is refused, writes a row/key, restarts
// the container, waits for "healthy" again and reads the value back.
//
// Images come from $TTALKAK_BASE_IMAGES_OVERRIDE (else the state dir's
// base-images.local.yaml); nothing is pulled (--pull=never, and the image must
// already exist). No engine, image or client: the test is skipped with the
// reason, or FAILS when TTALKAK_REQUIRE_DOCKER=1. Docker is driven through
// QProcess with argument lists, never a shell string.

#include <strategies/databases/databaseplan.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QThread>

using namespace ttalkak::strategies;
using namespace Qt::StringLiterals;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
    QString text() const { return QString::fromUtf8(out + err).trimmed(); }
};

Run run(const QString &program, const QStringList &args, const QProcessEnvironment &extraEnv = {},
    const QByteArray &input = {}, int timeoutMs = 60000)
{
    QProcess p;
    if (!extraEnv.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(extraEnv);
        p.setProcessEnvironment(env);
    }
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!input.isNull())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = "timed out: " + program.toUtf8() + ' ' + args.join(u' ').toUtf8();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Run docker(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 120000)
{
    return run(u"docker"_s, args, {}, input, timeoutMs);
}

int freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

QString runLabel()
{
    return u"tst_database_containers-"_s + QString::number(QCoreApplication::applicationPid());
}

bool required()
{
    return qEnvironmentVariable("TTALKAK_REQUIRE_DOCKER") == u"1";
}
} // namespace

// Skip, or fail when the environment must provide everything.
#define REQUIRE_OR_SKIP(reason)                                                                                        \
    do {                                                                                                               \
        const QString r_ = (reason);                                                                                   \
        if (required())                                                                                                \
            QFAIL(qPrintable(u"TTALKAK_REQUIRE_DOCKER=1 but: "_s + r_));                                               \
        QSKIP(qPrintable(r_));                                                                                         \
    } while (false)

class TestDatabaseContainers : public QObject
{
    Q_OBJECT
    BaseImages m_images = BaseImages::defaults();
    QString m_problem; // why nothing can run here, empty when all is well

    // Waits until the container is healthy; fails early when it stops.
    bool waitHealthy(const QString &name, int timeoutMs, QString *why)
    {
        QElapsedTimer timer;
        timer.start();
        QString last;
        while (timer.elapsed() < timeoutMs) {
            const Run r = docker({ u"inspect"_s, u"--format"_s,
                u"{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}"_s, name });
            last = r.text();
            if (last == u"running healthy")
                return true;
            if (!last.startsWith(u"running"_s))
                break;
            QThread::msleep(500);
        }
        const Run logs = docker({ u"logs"_s, u"--tail"_s, u"40"_s, name });
        const Run health = docker({ u"inspect"_s, u"--format"_s, u"{{json .State.Health}}"_s, name });
        *why = u"container %1 not healthy after %2 ms (state: %3)\nhealth: %4\nlogs:\n%5"_s.arg(
            name, QString::number(timer.elapsed()), last, health.text(), logs.text());
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Run version = docker({ u"version"_s, u"--format"_s, u"{{.Server.Version}}"_s }, {}, 15000);
        if (!version.ok()) {
            m_problem = u"no Docker engine answers: "_s + version.text();
            return;
        }
        qInfo("Docker engine %s", version.out.trimmed().constData());

        QString override = qEnvironmentVariable("TTALKAK_BASE_IMAGES_OVERRIDE");
        if (override.isEmpty()) {
            const QString state = qEnvironmentVariable("TTALKAK_STATE_DIR", u"/var/tmp/ttalkak"_s);
            if (QFile::exists(state + u"/base-images.local.yaml"_s))
                override = state + u"/base-images.local.yaml"_s;
        }
        if (override.isEmpty()) {
            m_problem = u"no base image override: run scripts/base-images.sh and set TTALKAK_BASE_IMAGES_OVERRIDE"_s;
            return;
        }
        if (auto r = m_images.applyOverrideFile(override); !r)
            QFAIL(qPrintable(r.error().toString()));
        qInfo("base images from %s", qPrintable(override));
    }

    void cleanupTestCase()
    {
        if (!m_problem.isEmpty())
            return;
        const QString filter = u"label=ttalkak.test="_s + runLabel();
        const Run ids = docker({ u"ps"_s, u"-aq"_s, u"--filter"_s, filter });
        for (const QByteArray &id : ids.out.split('\n'))
            if (!id.trimmed().isEmpty())
                (void)docker({ u"rm"_s, u"-f"_s, u"-v"_s, QString::fromUtf8(id.trimmed()) });
        const Run vols = docker({ u"volume"_s, u"ls"_s, u"-q"_s, u"--filter"_s, filter });
        for (const QByteArray &v : vols.out.split('\n'))
            if (!v.trimmed().isEmpty())
                (void)docker({ u"volume"_s, u"rm"_s, u"-f"_s, QString::fromUtf8(v.trimmed()) });
        const Run images = docker({ u"images"_s, u"-q"_s, u"--filter"_s, filter });
        for (const QByteArray &i : images.out.split('\n'))
            if (!i.trimmed().isEmpty())
                (void)docker({ u"rmi"_s, u"-f"_s, QString::fromUtf8(i.trimmed()) });
    }

    void engine_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("client");
        QTest::newRow("postgresql") << u"postgresql"_s << u"psql"_s;
        QTest::newRow("mariadb") << u"mariadb"_s << u"mariadb"_s;
        QTest::newRow("mysql") << u"mysql"_s << u"mariadb"_s;
        QTest::newRow("redis") << u"redis"_s << u"redis-cli"_s;
    }

    void engine()
    {
        QFETCH(QString, engine);
        QFETCH(QString, client);
        if (!m_problem.isEmpty())
            REQUIRE_OR_SKIP(m_problem);
        if (QStandardPaths::findExecutable(client).isEmpty())
            REQUIRE_OR_SKIP(
                u"host client '%1' is not installed (Debian: postgresql-client, mariadb-client, redis-tools)"_s.arg(
                    client));

        auto planned = planDatabase({ engine, {}, u"ttalkak"_s }, m_images);
        QVERIFY2(planned, qPrintable(planned ? QString() : planned.error().toString()));
        const DatabasePlan plan = *planned;
        if (!docker({ u"image"_s, u"inspect"_s, u"--format"_s, u"{{.Id}}"_s, plan.image }).ok())
            REQUIRE_OR_SKIP(
                u"image %1 for '%2' is not in the local engine (run scripts/base-images.sh; nothing is pulled)"_s.arg(
                    plan.image, engine));

        QElapsedTimer timer;
        timer.start();
        const QString label = runLabel();
        const QString name = u"ttalkak-test-db-%1-%2"_s.arg(engine).arg(QCoreApplication::applicationPid());
        const QString tag = u"ttalkak-test/db-%1:%2"_s.arg(engine).arg(QCoreApplication::applicationPid());

        // The plan's health check, in exec form, as a generated Dockerfile carries it.
        const QByteArray dockerfile
            = u"FROM %1\nLABEL ttalkak.test=%2\nHEALTHCHECK --interval=%3s --timeout=%4s --start-period=%5s --retries=%6 CMD %7\n"_s
                  .arg(plan.image, label)
                  .arg(plan.healthIntervalSeconds)
                  .arg(plan.healthTimeoutSeconds)
                  .arg(plan.healthStartPeriodSeconds)
                  .arg(plan.healthRetries)
                  .arg(QString::fromUtf8(
                      QJsonDocument(QJsonArray::fromStringList(plan.healthCheck)).toJson(QJsonDocument::Compact)))
                  .toUtf8();
        const Run build = docker({ u"build"_s, u"-q"_s, u"-t"_s, tag, u"-"_s }, dockerfile);
        QVERIFY2(build.ok(), qPrintable(build.text()));

        const int hostPort = freePort();
        QVERIFY(hostPort > 0);
        const QString volume = name + u"-data"_s;
        QVERIFY2(docker({ u"volume"_s, u"create"_s, u"--label"_s, u"ttalkak.test="_s + label, volume }).ok(),
            "volume create");
        QStringList args { u"run"_s, u"-d"_s, u"--pull=never"_s, u"--name"_s, name, u"--label"_s,
            u"ttalkak.test="_s + label, u"-p"_s, u"127.0.0.1:%1:%2"_s.arg(hostPort).arg(plan.port), u"-v"_s,
            volume + u':' + plan.volumePath };
        for (const auto &[key, value] : plan.env)
            args << u"-e"_s << key + u'=' + value;
        args << tag << plan.command;
        const Run started = docker(args);
        QVERIFY2(started.ok(), qPrintable(started.text()));

        QString why;
        QVERIFY2(waitHealthy(name, 180000, &why), qPrintable(why));
        const qint64 firstHealthy = timer.elapsed();

        // The client side: generated credentials over the published port.
        const QString host = u"127.0.0.1"_s;
        const QString uri = plan.connectionString(host, hostPort);
        const auto query = [&](const QString &sql, const QString &password) -> Run {
            if (engine == u"postgresql") {
                DatabasePlan p = plan;
                p.password = password;
                QProcessEnvironment env;
                env.insert(u"PGCONNECT_TIMEOUT"_s, u"5"_s);
                return run(u"psql"_s,
                    { p.connectionString(host, hostPort), u"-X"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-Atc"_s, sql },
                    env);
            }
            if (engine == u"mysql" || engine == u"mariadb") {
                QProcessEnvironment env;
                env.insert(u"MYSQL_PWD"_s, password); // keeps it off the command line
                return run(u"mariadb"_s,
                    { u"--protocol=TCP"_s, u"-h"_s, host, u"-P"_s, QString::number(hostPort), u"-u"_s, plan.user,
                        u"--connect-timeout=5"_s, u"-N"_s, u"-B"_s, u"-e"_s, sql, plan.database },
                    env);
            }
            DatabasePlan p = plan;
            p.password = password;
            // redis-cli takes the generated connection string as it is.
            return run(u"redis-cli"_s,
                QStringList { u"--no-auth-warning"_s, u"-u"_s, p.connectionString(host, hostPort) } + sql.split(u' '));
        };

        QString write, read, expected;
        if (engine == u"postgresql") {
            write = u"CREATE TABLE greeting (v text); INSERT INTO greeting VALUES ('ttalkak')"_s;
            read = u"SELECT v FROM greeting"_s;
        } else if (engine == u"redis") {
            write = u"SET greeting ttalkak"_s;
            read = u"GET greeting"_s;
        } else {
            write = u"CREATE TABLE greeting (v VARCHAR(32)); INSERT INTO greeting VALUES ('ttalkak')"_s;
            read = u"SELECT v FROM greeting"_s;
        }
        expected = u"ttalkak"_s;

        // A wrong password is refused (redis-cli exits 0 but answers with an auth error).
        const Run denied = query(read, u"wrong-password-000000000000"_s);
        QVERIFY2(!denied.ok() || !denied.text().contains(expected), qPrintable(denied.text()));
        if (engine == u"redis")
            QVERIFY2(denied.text().contains(u"WRONGPASS"_s) || denied.text().contains(u"NOAUTH"_s)
                    || denied.text().contains(u"AUTH"_s),
                qPrintable(denied.text()));

        const Run written = query(write, plan.password);
        QVERIFY2(written.ok() && (engine != u"redis" || QString::fromUtf8(written.out).trimmed() == u"OK"),
            qPrintable(uri.section(u'@', 1) + u": "_s + written.text()));
        const Run before = query(read, plan.password);
        QVERIFY2(before.ok(), qPrintable(before.text()));
        QCOMPARE(QString::fromUtf8(before.out).trimmed(), expected);

        // Data survives a restart (the volume and, for Redis, appendonly).
        const Run restarted = docker({ u"restart"_s, u"-t"_s, u"30"_s, name });
        QVERIFY2(restarted.ok(), qPrintable(restarted.text()));
        QVERIFY2(waitHealthy(name, 180000, &why), qPrintable(why));
        const Run after = query(read, plan.password);
        QVERIFY2(after.ok(), qPrintable(after.text()));
        QCOMPARE(QString::fromUtf8(after.out).trimmed(), expected);

        qInfo("%s: healthy after %lld ms, round trip with restart %lld ms", qPrintable(engine), firstHealthy,
            timer.elapsed());
        (void)docker({ u"rm"_s, u"-f"_s, u"-v"_s, name });
        (void)docker({ u"volume"_s, u"rm"_s, u"-f"_s, volume });
        (void)docker({ u"rmi"_s, u"-f"_s, tag });
    }
};

QTEST_GUILESS_MAIN(TestDatabaseContainers)
#include "tst_database_containers.moc"
