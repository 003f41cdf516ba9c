#include "relayprocess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;

RelayProcess::RelayProcess(const QString &dbUrl, const QString &dataDir, const QStringList &extraArgs)
    : m_dbUrl(dbUrl)
    , m_dataDir(dataDir)
    , m_extraArgs(extraArgs)
{
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process, [this] {
        const QByteArray chunk = m_process.readAllStandardError();
        m_log += chunk;
        if (qEnvironmentVariableIsSet("TTALKAK_RELAY_TEST_VERBOSE"))
            fputs(chunk.constData(), stderr);
    });
}

RelayProcess::~RelayProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

bool RelayProcess::start(int timeoutMs)
{
    const QString bin = qEnvironmentVariable("TTALKAK_RELAY_BIN");
    if (bin.isEmpty()) {
        qWarning("TTALKAK_RELAY_BIN is not set");
        return false;
    }
    m_port = 0;
    const qsizetype logStart = m_log.size();
    QStringList args{u"--listen"_s, u"127.0.0.1:0"_s, u"--data"_s, m_dataDir, u"--db"_s, m_dbUrl,
                     u"--log-format"_s, u"json"_s, u"--kdf-iterations"_s, u"100000"_s};
    args << m_extraArgs;
    m_process.start(bin, args);
    if (!m_process.waitForStarted(timeoutMs))
        return false;
    const bool up = QTest::qWaitFor([&] {
        if (m_process.state() != QProcess::Running)
            return true;
        const QList<QByteArray> lines = m_log.mid(logStart).split('\n');
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(u"msg"_s).toString() == u"listening") {
                m_port = quint16(o.value(u"port"_s).toInt());
                m_tls = o.value(u"tls"_s).toVariant().toInt() == 1;
                return true;
            }
        }
        return false;
    }, timeoutMs);
    if (!up || m_port == 0) {
        qWarning("relay did not start:\n%s", m_log.constData());
        return false;
    }
    return true;
}

bool RelayProcess::terminate(int timeoutMs)
{
    ::kill(pid_t(m_process.processId()), SIGTERM);
    return QTest::qWaitFor([&] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
}

void RelayProcess::kill()
{
    ::kill(pid_t(m_process.processId()), SIGKILL);
    (void)QTest::qWaitFor([&] { return m_process.state() == QProcess::NotRunning; }, 10000);
}

QUrl RelayProcess::url(const QString &path) const
{
    return QUrl(u"%1://127.0.0.1:%2%3"_s.arg(m_tls ? u"https"_s : u"http"_s).arg(m_port).arg(path));
}

QUrl RelayProcess::wsUrl() const
{
    return QUrl(u"%1://127.0.0.1:%2/v1/ws"_s.arg(m_tls ? u"wss"_s : u"ws"_s).arg(m_port));
}
