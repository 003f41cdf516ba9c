// bench_docker: figures for docs/benchmarks.md (never run as a test).
//
//  1. Build-context transfer: a 20,000-file context packed and sent by BuildContext + BuildJob,
//     against `docker build` (classic builder, DOCKER_BUILDKIT=0) sending the same context, in
//     the same run, alternating, median of N. The Dockerfile is trivial so the context dominates.
//  2. Stats streaming: 20 containers, one StatsJob each, for a fixed window; the client's CPU
//     time over that window (getrusage), against `docker stats` watching the same containers.
//
// Usage: bench_docker [--files 20000] [--rounds 3] [--containers 20] [--seconds 10]
// Base image: $TTALKAK_TEST_BASE_IMAGE or the newest ttalkak-local/debian:*.

#include <docker/buildcontext.h>
#include <docker/dockerclient.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

#include <sys/resource.h>
#include <unistd.h>

using namespace ttalkak::docker;
using namespace Qt::StringLiterals;

namespace {

template<typename J> std::unique_ptr<J> run(J *job)
{
    job->setAutoDelete(false);
    std::unique_ptr<J> owned(job);
    QEventLoop loop; // bench code: a nested loop keeps the steps readable
    QObject::connect(job, &DockerJob::result, &loop, &QEventLoop::quit);
    job->start();
    if (!job->isFinished())
        loop.exec();
    return owned;
}

double cpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double procCpuSeconds(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = f.readAll();
    const QList<QByteArray> parts = s.mid(s.lastIndexOf(')') + 2).split(' ');
    // fields 14 and 15 (utime, stime) are at 11 and 12 after the command name
    return (parts.value(11).toDouble() + parts.value(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

QString findBase(DockerClient &c)
{
    const QString env = qEnvironmentVariable("TTALKAK_TEST_BASE_IMAGE");
    if (!env.isEmpty())
        return env;
    auto list = run(c.listImages(u"ttalkak-local/debian"_s));
    QString best;
    qint64 newest = -1;
    for (const QJsonValue &v : list->json().array()) {
        if (v[u"RepoTags"].toArray().isEmpty() || v[u"Created"].toInteger() <= newest)
            continue;
        newest = v[u"Created"].toInteger();
        best = v[u"RepoTags"][0].toString();
    }
    return best;
}

void makeContext(const QString &root, int files, const QString &base, qint64 *bytes)
{
    QRandomGenerator rng(42);
    *bytes = 0;
    const int perDir = 100;
    for (int i = 0; i < files; ++i) {
        const QString dir = root + u"/src/d%1/e%2"_s.arg(i / (perDir * 10)).arg((i / perDir) % 10);
        if (i % perDir == 0)
            QDir().mkpath(dir);
        QFile f(dir + u"/file%1.js"_s.arg(i));
        f.open(QIODevice::WriteOnly);
        QByteArray data(512 + int(rng.bounded(3584)), Qt::Uninitialized);
        for (char &c : data)
            c = char('a' + rng.bounded(26));
        f.write(data);
        *bytes += data.size();
    }
    QFile df(root + u"/Dockerfile"_s);
    df.open(QIODevice::WriteOnly);
    df.write("FROM " + base.toUtf8() + "\nLABEL bench=context\n");
    QFile ig(root + u"/.dockerignore"_s);
    ig.open(QIODevice::WriteOnly);
    ig.write("**/*.log\n.git\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({ u"files"_s, u"files in the context"_s, u"n"_s, u"20000"_s });
    p.addOption({ u"rounds"_s, u"rounds per contender"_s, u"n"_s, u"3"_s });
    p.addOption({ u"containers"_s, u"containers for the stats part"_s, u"n"_s, u"20"_s });
    p.addOption({ u"seconds"_s, u"stats window"_s, u"s"_s, u"10"_s });
    p.process(app);

    auto ep = Endpoint::fromEnvironment();
    if (!ep) {
        std::fprintf(stderr, "%s\n", qPrintable(ep.error().message()));
        return 2;
    }
    DockerClient client(*ep);
    if (auto ping = run(client.ping()); ping->failed()) {
        std::fprintf(stderr, "no engine: %s\n", qPrintable(ping->errorString()));
        return 2;
    }
    const QString base = findBase(client);
    if (base.isEmpty()) {
        std::fprintf(stderr, "no base image\n");
        return 2;
    }
    auto version = run(client.version());
    std::printf("engine %s (API %s), base image %s, %ld CPUs\n", qPrintable(version->value(u"Version").toString()),
        client.apiVersion().constData(), qPrintable(base), sysconf(_SC_NPROCESSORS_ONLN));

    // ---- 1. context ----
    const int files = p.value(u"files"_s).toInt();
    const int rounds = p.value(u"rounds"_s).toInt();
    QTemporaryDir dir;
    qint64 bytes = 0;
    makeContext(dir.path(), files, base, &bytes);
    std::printf("\ncontext: %d files, %.1f MiB of content\n", files, double(bytes) / 1048576.0);

    // Packing alone (no socket): the library's raw throughput.
    {
        QElapsedTimer t;
        t.start();
        const double cpu0 = cpuSeconds();
        auto ctx = BuildContext::open(dir.path());
        QByteArray sink;
        while (!(*ctx)->atEnd()) {
            sink.clear();
            if (!(*ctx)->read(sink, 1 << 20))
                return 1;
        }
        std::printf("pack only (tar to memory): %lld ms wall, %.0f ms CPU, %.1f MiB tar, %lld entries\n", t.elapsed(),
            (cpuSeconds() - cpu0) * 1000, double((*ctx)->bytesProduced()) / 1048576.0, (*ctx)->entryCount());
    }

    QList<double> ours, cli, oursCpu;
    for (int r = 0; r < rounds; ++r) {
        {
            QElapsedTimer t;
            t.start();
            const double cpu0 = cpuSeconds();
            auto ctx = BuildContext::open(dir.path());
            BuildOptions o;
            o.tags = { u"ttalkak-bench/context:ours"_s };
            auto job = run(client.build(std::move(*ctx), o));
            if (job->failed()) {
                std::fprintf(stderr, "build failed: %s\n", qPrintable(job->errorString()));
                return 1;
            }
            ours << double(t.elapsed());
            oursCpu << (cpuSeconds() - cpu0) * 1000;
        }
        {
            QProcess proc;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"DOCKER_BUILDKIT"_s, u"0"_s);
            proc.setProcessEnvironment(env);
            proc.setProcessChannelMode(QProcess::MergedChannels);
            QElapsedTimer t;
            t.start();
            proc.start(u"docker"_s, { u"build"_s, u"-q"_s, u"-t"_s, u"ttalkak-bench/context:cli"_s, dir.path() });
            proc.waitForFinished(600000);
            if (proc.exitCode() != 0) {
                std::fprintf(stderr, "docker build failed: %s\n", proc.readAll().constData());
                return 1;
            }
            cli << double(t.elapsed());
        }
    }
    std::printf(
        "send + trivial build, median of %d: ttalkak %.0f ms (client CPU %.0f ms), docker CLI %.0f ms, ratio %.2f\n",
        rounds, median(ours), median(oursCpu), median(cli), median(ours) / median(cli));
    run(client.removeImage(u"ttalkak-bench/context:ours"_s, true));
    run(client.removeImage(u"ttalkak-bench/context:cli"_s, true));

    // ---- 2. stats of N containers ----
    const int n = p.value(u"containers"_s).toInt();
    const int seconds = p.value(u"seconds"_s).toInt();
    QStringList ids;
    for (int i = 0; i < n; ++i) {
        ContainerSpec s;
        s.image = base;
        s.cmd = { u"sh"_s, u"-c"_s, u"while :; do sleep 0.1; done"_s };
        s.nanoCpus = 100'000'000;
        s.memoryBytes = 32LL * 1024 * 1024;
        s.restartPolicy = u"no"_s;
        s.labels.insert(u"ttalkak.bench"_s, u"stats"_s);
        auto c = run(client.createContainer(s));
        if (c->failed()) {
            std::fprintf(stderr, "create: %s\n", qPrintable(c->errorString()));
            return 1;
        }
        ids << c->value(u"Id").toString();
        run(client.startContainer(ids.last()));
    }
    QList<StatsJob *> jobs;
    int samples = 0;
    for (const QString &id : std::as_const(ids)) {
        auto *j = client.stats(id);
        QObject::connect(j, &StatsJob::sample, &app, [&samples] { ++samples; });
        jobs << j;
        j->start();
    }
    {
        QEventLoop warm;
        QTimer::singleShot(2500, &warm, &QEventLoop::quit); // every stream past its first sample
        warm.exec();
    }
    samples = 0;
    const double cpu0 = cpuSeconds();
    QElapsedTimer t;
    t.start();
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    const double cpu = cpuSeconds() - cpu0;
    const double wall = double(t.elapsed()) / 1000.0;
    for (StatsJob *j : std::as_const(jobs))
        j->kill();
    std::printf("\nstats: %d containers, %.1f s: %d samples (%.1f/s), client CPU %.0f ms = %.2f%% of one core, %.0f "
                "µs/sample\n",
        n, wall, samples, samples / wall, cpu * 1000, cpu / wall * 100, cpu / std::max(samples, 1) * 1e6);

    // The CLI watching the same containers, same window.
    {
        QProcess proc;
        QStringList args { u"stats"_s, u"--format"_s, u"{{.ID}} {{.CPUPerc}} {{.MemUsage}}"_s };
        args += ids;
        proc.setStandardOutputFile(QProcess::nullDevice());
        proc.start(u"docker"_s, args);
        proc.waitForStarted();
        QEventLoop w;
        QTimer::singleShot(2500, &w, &QEventLoop::quit);
        w.exec();
        const double c0 = procCpuSeconds(proc.processId());
        QEventLoop w2;
        QTimer::singleShot(seconds * 1000, &w2, &QEventLoop::quit);
        w2.exec();
        const double c1 = procCpuSeconds(proc.processId());
        proc.kill();
        proc.waitForFinished();
        std::printf("docker stats CLI, same containers and window: CPU %.0f ms = %.2f%% of one core\n",
            (c1 - c0) * 1000, (c1 - c0) / seconds * 100);
    }
    for (const QString &id : std::as_const(ids))
        run(client.removeContainer(id, true));
    return 0;
}
