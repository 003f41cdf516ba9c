#pragma once
// RelayProcess: the real ttalkak-relay binary (TTALKAK_RELAY_BIN) on a free loopback port,
// with its own data directory and the test's store URL. start() waits (bounded) for the
// "listening" log line and reads the port from it.

#include <QProcess>
#include <QStringList>
#include <QUrl>

class RelayProcess
{
public:
    RelayProcess(const QString &dbUrl, const QString &dataDir, const QStringList &extraArgs = {});
    ~RelayProcess();

    bool start(int timeoutMs = 15000);
    // SIGTERM; true when it exited by itself within the timeout. exitCode() afterwards.
    bool terminate(int timeoutMs = 10000);
    void kill(); // SIGKILL, waits for the process to be gone
    int exitCode() const { return m_process.exitCode(); }
    bool isRunning() const { return m_process.state() == QProcess::Running; }

    quint16 port() const { return m_port; }
    QUrl url(const QString &path) const;
    QUrl wsUrl() const;
    QByteArray log() const { return m_log; }

private:
    QProcess m_process;
    QString m_dbUrl;
    QString m_dataDir;
    QStringList m_extraArgs;
    QByteArray m_log;
    quint16 m_port = 0;
    bool m_tls = false; // the listener speaks TLS (--tls-cert/--tls-key): https:// and wss:// URLs
};
