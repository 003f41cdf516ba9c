#pragma once
// Test helpers for libs/tunnel: real processes (curl, nginx, python3 upstream, chromium) run
// asynchronously so the relay and agent living in the test's event loop keep serving meanwhile.
// Every wait is bounded.

#include <tunnel/accesslogentry.h>
#include <tunnel/agent.h>
#include <tunnel/httpingress.h>
#include <tunnel/epolldispatcher.h>
#include <tunnel/tunnelhub.h>

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// QTEST_GUILESS_MAIN with the event dispatcher the relay and the headless provider run
// (EpollDispatcher); CTest runs some of these again with TTALKAK_EVENT_DISPATCHER=qt, the
// dispatcher of the provider's window.
#define TTALKAK_TUNNEL_TEST_MAIN(TestObject) \
    QTEST_MAIN_WRAPPER(TestObject, ttalkak::tunnel::installEpollDispatcher(); QTEST_QAPP_SETUP(QCoreApplication))

namespace ttalkak::tunnel::test {

struct ProcessResult
{
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

// Runs a program to completion while the event loop keeps running; kills it after timeoutMs.
ProcessResult run(const QString &program, const QStringList &args, int timeoutMs = 60000);
// Starts a program and returns it running (the caller owns it); nullptr + warning on failure.
std::unique_ptr<QProcess> launch(const QString &program, const QStringList &args);
bool waitForPort(quint16 port, int timeoutMs = 10000);
quint16 freePort();
QString sourceDir(); // tests/tunnel in the source tree
qint64 currentRssKb();
QByteArray patternBytes(qint64 offset, qint64 size); // the byte at i is i % 251
QByteArray sha256OfFile(const QString &path);
QByteArray sha256OfPattern(qint64 size);

// nginx serving `root` on a loopback port (nginx-light from Debian).
class Nginx
{
public:
    ~Nginx();
    bool start(const QString &root, const QString &extraServerConfig = {});
    quint16 port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

// tests/tunnel/upstream.py: a small HTTP/1.1 server (uploads, chunked, slow and sized responses).
class PythonUpstream
{
public:
    ~PythonUpstream();
    bool start();
    quint16 port() const { return m_port; }
    void kill();

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

// A relay (hub + HTTP ingress) and an agent in this process, wired like the real programs.
class Rig
{
public:
    explicit Rig(TunnelOptions options = {}, HttpIngressConfig ingressConfig = {});
    ~Rig();
    bool start(); // listens and waits for the agent's tunnel
    // Routes <name>.ttalkak.test to deployment `name` on this rig's machine, agent port `port`.
    void addSite(const QString &name, quint16 port, int maxConnections = 0, qint64 bandwidth = 0);
    QString url(const QString &name, const QString &path) const;
    QStringList curlResolve(const QString &name) const; // --resolve name.ttalkak.test:PORT:127.0.0.1

    std::unique_ptr<TunnelHub> hub;
    std::unique_ptr<HttpIngress> ingress;
    std::unique_ptr<Agent> agent;
    QList<AccessLogEntry> rows;
    QHash<QString, Route> routes;
    QString machine = QStringLiteral("machine-1");
    QByteArray key = QByteArrayLiteral("s3cret-machine-key");
    quint16 hubPort = 0;
    AgentConfig agentConfigTemplate;
};

} // namespace ttalkak::tunnel::test
