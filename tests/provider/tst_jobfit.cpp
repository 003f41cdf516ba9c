// Whether a job fits the caps minus what is already placed, and every reason when it does not.
#include <engine/jobfit.h>

#include <QTest>

using namespace ttalkak::provider;
using namespace Qt::StringLiterals;
using Reason = JobFit::Reason;

Q_DECLARE_METATYPE(JobRequest)
Q_DECLARE_METATYPE(Committed)
Q_DECLARE_METATYPE(FitContext)
Q_DECLARE_METATYPE(QList<Reason>)

class TestJobFit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void validIds_data();
    void validIds();
};

static JobRequest job(double cpu, qint64 mem, qint64 disk = 1)
{
    JobRequest r;
    r.deploymentId = u"d-1"_s;
    r.image = u"app:1"_s;
    r.cpuCores = cpu;
    r.memoryMb = mem;
    r.diskGb = disk;
    return r;
}

static Committed used(double cpu, qint64 mem, qint64 disk, int n)
{
    return Committed { cpu, mem, disk, n };
}

void TestJobFit::evaluate_data()
{
    QTest::addColumn<JobRequest>("request");
    QTest::addColumn<Committed>("committed");
    QTest::addColumn<FitContext>("context");
    QTest::addColumn<QList<Reason>>("reasons");

    // Caps for every row: 2 cores, 2048 MB, 20 GB, 3 deployments.
    const FitContext ok;
    QTest::newRow("empty machine") << job(1, 512) << Committed() << ok << QList<Reason> {};
    QTest::newRow("exactly the caps") << job(2, 2048, 20) << Committed() << ok << QList<Reason> {};
    QTest::newRow("fractions add up exactly") << job(0.3, 256) << used(1.7, 0, 0, 1) << ok << QList<Reason> {};
    QTest::newRow("cpu over by a millicore")
        << job(0.301, 256) << used(1.7, 0, 0, 1) << ok << QList<Reason> { Reason::Cpu };
    QTest::newRow("memory taken") << job(0.5, 1024) << used(0.5, 1536, 0, 1) << ok << QList<Reason> { Reason::Memory };
    QTest::newRow("disk taken") << job(0.5, 256, 5) << used(0.5, 256, 18, 1) << ok << QList<Reason> { Reason::Disk };
    QTest::newRow("count reached") << job(0.1, 64) << used(0.3, 192, 3, 3) << ok << QList<Reason> { Reason::Count };
    QTest::newRow("bigger than the caps")
        << job(4, 4096, 50) << Committed() << ok << QList<Reason> { Reason::Cpu, Reason::Memory, Reason::Disk };
    QTest::newRow("engine down") << job(1, 512) << Committed() << FitContext { false, true, false }
                                 << QList<Reason> { Reason::EngineDown };
    QTest::newRow("paused") << job(1, 512) << Committed() << FitContext { true, false, false }
                            << QList<Reason> { Reason::NotAccepting };
    QTest::newRow("duplicate") << job(1, 512) << Committed() << FitContext { true, true, true }
                               << QList<Reason> { Reason::Duplicate };
    JobRequest noImage = job(1, 512);
    noImage.image.clear();
    QTest::newRow("no image") << noImage << Committed() << ok << QList<Reason> { Reason::InvalidRequest };
    JobRequest badId = job(1, 512);
    badId.deploymentId = u"../etc"_s;
    QTest::newRow("bad id") << badId << Committed() << ok << QList<Reason> { Reason::InvalidRequest };
    JobRequest db = job(1, 512);
    db.kind = DeploymentKind::Database;
    QTest::newRow("database without data path") << db << Committed() << ok << QList<Reason> { Reason::InvalidRequest };
    db.dataPath = u"/var/lib/postgresql/data"_s;
    QTest::newRow("database with data path") << db << Committed() << ok << QList<Reason> {};
    QTest::newRow("zero cpu") << job(0, 512) << Committed() << ok << QList<Reason> { Reason::InvalidRequest };
    QTest::newRow("everything at once") << job(3, 512) << used(0, 0, 0, 3) << FitContext { false, false, false }
                                        << QList<Reason> { Reason::EngineDown, Reason::NotAccepting, Reason::Cpu,
                                               Reason::Count };
}

void TestJobFit::evaluate()
{
    QFETCH(JobRequest, request);
    QFETCH(Committed, committed);
    QFETCH(FitContext, context);
    QFETCH(QList<Reason>, reasons);
    Caps caps;
    caps.cpuCores = 2;
    caps.memoryMb = 2048;
    caps.diskGb = 20;
    caps.maxDeployments = 3;
    const JobFit fit = JobFit::evaluate(request, caps, committed, context);
    QCOMPARE(fit.codes, reasons);
    QCOMPARE(fit.fits(), reasons.isEmpty());
    QCOMPARE(fit.reasons.size(), reasons.size());
    for (const QString &r : fit.reasons)
        QVERIFY(!r.isEmpty());
}

void TestJobFit::validIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << u"web-1"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("upper") << u"Web"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("dots") << u".."_s << false;
    QTest::newRow("leading dash") << u"-x"_s << false;
    QTest::newRow("49 chars") << QString(49, u'a') << false;
    QTest::newRow("48 chars") << QString(48, u'a') << true;
}

void TestJobFit::validIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(JobRequest::isValidId(id), valid);
}

QTEST_GUILESS_MAIN(TestJobFit)
#include "tst_jobfit.moc"
