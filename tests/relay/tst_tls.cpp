// The relay's TLS listener (--tls-cert/--tls-key) with real clients: a
// certificate made by openssl for this run, QNetworkAccessManager verifying it
// against that certificate as the only CA, curl over HTTPS, and plain HTTP
// refused on the TLS port.

#include "relayprocess.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestRelayTls : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QNetworkReply *get(QNetworkAccessManager &nam, const QUrl &url, const QList<QSslCertificate> &cas)
    {
        QNetworkRequest req(url);
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(cas);
        req.setSslConfiguration(ssl);
        req.setTransferTimeout(10000);
        return nam.get(req);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QFAIL("Qt has no TLS backend");
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                                     u"-keyout"_s, m_dir.filePath(u"key.pem"_s), u"-out"_s, m_dir.filePath(u"cert.pem"_s),
                                     u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=localhost"_s,
                                     u"-addext"_s, u"subjectAltName=DNS:localhost,IP:127.0.0.1"_s});
        QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    }

    void httpsServesAndVerifies()
    {
        RelayProcess relay(u"sqlite:"_s + m_dir.filePath(u"relay.db"_s), m_dir.filePath(u"data"_s),
                           {u"--tls-cert"_s, m_dir.filePath(u"cert.pem"_s), u"--tls-key"_s, m_dir.filePath(u"key.pem"_s)});
        QVERIFY(relay.start());
        QVERIFY(relay.log().contains("\"tls\":1") || relay.log().contains("\"tls\":true"));

        const QList<QSslCertificate> ours = QSslCertificate::fromPath(m_dir.filePath(u"cert.pem"_s));
        QCOMPARE(ours.size(), 1);
        QNetworkAccessManager nam;
        const QUrl healthz(u"https://localhost:%1/healthz"_s.arg(relay.port()));

        // Trusted: our certificate is the CA.
        std::unique_ptr<QNetworkReply> ok(get(nam, healthz, ours));
        QVERIFY(QTest::qWaitFor([&] { return ok->isFinished(); }, 15000));
        QCOMPARE(ok->error(), QNetworkReply::NoError);
        QCOMPARE(ok->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(ok->readAll().contains("ok"));

        // Authentication is still required over TLS.
        std::unique_ptr<QNetworkReply> denied(get(nam, QUrl(u"https://localhost:%1/v1/projects"_s.arg(relay.port())), ours));
        QVERIFY(QTest::qWaitFor([&] { return denied->isFinished(); }, 15000));
        QCOMPARE(denied->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);

        // Untrusted: a fresh client (no cached connection) with the system CAs
        // only fails the handshake, so TLS really is in use.
        QNetworkAccessManager untrusting;
        std::unique_ptr<QNetworkReply> bad(get(untrusting, healthz, QSslConfiguration::systemCaCertificates()));
        QVERIFY(QTest::qWaitFor([&] { return bad->isFinished(); }, 15000));
        QCOMPARE(bad->error(), QNetworkReply::SslHandshakeFailedError);

        // curl, a real HTTPS client, with the certificate as CA.
        QProcess curl;
        curl.start(u"curl"_s, {u"-sS"_s, u"--max-time"_s, u"10"_s, u"--cacert"_s, m_dir.filePath(u"cert.pem"_s), healthz.toString()});
        QVERIFY(curl.waitForFinished(15000));
        QCOMPARE(curl.exitCode(), 0);
        QVERIFY(curl.readAllStandardOutput().contains("ok"));

        // Plain HTTP on the TLS port gets no HTTP answer.
        QProcess plain;
        plain.start(u"curl"_s, {u"-sS"_s, u"--max-time"_s, u"5"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code}"_s,
                                u"http://127.0.0.1:%1/healthz"_s.arg(relay.port())});
        QVERIFY(plain.waitForFinished(15000));
        QVERIFY(plain.exitCode() != 0);
        QCOMPARE(plain.readAllStandardOutput(), QByteArray("000"));

        QVERIFY(relay.terminate());
        QCOMPARE(relay.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRelayTls)
#include "tst_tls.moc"
