#include "testenv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>

namespace ttalkak::tunnel::test {

using namespace Qt::StringLiterals;

ProcessResult run(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(10000)) {
        qWarning() << "cannot start" << program << p.errorString();
        return r;
    }
    QSignalSpy spy(&p, &QProcess::finished);
    if (!spy.wait(timeoutMs)) {
        qWarning() << program << "did not finish in" << timeoutMs << "ms; killing it";
        p.kill();
        p.waitForFinished(5000);
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    r.finished = true;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

std::unique_ptr<QProcess> launch(const QString &program, const QStringList &args)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // Servers die with the test, even when it crashes (they would hold ctest's pipes open).
    p->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    p->start(program, args);
    if (!p->waitForStarted(10000)) {
        qWarning() << "cannot start" << program << p->errorString();
        return nullptr;
    }
    return p;
}

bool waitForPort(quint16 port, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        QSignalSpy connected(&s, &QTcpSocket::connected);
        QSignalSpy failed(&s, &QTcpSocket::errorOccurred);
        QElapsedTimer attempt;
        attempt.start();
        while (connected.isEmpty() && failed.isEmpty() && attempt.elapsed() < 1000)
            QTest::qWait(5);
        if (!connected.isEmpty())
            return true;
        QTest::qWait(20);
    }
    return false;
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

QString sourceDir()
{
    return QStringLiteral(TTALKAK_TUNNEL_TEST_DIR);
}

qint64 currentRssKb()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QByteArray patternBytes(qint64 offset, qint64 size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        out[i] = char((offset + i) % 251);
    return out;
}

QByteArray sha256OfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QByteArray sha256OfPattern(qint64 size)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const qint64 block = 251 * 4096; // a whole number of periods, so every block is the same
    const QByteArray chunk = patternBytes(0, block);
    qint64 done = 0;
    while (done + block <= size) {
        h.addData(chunk);
        done += block;
    }
    h.addData(QByteArrayView(chunk).first(size - done));
    return h.result().toHex();
}

Nginx::~Nginx()
{
    if (m_process) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
    }
}

bool Nginx::start(const QString &root, const QString &extraServerConfig)
{
    m_port = freePort();
    const QString prefix = m_dir.path();
    QDir().mkpath(prefix + u"/logs"_s);
    QFile::setPermissions(prefix,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
            | QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
    const QString conf = uR"(worker_processes 1;
daemon off;
pid %1/nginx.pid;
error_log stderr error;
worker_rlimit_nofile 8192;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path %1/body; proxy_temp_path %1/proxy; fastcgi_temp_path %1/fcgi;
  uwsgi_temp_path %1/uwsgi; scgi_temp_path %1/scgi;
  keepalive_requests 1000000;
  types { text/html html; text/css css; application/javascript js; image/png png; }
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:%2;
    root %3;
    %4
  }
}
)"_s.arg(prefix)
                             .arg(m_port)
                             .arg(root, extraServerConfig);
    QFile f(prefix + u"/nginx.conf"_s);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(conf.toUtf8());
    f.close();
    m_process
        = launch(u"/usr/sbin/nginx"_s, { u"-e"_s, u"stderr"_s, u"-p"_s, prefix, u"-c"_s, prefix + u"/nginx.conf"_s });
    return m_process && waitForPort(m_port);
}

PythonUpstream::~PythonUpstream()
{
    kill();
}

void PythonUpstream::kill()
{
    if (m_process) {
        m_process->kill();
        m_process->waitForFinished(5000);
        m_process.reset();
    }
}

bool PythonUpstream::start()
{
    m_port = freePort();
    m_process = launch(u"/usr/bin/python3"_s, { sourceDir() + u"/upstream.py"_s, QString::number(m_port) });
    return m_process && waitForPort(m_port);
}

Rig::Rig(TunnelOptions options, HttpIngressConfig ingressConfig)
{
    if (ingressConfig.domain.isEmpty())
        ingressConfig.domain = u"ttalkak.test"_s;
    hub = std::make_unique<TunnelHub>();
    hub->setOptions(options);
    hub->setVerifier([this](const QString &m, const QByteArray &k) { return m == machine && k == key; });
    ingress = std::make_unique<HttpIngress>(hub.get(), ingressConfig);
    ingress->setResolver([this](const HostQuery &q) -> std::optional<Route> {
        const auto it = routes.constFind(q.name.isEmpty() ? q.host : q.name);
        if (it == routes.constEnd())
            return std::nullopt;
        return *it;
    });
    QObject::connect(
        ingress.get(), &HttpIngress::requestLogged, ingress.get(), [this](const AccessLogEntry &e) { rows.append(e); });
    AgentConfig config;
    config.host = u"127.0.0.1"_s;
    config.machineId = machine;
    config.key = key;
    config.options = options;
    config.backoff = { 50, 500, 2.0 };
    agentConfigTemplate = config;
}

Rig::~Rig()
{
    agent.reset();
    ingress.reset();
    hub.reset();
}

bool Rig::start()
{
    if (!hub->listen(QHostAddress::LocalHost, 0) || !ingress->listen(QHostAddress::LocalHost, 0))
        return false;
    hubPort = hub->serverPort();
    AgentConfig config = agentConfigTemplate;
    config.port = hubPort;
    agent = std::make_unique<Agent>(config);
    for (auto it = routes.cbegin(); it != routes.cend(); ++it)
        agent->setRoute(it->deployment, it->port);
    agent->start();
    QElapsedTimer clock;
    clock.start();
    while (!hub->isConnected(machine) && clock.elapsed() < 10000)
        QTest::qWait(10);
    return hub->isConnected(machine);
}

void Rig::addSite(const QString &name, quint16 port, int maxConnections, qint64 bandwidth)
{
    Route r;
    r.deployment = name;
    r.machineId = machine;
    r.port = port;
    r.maxConnections = maxConnections;
    r.bandwidthBytesPerSecond = bandwidth;
    routes.insert(name, r);
    if (agent)
        agent->setRoute(name, port);
}

QString Rig::url(const QString &name, const QString &path) const
{
    return u"http://%1.ttalkak.test:%2%3"_s.arg(name).arg(ingress->serverPort()).arg(path);
}

QStringList Rig::curlResolve(const QString &name) const
{
    return { u"--resolve"_s, u"%1.ttalkak.test:%2:127.0.0.1"_s.arg(name).arg(ingress->serverPort()) };
}

} // namespace ttalkak::tunnel::test
