// ContainerSpec (hardened defaults, validation) and Endpoint (DOCKER_HOST parsing).
#include <docker/containerspec.h>
#include <docker/endpoint.h>

#include <QJsonArray>
#include <QTest>

using namespace ttalkak::docker;
using namespace Qt::StringLiterals;
using ttalkak::core::ErrorCode;

class TestContainerSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hardenedDefaults();
    void validation_data();
    void validation();
    void endpoint_data();
    void endpoint();
    void endpointTlsFromEnvironment();
};

void TestContainerSpec::hardenedDefaults()
{
    ContainerSpec s;
    s.image = u"app:1"_s;
    s.ports = { { 8080, 0, u"tcp"_s } };
    s.env = { { u"A"_s, u"line1\nline2"_s } };
    QVERIFY(s.validate().hasValue());
    const QJsonObject j = s.toJson();
    const QJsonObject h = j[u"HostConfig"].toObject();
    QCOMPARE(h[u"CapDrop"].toArray(), QJsonArray { u"ALL"_s });
    QVERIFY(!h.contains(u"CapAdd"));
    QCOMPARE(h[u"SecurityOpt"].toArray(), QJsonArray { u"no-new-privileges:true"_s });
    QCOMPARE(h[u"Privileged"].toBool(), false);
    QCOMPARE(h[u"Memory"].toInteger(), h[u"MemorySwap"].toInteger());
    QVERIFY(h[u"PidsLimit"].toInteger() > 0);
    QVERIFY(h[u"NanoCpus"].toInteger() > 0);
    QCOMPARE(h[u"PortBindings"][u"8080/tcp"][0][u"HostIp"].toString(), u"127.0.0.1"_s);
    QVERIFY(!h.contains(u"Binds"));
    QCOMPARE(h[u"RestartPolicy"][u"Name"].toString(), u"unless-stopped"_s);
    // The value travels as one array element: a newline cannot become a new variable or command.
    QCOMPARE(j[u"Env"].toArray(), QJsonArray { u"A=line1\nline2"_s });
}

void TestContainerSpec::validation_data()
{
    QTest::addColumn<int>("what");
    QTest::addColumn<int>("code");
    QTest::newRow("host path volume") << 0 << int(ErrorCode::Unsafe);
    QTest::newRow("relative volume") << 1 << int(ErrorCode::Unsafe);
    QTest::newRow("sys_admin") << 2 << int(ErrorCode::Unsafe);
    QTest::newRow("public bind") << 3 << int(ErrorCode::Unsafe);
    QTest::newRow("no image") << 4 << int(ErrorCode::InvalidInput);
    QTest::newRow("bad env name") << 5 << int(ErrorCode::InvalidInput);
    QTest::newRow("tiny memory") << 6 << int(ErrorCode::InvalidInput);
    QTest::newRow("cap_all") << 7 << int(ErrorCode::Unsafe);
}

void TestContainerSpec::validation()
{
    QFETCH(int, what);
    QFETCH(int, code);
    ContainerSpec s;
    s.image = u"x"_s;
    switch (what) {
    case 0:
        s.volumes = { { u"/etc"_s, u"/data"_s } };
        break;
    case 1:
        s.volumes = { { u"../x"_s, u"/data"_s } };
        break;
    case 2:
        s.capAdd = { u"SYS_ADMIN"_s };
        break;
    case 3:
        s.bindAddress = u"0.0.0.0"_s;
        s.ports = { { 80, 0, u"tcp"_s } };
        break;
    case 4:
        s.image.clear();
        break;
    case 5:
        s.env = { { u"A=B"_s, u"x"_s } };
        break;
    case 6:
        s.memoryBytes = 1024;
        break;
    case 7:
        s.capAdd = { u"cap_all"_s };
        break;
    }
    auto r = s.validate();
    QVERIFY(!r.hasValue());
    QCOMPARE(int(r.error().code()), code);
}

void TestContainerSpec::endpoint_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("empty") << QString() << true << u"unix:///var/run/docker.sock"_s;
    QTest::newRow("unix") << u"unix:///run/user/1000/docker.sock"_s << true << u"unix:///run/user/1000/docker.sock"_s;
    QTest::newRow("tcp") << u"tcp://10.0.0.5:2375"_s << true << u"tcp://10.0.0.5:2375"_s;
    QTest::newRow("tcp default port") << u"tcp://docker.example"_s << true << u"tcp://docker.example:2375"_s;
    QTest::newRow("https") << u"https://docker.example"_s << true << u"https://docker.example:2376"_s;
    QTest::newRow("ssh") << u"ssh://me@host"_s << false << QString();
    QTest::newRow("relative unix") << u"unix://docker.sock"_s << false << QString();
}

void TestContainerSpec::endpoint()
{
    QFETCH(QString, host);
    QFETCH(bool, ok);
    QFETCH(QString, normalized);
    auto e = Endpoint::parse(host);
    QCOMPARE(e.hasValue(), ok);
    if (ok)
        QCOMPARE(e->toString(), normalized);
}

void TestContainerSpec::endpointTlsFromEnvironment()
{
    qputenv("DOCKER_HOST", "tcp://127.0.0.1:2376");
    qputenv("DOCKER_TLS_VERIFY", "1");
    qputenv("DOCKER_CERT_PATH", QFINDTESTDATA("tst_containerspec.cpp").toUtf8() + ".nonexistent");
    auto e = Endpoint::fromEnvironment();
    QVERIFY(e.hasValue());
    QVERIFY(e->usesTls());
    QVERIFY(e->tlsFiles().verifyPeer);
    qunsetenv("DOCKER_HOST");
    qunsetenv("DOCKER_TLS_VERIFY");
    qunsetenv("DOCKER_CERT_PATH");
}

QTEST_GUILESS_MAIN(TestContainerSpec)
#include "tst_containerspec.moc"
