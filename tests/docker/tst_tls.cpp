// TLS transport (tcp:// with DOCKER_TLS_VERIFY, as for a remote engine): client certificates
// from DOCKER_CERT_PATH, server verification against ca.pem, failures as clear errors.
// Certificates are made with the openssl CLI at start-up; the engine is a QSslServer fake.
#include "jobrunner.h"

#include <docker/dockerclient.h>

#include <QFile>
#include <QProcess>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace ttalkak::docker;
using namespace Qt::StringLiterals;
using ttalkak::core::ErrorCode;

class TestTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void clientCertificateAccepted();
    void missingClientCertificateRejected();
    void untrustedServerRejected();

private:
    bool openssl(const QStringList &args);
    void setEnv(const QString &certDir);
    QTemporaryDir m_dir;
    QTemporaryDir m_otherCa;
    QSslServer m_server;
    int m_requests = 0;
};

bool TestTls::openssl(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"openssl"_s, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning("openssl %s: %s", qPrintable(args.join(u' ')), p.readAll().constData());
        return false;
    }
    return true;
}

void TestTls::initTestCase()
{
    if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
        QSKIP("the openssl CLI is needed to make test certificates");
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    {
        QFile ext(m_dir.filePath(u"server.ext"_s));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        QFile cext(m_dir.filePath(u"client.ext"_s));
        QVERIFY(cext.open(QIODevice::WriteOnly));
        cext.write("extendedKeyUsage=clientAuth\n");
    }
    const QString days = u"2"_s;
    QVERIFY(openssl({ u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, u"ca-key.pem"_s,
        u"-out"_s, u"ca.pem"_s, u"-days"_s, days, u"-subj"_s, u"/CN=ttalkak-test-ca"_s }));
    for (const QString &who : { u"server"_s, u"client"_s }) {
        QVERIFY(openssl({ u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, who + u"-key.pem"_s,
            u"-out"_s, who + u".csr"_s, u"-subj"_s, u"/CN="_s + who }));
        QVERIFY(openssl(
            { u"x509"_s, u"-req"_s, u"-in"_s, who + u".csr"_s, u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s, u"ca-key.pem"_s,
                u"-CAcreateserial"_s, u"-out"_s, who + u".pem"_s, u"-days"_s, days, u"-extfile"_s, who + u".ext"_s }));
    }
    // DOCKER_CERT_PATH layout: ca.pem, cert.pem, key.pem
    QVERIFY(QFile::copy(m_dir.filePath(u"client.pem"_s), m_dir.filePath(u"cert.pem"_s)));
    QVERIFY(QFile::copy(m_dir.filePath(u"client-key.pem"_s), m_dir.filePath(u"key.pem"_s)));
    // A second CA the server is not signed by, for the negative test.
    QProcess p;
    p.setWorkingDirectory(m_otherCa.path());
    p.start(u"openssl"_s,
        { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, u"ca-key.pem"_s, u"-out"_s,
            u"ca.pem"_s, u"-days"_s, days, u"-subj"_s, u"/CN=other-ca"_s });
    QVERIFY(p.waitForFinished(60000) && p.exitCode() == 0);
    QVERIFY(QFile::copy(m_dir.filePath(u"cert.pem"_s), m_otherCa.filePath(u"cert.pem"_s)));
    QVERIFY(QFile::copy(m_dir.filePath(u"key.pem"_s), m_otherCa.filePath(u"key.pem"_s)));

    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(QSslCertificate::fromPath(m_dir.filePath(u"server.pem"_s)).first());
    QFile key(m_dir.filePath(u"server-key.pem"_s));
    QVERIFY(key.open(QIODevice::ReadOnly));
    conf.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
    conf.setCaCertificates(QSslCertificate::fromPath(m_dir.filePath(u"ca.pem"_s)));
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer); // like dockerd --tlsverify: client certs required
    m_server.setSslConfiguration(conf);
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (auto *s = qobject_cast<QSslSocket *>(m_server.nextPendingConnection())) {
            connect(s, &QSslSocket::readyRead, s, [this, s] {
                const QByteArray req = s->readAll();
                if (!req.contains("\r\n\r\n"))
                    return;
                ++m_requests;
                const QByteArray body
                    = req.startsWith("GET /_ping") ? QByteArray("OK") : QByteArray(R"({"Version":"fake-tls"})");
                s->write("HTTP/1.1 200 OK\r\nAPI-Version: 1.41\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\n\r\n" + body);
            });
            connect(s, &QSslSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
}

void TestTls::setEnv(const QString &certDir)
{
    qputenv("DOCKER_HOST", "tcp://127.0.0.1:" + QByteArray::number(m_server.serverPort()));
    qputenv("DOCKER_TLS_VERIFY", "1");
    qputenv("DOCKER_CERT_PATH", QFile::encodeName(certDir));
}

void TestTls::cleanup()
{
    qunsetenv("DOCKER_HOST");
    qunsetenv("DOCKER_TLS_VERIFY");
    qunsetenv("DOCKER_CERT_PATH");
}

void TestTls::clientCertificateAccepted()
{
    setEnv(m_dir.path());
    auto ep = Endpoint::fromEnvironment();
    QVERIFY(ep.hasValue());
    QVERIFY(ep->usesTls());
    DockerClient c(*ep);
    auto job = runJob(c.version(), 15000);
    JOB_OK(job);
    QCOMPARE(job->value(u"Version").toString(), u"fake-tls"_s);
}

void TestTls::missingClientCertificateRejected()
{
    auto ep = Endpoint::tcp(u"127.0.0.1"_s, m_server.serverPort());
    TlsFiles files;
    files.caFile = m_dir.filePath(u"ca.pem"_s);
    ep.setTls(files);
    DockerClient c(ep);
    c.setTimeouts(5000, 5000);
    const int before = m_requests;
    auto job = runJob(c.version(), 15000);
    QVERIFY(job->failed());
    QCOMPARE(m_requests, before); // never reached HTTP
    qInfo("%s", qPrintable(job->errorString()));
}

void TestTls::untrustedServerRejected()
{
    setEnv(m_otherCa.path());
    DockerClient c(*Endpoint::fromEnvironment());
    auto job = runJob(c.version(), 15000);
    QVERIFY(job->failed());
    QCOMPARE(job->error().code(), ErrorCode::PermissionDenied);
    QVERIFY2(job->errorString().contains(u"TLS"), qPrintable(job->errorString()));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
