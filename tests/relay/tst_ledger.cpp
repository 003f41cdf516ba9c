// Earnings ledger against the running relay: usage from heartbeats is charged once per
// interval at the provider's prices, entries balance to zero and match the metered usage
// exactly, settlement moves pending to settled, and an overdrawn deployer gets stopped.
#include "relayfixture.h"

#include <database.h>
#include <ledger.h>

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;
using ttalkak::relay::Ledger;

namespace {
QString type(const QJsonObject &o) { return o.value(u"type"_s).toString(); }
}

class TestLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usageChargedOnceBalancedAndSettled()
    {
        // Small sign-up credit and no grace: the deployer runs dry within this test.
        RelayFixture fx({u"--fee-basis-points"_s, u"1500"_s, u"--settlement-interval-ms"_s, u"300"_s,
                         u"--signup-credit"_s, u"5000"_s, u"--credit-grace-ms"_s, u"0"_s});
        REQUIRE_RELAY(fx);
        const TestUser dev = fx.signUp(u"dev@example.com"_s);
        const TestUser host = fx.signUp(u"host@example.com"_s);
        const QString project = fx.createProject(dev, u"metered"_s);
        const TestProvider pid = fx.addProvider(host, u"meter-box"_s);
        const qint64 cpuHour = 3'600'000, gbHour = 1'024'000; // micro-units
        auto prov = fx.connectProvider(pid, {8000, 16384, 100000, 10, cpuHour, gbHour});
        QVERIFY(prov);
        const QString dep = fx.deploy(dev, project, u"app"_s, 500, 512, 100).value(u"id"_s).toString();
        const QJsonObject offer = prov->waitForType(u"offer"_s);
        QCOMPARE(type(prov->call({{u"type"_s, u"accept"_s}, {u"offer"_s, offer.value(u"offer"_s)}})), u"ack");
        QCOMPARE(type(prov->call({{u"type"_s, u"status"_s}, {u"deployment"_s, dep}, {u"generation"_s, 1}, {u"state"_s, u"running"_s}})), u"ack");

        const qint64 minute = (QDateTime::currentSecsSinceEpoch() / 60) * 60;
        const QList<std::pair<qint64, int>> intervals{{minute - 300, 60}, {minute - 240, 60}, {minute - 180, 30}, {minute - 120, 45}, {minute - 60, 59}};
        QJsonArray usage;
        qint64 expected = 0;
        for (const auto &[start, seconds] : intervals) {
            usage.append(QJsonObject{{u"deployment"_s, dep}, {u"interval"_s, start}, {u"seconds"_s, seconds}});
            expected += Ledger::price(seconds, 500, 512, cpuHour, gbHour);
        }
        QVERIFY(expected > 0);
        QJsonObject ack = prov->call({{u"type"_s, u"heartbeat"_s}, {u"usage"_s, usage}});
        QCOMPARE(ack.value(u"charged"_s).toInt(), 5);
        // The provider's app sees its earnings in the ack: all of today's credit, the last day's bar.
        const QJsonObject earned = ack.value(u"earnings"_s).toObject();
        const qint64 expectedFees = [&] {
            qint64 f = 0;
            for (const auto &[start, seconds] : intervals)
                f += Ledger::price(seconds, 500, 512, cpuHour, gbHour) * 1500 / 10000;
            return f;
        }();
        QCOMPARE(earned.value(u"allTime"_s).toInteger(), expected - expectedFees);
        QCOMPARE(earned.value(u"pending"_s).toInteger() + earned.value(u"settled"_s).toInteger(), expected - expectedFees);
        const QJsonArray days = earned.value(u"days"_s).toArray();
        QCOMPARE(days.size(), 14);
        QCOMPARE(days.last()[u"day"].toString(), QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
        QCOMPARE(days.last()[u"amount"].toInteger(), earned.value(u"today"_s).toInteger());
        const QJsonArray perDeployment = earned.value(u"deployments"_s).toArray();
        QCOMPARE(perDeployment.size(), 1);
        QCOMPARE(perDeployment.first()[u"deployment"].toString(), dep);
        QCOMPARE(perDeployment.first()[u"name"].toString(), u"app"_s);
        QCOMPARE(perDeployment.first()[u"month"].toInteger(), earned.value(u"month"_s).toInteger());
        // The same report again (a retry after a lost ack) charges nothing, and sends no earnings.
        ack = prov->call({{u"type"_s, u"heartbeat"_s}, {u"usage"_s, usage}});
        QCOMPARE(ack.value(u"charged"_s).toInt(), 0);
        QCOMPARE(ack.value(u"duplicates"_s).toInt(), 5);
        QVERIFY(!ack.contains(u"earnings"_s));
        // Usage for something not placed here, or malformed, is refused and charges nothing.
        ack = prov->call({{u"type"_s, u"heartbeat"_s},
                          {u"usage"_s, QJsonArray{QJsonObject{{u"deployment"_s, u"dep_other"_s}, {u"interval"_s, minute - 60}, {u"seconds"_s, 60}},
                                                  QJsonObject{{u"deployment"_s, dep}, {u"interval"_s, minute - 61}, {u"seconds"_s, 60}},
                                                  QJsonObject{{u"deployment"_s, dep}, {u"interval"_s, minute - 600}, {u"seconds"_s, 61}}}}});
        QCOMPARE(ack.value(u"charged"_s).toInt(), 0);
        QCOMPARE(ack.value(u"refused"_s).toArray().size(), 3);

        auto db = ttalkak::relay::Database::open(fx.db().url());
        QVERIFY(db);
        auto sum = [&](const QString &where, const QVariantList &binds = {}) {
            auto q = (*db)->exec(u"SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE "_s + where, binds);
            return q && q->next() ? q->value(0).toLongLong() : -1;
        };
        QCOMPARE(sum(u"1 = 1"_s), 0); // every transaction balances
        QCOMPARE(sum(u"kind = 'usage' AND account = ?"_s, {QString(u"deployer:"_s + dev.id)}), -expected);
        const qint64 providerCredit = sum(u"account = ?"_s, {QString(u"provider:"_s + pid.id)});
        const qint64 fee = sum(u"account = 'operator' AND kind = 'usage'"_s);
        QCOMPARE(providerCredit + fee, expected);
        auto fees = (*db)->exec(u"SELECT amount FROM usage_intervals ORDER BY interval_start"_s);
        qint64 expectedFee = 0;
        while (fees && fees->next())
            expectedFee += fees->value(0).toLongLong() * 1500 / 10000;
        QCOMPARE(fee, expectedFee);

        // The owner's usage view: each metered minute with the fee the ledger took and the price used.
        QUrl usageUrl = fx.relay().url(u"/v1/deployments/"_s + dep + u"/usage"_s);
        usageUrl.setQuery(u"from=%1&to=%2"_s.arg((minute - 3600) * 1000).arg((minute + 60) * 1000));
        const HttpResult usageReply = fx.http().get(usageUrl, dev.token);
        QCOMPARE(usageReply.status, 200);
        QCOMPARE(usageReply.json.value(u"deployment"_s).toString(), dep);
        const QJsonArray items = usageReply.json.value(u"items"_s).toArray();
        QCOMPARE(items.size(), intervals.size());
        qint64 itemFees = 0;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonObject item = items.at(i).toObject();
            const auto &[start, seconds] = intervals.at(i); // oldest first
            QCOMPARE(item.value(u"interval"_s).toInteger(), start);
            QCOMPARE(item.value(u"seconds"_s).toInt(), seconds);
            QCOMPARE(item.value(u"providerId"_s).toString(), pid.id);
            QCOMPARE(item.value(u"cpuMillis"_s).toInteger(), 500);
            QCOMPARE(item.value(u"memoryMb"_s).toInteger(), 512);
            const qint64 amount = Ledger::price(seconds, 500, 512, cpuHour, gbHour);
            QCOMPARE(item.value(u"amount"_s).toInteger(), amount);
            QCOMPARE(item.value(u"fee"_s).toInteger(), amount * 1500 / 10000);
            QCOMPARE(item.value(u"price"_s).toObject().value(u"cpuHour"_s).toInteger(), cpuHour);
            QCOMPARE(item.value(u"price"_s).toObject().value(u"gbHour"_s).toInteger(), gbHour);
            itemFees += item.value(u"fee"_s).toInteger();
        }
        const QJsonObject total = usageReply.json.value(u"total"_s).toObject();
        QCOMPARE(total.value(u"amount"_s).toInteger(), expected);
        QCOMPARE(total.value(u"fee"_s).toInteger(), fee);
        QCOMPARE(itemFees, fee);
        QCOMPARE(total.value(u"seconds"_s).toInteger(), 60 + 60 + 30 + 45 + 59);
        // A window that starts after the oldest minute leaves it out; strangers and the host get 404.
        QUrl later = usageUrl;
        later.setQuery(u"from=%1&to=%2"_s.arg((minute - 299) * 1000).arg((minute + 60) * 1000));
        QCOMPARE(fx.http().get(later, dev.token).json.value(u"items"_s).toArray().size(), intervals.size() - 1);
        QCOMPARE(fx.http().get(usageUrl, host.token).status, 404);
        QUrl bad = usageUrl;
        bad.setQuery(u"from=10&to=5"_s);
        QCOMPARE(fx.http().get(bad, dev.token).status, 400);

        // The host sees the credit; pending turns into settled within a settlement interval.
        QJsonObject earnings;
        QVERIFY(QTest::qWaitFor([&] {
            earnings = fx.http().get(fx.relay().url(u"/v1/earnings"_s), host.token).json.value(u"provider"_s).toObject();
            return earnings.value(u"settled"_s).toInteger() == providerCredit;
        }, 5000));
        QCOMPARE(earnings.value(u"allTime"_s).toInteger(), providerCredit);
        QCOMPARE(earnings.value(u"today"_s).toInteger(), providerCredit);
        QCOMPARE(earnings.value(u"pending"_s).toInteger(), 0);
        const QJsonObject spent = fx.http().get(fx.relay().url(u"/v1/earnings"_s), dev.token).json.value(u"deployer"_s).toObject();
        QCOMPARE(spent.value(u"spentAllTime"_s).toInteger(), expected);
        QCOMPARE(spent.value(u"balance"_s).toInteger(), 5000 - expected);
        // The developer does not see the host's earnings and vice versa.
        QCOMPARE(fx.http().get(fx.relay().url(u"/v1/earnings"_s), dev.token).json.value(u"provider"_s).toObject().value(u"allTime"_s).toInteger(), 0);

        // Overdrawn with zero grace: the next settlement stops the deployment.
        QVERIFY(5000 - expected < 0);
        const QJsonObject stop = prov->waitFor([&](const QJsonObject &o) {
            return type(o) == u"command" && o.value(u"command"_s).toString() == u"stop" && o.value(u"deployment"_s).toString() == dep;
        }, 5000);
        QVERIFY(!stop.isEmpty());
        QCOMPARE(fx.deployment(dev, dep).value(u"desired"_s).toString(), u"stopped");
    }
};

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
