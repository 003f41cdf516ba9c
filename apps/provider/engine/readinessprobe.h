#pragma once
// ReadinessProbe: waits until a freshly started container answers on its published loopback
// port — a TCP connect, or with an HTTP path a response below 500 — so a redeploy switches
// traffic only to a container that serves. Polls every 250 ms until the deadline.
// `finished` fires once; the probe then deletes itself.

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

namespace ttalkak::provider {

class ReadinessProbe : public QObject
{
    Q_OBJECT
public:
    ReadinessProbe(quint16 port, QString httpPath, int timeoutMs, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(bool ready, const QString &detail);

private:
    void attempt();
    void retry(const QString &why);
    void finish(bool ready, const QString &detail);

    quint16 m_port;
    QString m_path;
    int m_timeoutMs;
    QElapsedTimer m_clock;
    QTimer m_retry;
    QPointer<QTcpSocket> m_socket;
    QString m_lastProblem;
    bool m_done = false;
};

} // namespace ttalkak::provider
