// One end of the tunnel as a separate process, for bench/tunnel/run.sh:
//   tunnel_bench_node relay --hub-port H --http-port P --key K --route NAME=PORT
//   tunnel_bench_node agent --hub-port H --key K --route NAME=PORT [--connections N]
// The relay routes NAME.<any domain> to deployment NAME on machine "bench"; the agent allows
// NAME → 127.0.0.1:PORT. Both run until killed; the relay prints "ready" once the agent is in.

#include <tunnel/agent.h>
#include <tunnel/allocator.h>
#include <tunnel/epolldispatcher.h>
#include <tunnel/httpingress.h>
#include <tunnel/tunnelhub.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QLoggingCategory>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace ttalkak::tunnel;

int main(int argc, char **argv)
{
    ttalkak::tunnel::tuneAllocator();
    ttalkak::tunnel::installEpollDispatcher();
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"ttalkak.*.info=false"_s);
    QCommandLineParser p;
    p.addPositionalArgument(u"role"_s, u"relay or agent"_s);
    p.addOption({ u"hub-port"_s, u"tunnel port"_s, u"port"_s });
    p.addOption({ u"http-port"_s, u"public HTTP port (relay)"_s, u"port"_s });
    p.addOption({ u"key"_s, u"machine key"_s, u"key"_s, u"bench-key"_s });
    p.addOption({ u"route"_s, u"NAME=PORT"_s, u"route"_s });
    p.addOption({ u"connections"_s, u"parallel tunnel connections (agent)"_s, u"n"_s, u"1"_s });
    p.process(app);
    const QString role = p.positionalArguments().value(0);
    const QByteArray key = p.value(u"key"_s).toUtf8();
    QHash<QString, quint16> routes;
    for (const QString &r : p.values(u"route"_s))
        routes.insert(r.section(u'=', 0, 0), quint16(r.section(u'=', 1).toUInt()));

    if (role == u"relay"_s) {
        auto *hub = new TunnelHub(&app);
        hub->setVerifier([key](const QString &m, const QByteArray &k) { return m == u"bench"_s && k == key; });
        auto *ingress = new HttpIngress(hub, { u"ttalkak.test"_s, {}, 60000, 60000 }, &app);
        ingress->setResolver([routes](const HostQuery &q) -> std::optional<Route> {
            const QString name = q.name.isEmpty() ? q.host.section(u'.', 0, 0) : q.name;
            if (!routes.contains(name))
                return std::nullopt;
            return Route { name, u"bench"_s, routes.value(name), 0, 0 };
        });
        if (!hub->listen(QHostAddress::LocalHost, quint16(p.value(u"hub-port"_s).toUInt()))
            || !ingress->listen(QHostAddress::LocalHost, quint16(p.value(u"http-port"_s).toUInt()))) {
            std::fprintf(stderr, "cannot listen\n");
            return 1;
        }
        QObject::connect(hub, &TunnelHub::agentConnected, &app, [] {
            std::printf("ready\n");
            std::fflush(stdout);
        });
        return app.exec();
    }
    if (role == u"agent"_s) {
        AgentConfig c;
        c.host = u"127.0.0.1"_s;
        c.port = quint16(p.value(u"hub-port"_s).toUInt());
        c.machineId = u"bench"_s;
        c.key = key;
        c.connections = p.value(u"connections"_s).toInt();
        auto *agent = new Agent(c, &app);
        for (auto it = routes.cbegin(); it != routes.cend(); ++it)
            agent->setRoute(it.key(), it.value());
        agent->start();
        return app.exec();
    }
    std::fprintf(stderr, "usage: tunnel_bench_node relay|agent ...\n");
    return 2;
}
