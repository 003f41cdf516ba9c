// bench_relay: the relay's REST paging throughput with wrk, and the scheduler's placement rate.
//
//   bench_relay [--projects 5000] [--duration 10] [--connections 32] [--jobs 10000] [--providers 1000]
//
// 1. Starts ttalkak-relay (SQLite store) on a free port, signs a user up, creates --projects
//    projects over REST, then runs wrk twice against the same relay in the same run:
//      baseline: GET /healthz            (the HTTP layer alone, no auth, no store)
//      paging:   GET /v1/projects?page=N&pageSize=20, N cycling through every page, with auth
// 2. In-process: --providers online providers with random caps and prices and --jobs queued
//    deployments in a fresh SQLite store; times Scheduler::runPass() placing them, then checks
//    that no provider is over its caps.
// Prints a Markdown table for docs/benchmarks.md.
#include <accountstore.h>
#include <database.h>
#include <resourcestore.h>
#include <scheduler.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace ttalkak::relay;

namespace {

QTextStream out(stdout);

// One blocking request (a benchmark driver, not product code: a local event loop is fine here).
QJsonObject post(QNetworkAccessManager &nam, const QUrl &url, const QString &token, const QJsonObject &body, int *status = nullptr)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    req.setTransferTimeout(10000);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply *reply = nam.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return o;
}

double runWrk(const QStringList &args, QString *summary)
{
    QProcess wrk;
    wrk.start(u"wrk"_s, args);
    if (!wrk.waitForFinished(120000)) {
        wrk.kill();
        return -1;
    }
    const QString text = QString::fromUtf8(wrk.readAllStandardOutput());
    const auto m = QRegularExpression(u"Requests/sec:\\s+([0-9.]+)"_s).match(text);
    const auto lat = QRegularExpression(u"Latency\\s+(\\S+)"_s).match(text);
    const auto errors = QRegularExpression(u"Non-2xx or 3xx responses: (\\d+)"_s).match(text);
    *summary = u"avg latency "_s + lat.captured(1) + (errors.hasMatch() ? u", non-2xx "_s + errors.captured(1) : QString());
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

int restBench(const QString &relayBin, int projects, int duration, int connections)
{
    QTemporaryDir dir;
    QProcess relay;
    relay.setProcessChannelMode(QProcess::SeparateChannels);
    relay.setReadChannel(QProcess::StandardError); // the log (and the port) is on stderr
    relay.start(relayBin, {u"--listen"_s, u"127.0.0.1:0"_s, u"--data"_s, dir.path(), u"--log-format"_s, u"json"_s,
                           u"--kdf-iterations"_s, u"100000"_s});
    quint16 port = 0;
    QByteArray log;
    QElapsedTimer waited;
    waited.start();
    while (port == 0 && waited.elapsed() < 15000 && relay.waitForReadyRead(1000)) {
        log += relay.readAllStandardError();
        const auto m = QRegularExpression(u"\"port\":(\\d+)"_s).match(QString::fromUtf8(log));
        if (m.hasMatch())
            port = quint16(m.captured(1).toUInt());
    }
    if (port == 0) {
        QTextStream(stderr) << "relay did not start\n" << log;
        return 1;
    }
    // Keep draining the relay's log so it never blocks on a full pipe.
    QObject::connect(&relay, &QProcess::readyReadStandardError, &relay, [&relay] { relay.readAllStandardError(); });
    const QString base = u"http://127.0.0.1:%1"_s.arg(port);
    QNetworkAccessManager nam;
    const QJsonObject signup = post(nam, QUrl(base + u"/v1/auth/signup"_s), {}, {{u"email"_s, u"bench@example.com"_s}, {u"password"_s, u"benchmark-password"_s}});
    const QString token = signup.value(u"token"_s).toString();
    QElapsedTimer seeding;
    seeding.start();
    for (int i = 0; i < projects; ++i) {
        int status = 0;
        post(nam, QUrl(base + u"/v1/projects"_s), token, {{u"name"_s, u"project-%1"_s.arg(i, 5, 10, QLatin1Char('0'))}}, &status);
        if (status != 201) {
            QTextStream(stderr) << "project creation failed: " << status << '\n';
            return 1;
        }
    }
    const double seedRate = projects * 1000.0 / std::max<qint64>(1, seeding.elapsed());

    const int pages = (projects + 19) / 20;
    const QString lua = dir.filePath(u"paging.lua"_s);
    QFile script(lua);
    if (!script.open(QIODevice::WriteOnly))
        return 1;
    // Plain concatenation: QString::arg() would treat Lua's % operator as a placeholder.
    const QByteArray luaText = "local n = 0\nwrk.headers[\"Authorization\"] = \"Bearer " + token.toUtf8() + "\"\n"
                               "request = function()\n  n = (n % " + QByteArray::number(pages) + ") + 1\n"
                               "  return wrk.format(\"GET\", \"/v1/projects?page=\" .. n .. \"&pageSize=20\")\nend\n";
    script.write(luaText);
    script.close();
    const QStringList common{u"-t1"_s, u"-c%1"_s.arg(connections), u"-d%1s"_s.arg(duration), u"--latency"_s};
    QString baseSummary, pageSummary;
    const double baseline = runWrk(common + QStringList{base + u"/healthz"_s}, &baseSummary);
    const double paging = runWrk(common + QStringList{u"-s"_s, lua, base + u"/v1/projects"_s}, &pageSummary);
    ::kill(pid_t(relay.processId()), SIGTERM);
    relay.waitForFinished(10000);

    out << "| REST: seed projects over HTTP (sequential, one client) | " << qRound(seedRate) << " req/s | |\n";
    out << "| REST baseline: GET /healthz, same relay (" << baseSummary << ") | " << qRound(baseline) << " req/s | |\n";
    out << "| REST: project list paging, " << projects << " projects, " << pages << " pages of 20, auth ("
        << pageSummary << ") | " << qRound(paging) << " req/s | target >= 25,000 |\n";
    return paging > 0 ? 0 : 1;
}

int schedulerBench(int jobs, int providers)
{
    QTemporaryDir dir;
    auto db = Database::open(u"sqlite:"_s + dir.filePath(u"bench.db"_s));
    if (!db || !(*db)->migrate())
        return 1;
    Database &store = **db;
    AccountStore accounts(store);
    ResourceStore resources(store);
    auto owner = accounts.createUser(u"owner@example.com"_s, u"x"_s);
    if (!owner)
        return 1;
    QRandomGenerator rng(42);
    auto seeded = store.transaction<void>([&]() -> ttalkak::core::Result<void> {
        for (int i = 0; i < providers; ++i) {
            auto p = accounts.createProvider(owner->id, u"p%1"_s.arg(i));
            if (!p)
                return p.error();
            if (auto r = accounts.updateProviderOffer(p->id, {qint64(rng.bounded(2, 17)) * 1000, qint64(rng.bounded(4, 65)) * 1024, 500000},
                                                      rng.bounded(5, 30), rng.bounded(1000, 100000), rng.bounded(1000, 100000), {});
                !r)
                return r;
        }
        for (int i = 0; i < jobs; ++i) {
            Deployment d;
            d.kind = u"app"_s;
            d.name = u"job%1"_s.arg(i);
            d.resources = {qint64(rng.bounded(1, 9)) * 125, qint64(rng.bounded(1, 9)) * 128, 1000};
            if (auto r = resources.createDeployment(owner->id, d); !r)
                return r.error();
        }
        return {};
    });
    if (!seeded) {
        QTextStream(stderr) << seeded.error().toString() << '\n';
        return 1;
    }
    Scheduler scheduler(store, accounts, resources, {15000, 30000, 500});
    int offers = 0;
    QObject::connect(&scheduler, &Scheduler::sendToProvider, &scheduler, [&offers] { ++offers; });
    QElapsedTimer t;
    t.start();
    auto placed = scheduler.runPass();
    const qint64 ms = std::max<qint64>(1, t.elapsed());
    if (!placed)
        return 1;
    // Verify: nobody over caps.
    auto over = store.exec(u"SELECT COUNT(*) FROM providers p JOIN (SELECT provider_id, SUM(cpu_millis) c, SUM(memory_mb) m, COUNT(*) n"
                           " FROM deployments WHERE provider_id IS NOT NULL GROUP BY provider_id) u ON u.provider_id = p.id"
                           " WHERE u.c > p.cpu_millis OR u.m > p.memory_mb OR u.n > p.max_deployments"_s);
    const int overCaps = over && over->next() ? over->value(0).toInt() : -1;
    out << "| Scheduler: place " << jobs << " queued jobs over " << providers << " providers (SQLite, one pass; placed "
        << *placed << ", offers " << offers << ", providers over caps " << overCaps << ") | "
        << qRound(*placed * 1000.0 / ms) << " jobs/s (" << ms << " ms) | |\n";
    return overCaps == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"relay"_s, u"ttalkak-relay binary"_s, u"path"_s, QString::fromUtf8(TTALKAK_RELAY_BIN)});
    parser.addOption({u"projects"_s, u"projects to page through"_s, u"n"_s, u"5000"_s});
    parser.addOption({u"duration"_s, u"seconds per wrk run"_s, u"s"_s, u"10"_s});
    parser.addOption({u"connections"_s, u"wrk connections"_s, u"n"_s, u"32"_s});
    parser.addOption({u"jobs"_s, u"jobs to schedule"_s, u"n"_s, u"10000"_s});
    parser.addOption({u"providers"_s, u"simulated providers"_s, u"n"_s, u"1000"_s});
    parser.process(app);
    out << "| what | figure | note |\n|---|---|---|\n";
    int rc = restBench(parser.value(u"relay"_s), parser.value(u"projects"_s).toInt(), parser.value(u"duration"_s).toInt(),
                       parser.value(u"connections"_s).toInt());
    rc |= schedulerBench(parser.value(u"jobs"_s).toInt(), parser.value(u"providers"_s).toInt());
    out.flush();
    return rc;
}
