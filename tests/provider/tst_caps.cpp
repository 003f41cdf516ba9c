// Caps validation against what the machine has, /proc/meminfo parsing, and persistence.
#include <engine/caps.h>

#include <core/settings.h>

#include <QTemporaryDir>
#include <QTest>

using namespace ttalkak::provider;
using namespace Qt::StringLiterals;
using Field = CapIssue::Field;
using Severity = CapIssue::Severity;

Q_DECLARE_METATYPE(Caps)
Q_DECLARE_METATYPE(MachineResources)

class TestCaps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validate_data();
    void validate();
    void parseMeminfo();
    void persistence();
};

static MachineResources machine4x8()
{
    MachineResources m;
    m.cpuCores = 4;
    m.memoryTotalMb = 8192;
    m.memoryAvailableMb = 6000;
    m.diskFreeGb = 100;
    m.diskTotalGb = 200;
    m.diskPath = u"/"_s;
    return m;
}

static Caps caps(double cpu, qint64 mem, qint64 disk, int count = 4, double price = 10)
{
    Caps c;
    c.cpuCores = cpu;
    c.memoryMb = mem;
    c.diskGb = disk;
    c.maxDeployments = count;
    c.pricePerCpuHour = price;
    return c;
}

void TestCaps::validate_data()
{
    QTest::addColumn<Caps>("caps");
    QTest::addColumn<MachineResources>("machine");
    // "field:severity" for each issue, in order.
    QTest::addColumn<QStringList>("expected");

    const MachineResources m = machine4x8();
    QTest::newRow("defaults fit") << Caps() << m << QStringList();
    QTest::newRow("half a core") << caps(0.5, 1024, 10) << m << QStringList();
    QTest::newRow("zero cpu") << caps(0, 1024, 10) << m << QStringList { u"cpu:error"_s };
    QTest::newRow("negative cpu") << caps(-1, 1024, 10) << m << QStringList { u"cpu:error"_s };
    QTest::newRow("more cores than machine") << caps(5, 1024, 10) << m << QStringList { u"cpu:error"_s };
    QTest::newRow("every core warns") << caps(4, 1024, 10) << m << QStringList { u"cpu:warning"_s };
    QTest::newRow("memory too small") << caps(1, 128, 10) << m << QStringList { u"memory:error"_s };
    QTest::newRow("memory over total minus reserve")
        << caps(1, 8192 - 511, 10) << m << QStringList { u"memory:error"_s };
    QTest::newRow("memory at total minus reserve, over available")
        << caps(1, 8192 - 512, 10) << m << QStringList { u"memory:warning"_s };
    QTest::newRow("disk zero") << caps(1, 1024, 0) << m << QStringList { u"disk:error"_s };
    QTest::newRow("disk over free") << caps(1, 1024, 101) << m << QStringList { u"disk:error"_s };
    QTest::newRow("disk at free") << caps(1, 1024, 100) << m << QStringList();
    QTest::newRow("no deployments") << caps(1, 1024, 10, 0) << m << QStringList { u"count:error"_s };
    QTest::newRow("too many deployments") << caps(1, 1024, 10, 101) << m << QStringList { u"count:error"_s };
    QTest::newRow("negative price") << caps(1, 1024, 10, 4, -1) << m << QStringList { u"price:error"_s };
    QTest::newRow("free is fine") << caps(1, 1024, 10, 4, 0) << m << QStringList();
    QTest::newRow("everything wrong") << caps(0, 0, 0, 0, -5) << m
                                      << QStringList { u"cpu:error"_s, u"memory:error"_s, u"disk:error"_s,
                                             u"count:error"_s, u"price:error"_s };
    QTest::newRow("unknown machine only checks sanity")
        << caps(64, 100000, 5000) << MachineResources() << QStringList();
}

void TestCaps::validate()
{
    QFETCH(Caps, caps);
    QFETCH(MachineResources, machine);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const CapIssue &i : caps.validate(machine)) {
        static const char *names[] = { "cpu", "memory", "disk", "count", "price" };
        got << QLatin1StringView(names[int(i.field)]) + u':'
                + (i.severity == Severity::Error ? u"error"_s : u"warning"_s);
        QVERIFY2(!i.message.isEmpty(), "every issue explains itself");
    }
    QCOMPARE(got, expected);
    QCOMPARE(Caps::hasErrors(caps.validate(machine)),
        std::any_of(expected.cbegin(), expected.cend(), [](const QString &s) { return s.endsWith(u":error"); }));
}

void TestCaps::parseMeminfo()
{
    qint64 total = -1, available = -1;
    MachineResources::parseMeminfo("MemTotal:       24684084 kB\nMemFree:         1234 kB\n"
                                   "MemAvailable:   20480000 kB\nBuffers: 1 kB\n",
        &total, &available);
    QCOMPARE(total, 24684084 / 1024);
    QCOMPARE(available, 20000);
    MachineResources::parseMeminfo("garbage\n:::\nMemTotal: x kB", &total, &available);
    QCOMPARE(total, 0);
    QCOMPARE(available, 0);

    const MachineResources real = MachineResources::probe();
    QVERIFY(real.cpuCores >= 1);
    QVERIFY(real.memoryTotalMb > 0);
    QVERIFY(real.diskTotalGb > 0);
}

void TestCaps::persistence()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(u"provider.ini"_s);
    const Caps wanted = caps(1.5, 3072, 42, 7, 12.5);
    {
        ttalkak::core::Settings settings(ini);
        QCOMPARE(Caps::load(settings), Caps()); // the defaults match the settings table
        wanted.save(settings);
    }
    ttalkak::core::Settings again(ini);
    QCOMPARE(Caps::load(again), wanted);
}

QTEST_GUILESS_MAIN(TestCaps)
#include "tst_caps.moc"
