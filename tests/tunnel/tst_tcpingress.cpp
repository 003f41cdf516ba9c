// TcpIngress: a database port streamed through the tunnel, restricted to the owner's allow-list.

#include <tunnel/tcpingress.h>

#include "testenv.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::tunnel;

class TstTcpIngress : public QObject
{
    Q_OBJECT

    // Answers each line with "ok <line>" (a query protocol in miniature); counts hang-ups.
    QTcpServer m_db;
    int m_hangups = 0;
    std::unique_ptr<test::Rig> m_rig;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_db.listen(QHostAddress::LocalHost, 0));
        connect(&m_db, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = m_db.nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [s] {
                while (s->canReadLine())
                    s->write("ok " + s->readLine());
            });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            connect(s, &QTcpSocket::disconnected, this, [this] { ++m_hangups; });
        });
        m_rig = std::make_unique<test::Rig>();
        m_rig->addSite(u"pg"_s, m_db.serverPort());
        QVERIFY(m_rig->start());
    }

    void allowedClientTalksToTheDatabase()
    {
        TcpIngress ingress(
            m_rig->hub.get(), m_rig->routes.value(u"pg"_s), { TcpIngress::host(QHostAddress(u"127.0.0.2"_s)) });
        QVERIFY(ingress.listen(QHostAddress::LocalHost));
        QSignalSpy closed(&ingress, &TcpIngress::connectionClosed);

        QTcpSocket client;
        QVERIFY(client.bind(QHostAddress(u"127.0.0.2"_s)));
        client.connectToHost(QHostAddress::LocalHost, ingress.serverPort());
        QVERIFY(client.waitForConnected(5000));
        client.write("select 1\nselect 2\n");
        QByteArray got;
        QTRY_COMPARE_WITH_TIMEOUT((got += client.readAll()), "ok select 1\nok select 2\n"_ba, 5000);
        // The client hangs up: so does the relay's connection to the database.
        const int hangups = m_hangups;
        client.disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(m_hangups, hangups + 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 5000);
        QCOMPARE(closed.first().at(0).value<QHostAddress>(), QHostAddress(u"127.0.0.2"_s));
        QCOMPARE(closed.first().at(1).toLongLong(), 18); // bytes from the client
        QCOMPARE(closed.first().at(2).toLongLong(), 24); // bytes to the client
    }

    void otherAddressesAreRefused()
    {
        TcpIngress ingress(m_rig->hub.get(), m_rig->routes.value(u"pg"_s),
            { { QHostAddress(u"10.0.0.0"_s), 8 }, TcpIngress::host(QHostAddress(u"127.0.0.2"_s)) });
        QVERIFY(ingress.listen(QHostAddress::LocalHost));
        QSignalSpy refused(&ingress, &TcpIngress::connectionRefused);
        const int before = m_rig->agent->activeStreams();

        QTcpSocket client; // from 127.0.0.1: not on the list
        client.connectToHost(QHostAddress::LocalHost, ingress.serverPort());
        QVERIFY(client.waitForConnected(5000));
        QSignalSpy gone(&client, &QTcpSocket::disconnected);
        client.write("select secrets\n");
        QVERIFY(gone.wait(5000));
        QCOMPARE(client.readAll(), QByteArray());
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(0).value<QHostAddress>(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(m_rig->agent->activeStreams(), before); // nothing reached the provider
    }

    void allowListMatching_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("exact") << u"198.51.100.7"_s << true;
        QTest::newRow("subnet") << u"10.1.2.3"_s << true;
        QTest::newRow("v4-mapped v6") << u"::ffff:198.51.100.7"_s << true;
        QTest::newRow("neighbour") << u"198.51.100.8"_s << false;
        QTest::newRow("v6") << u"2001:db8::1"_s << false;
    }
    void allowListMatching()
    {
        QFETCH(QString, address);
        QFETCH(bool, allowed);
        TcpIngress ingress(
            nullptr, {}, { TcpIngress::host(QHostAddress(u"198.51.100.7"_s)), { QHostAddress(u"10.0.0.0"_s), 8 } });
        QCOMPARE(ingress.isAllowed(QHostAddress(address)), allowed);
    }
};

TTALKAK_TUNNEL_TEST_MAIN(TstTcpIngress)
#include "tst_tcpingress.moc"
