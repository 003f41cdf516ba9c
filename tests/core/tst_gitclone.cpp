// libgit2 clone against real servers: `git daemon` (git://) and file://. The fixture repos are
// made with the git CLI — test set-up only; the product never runs git.
#include <core/git/gitclone.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace ttalkak::core;
using namespace Qt::StringLiterals;

class TestGitClone : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void remoteHead();
    void exactCommit();
    void tag();
    void wrongCommit_data();
    void wrongCommit();
    void missingRef();
    void fileUrls();
    void refusedUrls_data();
    void refusedUrls();
    void sizeLimit();
    void symlinkEscape_data();
    void symlinkEscape();
    void innerSymlinkKept();
    void asyncJob();
    void killJob();

private:
    QString git(const QString &dir, const QStringList &args);
    QString makeRepo(const QString &name, const std::function<void(const QString &)> &fill);
    QString gitUrl(const QString &name) const { return u"git://127.0.0.1:%1/%2"_s.arg(m_port).arg(name); }
    QString newWorktree();

    QTemporaryDir m_tmp;
    QString m_served; // bare repos under here
    QProcess m_daemon;
    quint16 m_port = 0;
    QString m_first, m_second, m_otherBranch;
    int m_worktrees = 0;
};

QString TestGitClone::git(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GIT_AUTHOR_NAME"_s, u"t"_s);
    env.insert(u"GIT_AUTHOR_EMAIL"_s, u"t@example.com"_s);
    env.insert(u"GIT_COMMITTER_NAME"_s, u"t"_s);
    env.insert(u"GIT_COMMITTER_EMAIL"_s, u"t@example.com"_s);
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.insert(u"HOME"_s, m_tmp.path());
    p.setProcessEnvironment(env);
    p.start(u"git"_s, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        qFatal("git %s failed: %s", qPrintable(args.join(u' ')), p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

template<typename T> static QString why(const Result<T> &r)
{
    return r ? u"ok"_s : r.error().toString();
}

static void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

static QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A work repo filled by `fill`, published as the bare <name>.git under m_served.
QString TestGitClone::makeRepo(const QString &name, const std::function<void(const QString &)> &fill)
{
    const QString work = m_tmp.filePath(u"work-"_s + name);
    QDir().mkpath(work);
    git(work, { u"init"_s, u"-q"_s, u"-b"_s, u"main"_s });
    fill(work);
    git(m_served, { u"clone"_s, u"-q"_s, u"--bare"_s, work, name + u".git"_s });
    return work;
}

QString TestGitClone::newWorktree()
{
    return m_tmp.filePath(u"checkout-%1"_s.arg(++m_worktrees));
}

void TestGitClone::initTestCase()
{
    if (QStandardPaths::findExecutable(u"git"_s).isEmpty())
        QSKIP("the git CLI is needed to prepare the fixtures");
    m_served = m_tmp.filePath(u"served"_s);
    QDir().mkpath(m_served);

    const QString site = makeRepo(u"site"_s, [this](const QString &w) {
        writeFile(w + u"/index.html"_s, "v1\n");
        git(w, { u"add"_s, u"-A"_s });
        git(w, { u"commit"_s, u"-qm"_s, u"one"_s });
        git(w, { u"tag"_s, u"-a"_s, u"v1"_s, u"-m"_s, u"v1"_s });
        m_first = git(w, { u"rev-parse"_s, u"HEAD"_s });
        git(w, { u"checkout"_s, u"-qb"_s, u"other"_s });
        writeFile(w + u"/other.txt"_s, "other\n");
        git(w, { u"add"_s, u"-A"_s });
        git(w, { u"commit"_s, u"-qm"_s, u"other"_s });
        m_otherBranch = git(w, { u"rev-parse"_s, u"HEAD"_s });
        git(w, { u"checkout"_s, u"-q"_s, u"main"_s });
        writeFile(w + u"/index.html"_s, "v2\n");
        writeFile(w + u"/sub/dir/file.txt"_s, "deep\n");
        git(w, { u"add"_s, u"-A"_s });
        git(w, { u"commit"_s, u"-qm"_s, u"two"_s });
        m_second = git(w, { u"rev-parse"_s, u"HEAD"_s });
    });
    Q_UNUSED(site);

    makeRepo(u"big"_s, [this](const QString &w) {
        QByteArray noise(3 * 1024 * 1024, Qt::Uninitialized);
        quint32 x = 12345;
        for (char &c : noise) {
            x = x * 1664525u + 1013904223u;
            c = char(x >> 24);
        }
        writeFile(w + u"/noise.bin"_s, noise);
        git(w, { u"add"_s, u"-A"_s });
        git(w, { u"commit"_s, u"-qm"_s, u"big"_s });
    });

    auto linkRepo = [this](const QString &name, const QString &target) {
        makeRepo(name, [this, target](const QString &w) {
            writeFile(w + u"/index.html"_s, "x\n");
            QDir().mkpath(w + u"/a/b"_s);
            QVERIFY(QFile::link(target, w + u"/a/b/link"_s));
            git(w, { u"add"_s, u"-A"_s });
            git(w, { u"commit"_s, u"-qm"_s, u"link"_s });
        });
    };
    linkRepo(u"link-dotdot"_s, u"../../../../etc/passwd"_s);
    linkRepo(u"link-absolute"_s, u"/etc/passwd"_s);
    linkRepo(u"link-inside"_s, u"../../index.html"_s);
    // `..` after a link to "." climbs higher than it reads.
    makeRepo(u"link-chain"_s, [this](const QString &w) {
        QVERIFY(QFile::link(u"."_s, w + u"/d"_s));
        QVERIFY(QFile::link(u"d/d/d/../../nothing"_s, w + u"/e"_s));
        git(w, { u"add"_s, u"-A"_s });
        git(w, { u"commit"_s, u"-qm"_s, u"chain"_s });
    });

    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_port = probe.serverPort();
    }
    m_daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_daemon.start(u"git"_s,
        { u"daemon"_s, u"--export-all"_s, u"--reuseaddr"_s, u"--informative-errors"_s, u"--listen=127.0.0.1"_s,
            u"--port=%1"_s.arg(m_port), u"--base-path="_s + m_served, m_served });
    QVERIFY(m_daemon.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_port);
            return s.waitForConnected(200);
        }(),
        10000);
}

void TestGitClone::cleanupTestCase()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        m_daemon.waitForFinished(5000);
    }
}

void TestGitClone::remoteHead()
{
    const QString wt = newWorktree();
    GitCloneOptions o;
    o.url = gitUrl(u"site.git"_s);
    o.gitDir = wt + u".git"_s;
    QStringList lines;
    auto r = cloneRepository(o, wt, [&](const QString &l) { lines << l; });
    QVERIFY2(r, qPrintable(why(r)));
    QCOMPARE(r->commit, m_second);
    QCOMPARE(r->ref, u"HEAD"_s);
    QCOMPARE(readFile(wt + u"/index.html"_s), "v2\n");
    QCOMPARE(readFile(wt + u"/sub/dir/file.txt"_s), "deep\n");
    QVERIFY(!QFileInfo::exists(wt + u"/.git"_s)); // git's data lives outside the checkout
    QVERIFY(!lines.isEmpty());
    QVERIFY(lines.join(u'\n').contains(u"Receiving objects 100%"));
}

void TestGitClone::exactCommit()
{
    const QString wt = newWorktree();
    GitCloneOptions o;
    o.url = gitUrl(u"site.git"_s);
    o.ref = u"main"_s;
    o.commit = m_first;
    auto r = cloneRepository(o, wt);
    QVERIFY2(r, qPrintable(why(r)));
    QCOMPARE(r->commit, m_first);
    QCOMPARE(r->ref, u"refs/heads/main"_s);
    QCOMPARE(readFile(wt + u"/index.html"_s), "v1\n");
    QVERIFY(!QFileInfo::exists(wt + u"/sub"_s));
}

void TestGitClone::tag()
{
    const QString wt = newWorktree();
    GitCloneOptions o;
    o.url = gitUrl(u"site.git"_s);
    o.ref = u"v1"_s; // annotated: peeled to its commit
    auto r = cloneRepository(o, wt);
    QVERIFY2(r, qPrintable(why(r)));
    QCOMPARE(r->commit, m_first);
    QCOMPARE(readFile(wt + u"/index.html"_s), "v1\n");
}

void TestGitClone::wrongCommit_data()
{
    QTest::addColumn<QString>("commit");
    QTest::addColumn<int>("code");
    QTest::newRow("unknown") << u"0123456789abcdef0123456789abcdef01234567"_s << int(ErrorCode::NotFound);
    QTest::newRow("other branch") << QString() << int(ErrorCode::NotFound);
    QTest::newRow("short") << u"abc123"_s << int(ErrorCode::InvalidInput);
}

void TestGitClone::wrongCommit()
{
    QFETCH(QString, commit);
    QFETCH(int, code);
    GitCloneOptions o;
    o.url = gitUrl(u"site.git"_s);
    o.ref = u"main"_s;
    o.commit = commit.isEmpty() ? m_otherBranch : commit;
    auto r = cloneRepository(o, newWorktree());
    QVERIFY(!r);
    QCOMPARE(int(r.error().code()), code);
    if (code == int(ErrorCode::NotFound))
        QVERIFY2(r.error().message().contains(u"not reachable from refs/heads/main"), qPrintable(r.error().message()));
}

void TestGitClone::missingRef()
{
    GitCloneOptions o;
    o.url = gitUrl(u"site.git"_s);
    o.ref = u"nope"_s;
    auto r = cloneRepository(o, newWorktree());
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::NotFound);

    o.url = gitUrl(u"missing.git"_s);
    o.ref.clear();
    r = cloneRepository(o, newWorktree());
    QVERIFY(!r);
}

void TestGitClone::fileUrls()
{
    GitCloneOptions o;
    o.url = QUrl::fromLocalFile(m_served + u"/site.git"_s).toString();
    o.ref = u"main"_s;
    auto refused = cloneRepository(o, newWorktree());
    QVERIFY(!refused);
    QCOMPARE(refused.error().code(), ErrorCode::PermissionDenied);

    o.allowFile = true;
    const QString wt = newWorktree();
    auto r = cloneRepository(o, wt);
    QVERIFY2(r, qPrintable(why(r)));
    QCOMPARE(r->commit, m_second);
    QCOMPARE(readFile(wt + u"/index.html"_s), "v2\n");
}

void TestGitClone::refusedUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("plain path") << m_served + u"/site.git"_s;
    QTest::newRow("scp-like") << u"git@example.com:u/r.git"_s;
    QTest::newRow("ext") << u"ext::sh -c touch% /tmp/pwned"_s;
    QTest::newRow("ftp") << u"ftp://example.com/r.git"_s;
    QTest::newRow("empty") << QString();
}

void TestGitClone::refusedUrls()
{
    QFETCH(QString, url);
    GitCloneOptions o;
    o.url = url;
    o.allowFile = true;
    auto r = cloneRepository(o, newWorktree());
    QVERIFY(!r);
    QVERIFY2(r.error().code() == ErrorCode::InvalidInput || r.error().code() == ErrorCode::PermissionDenied,
        qPrintable(why(r)));
}

void TestGitClone::sizeLimit()
{
    GitCloneOptions o;
    o.url = gitUrl(u"big.git"_s);
    o.maxBytes = 256 * 1024;
    auto r = cloneRepository(o, newWorktree());
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::TooLarge);

    o.maxBytes = 16 * 1024 * 1024;
    const QString wt = newWorktree();
    r = cloneRepository(o, wt);
    QVERIFY2(r, qPrintable(why(r)));
    QCOMPARE(QFileInfo(wt + u"/noise.bin"_s).size(), 3 * 1024 * 1024);
}

void TestGitClone::symlinkEscape_data()
{
    QTest::addColumn<QString>("repo");
    QTest::newRow("dotdot") << u"link-dotdot.git"_s;
    QTest::newRow("absolute") << u"link-absolute.git"_s;
    QTest::newRow("through a link") << u"link-chain.git"_s;
}

void TestGitClone::symlinkEscape()
{
    QFETCH(QString, repo);
    GitCloneOptions o;
    o.url = gitUrl(repo);
    auto r = cloneRepository(o, newWorktree());
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::Unsafe);
    QVERIFY2(r.error().message().contains(u"outside the source tree"), qPrintable(why(r)));
}

void TestGitClone::innerSymlinkKept()
{
    GitCloneOptions o;
    o.url = gitUrl(u"link-inside.git"_s);
    const QString wt = newWorktree();
    auto r = cloneRepository(o, wt);
    QVERIFY2(r, qPrintable(why(r)));
    QVERIFY(QFileInfo(wt + u"/a/b/link"_s).isSymLink());
    QCOMPARE(readFile(wt + u"/a/b/link"_s), "x\n");
}

void TestGitClone::asyncJob()
{
    GitCloneOptions o;
    o.url = gitUrl(u"site.git"_s);
    o.ref = u"main"_s;
    o.commit = m_second;
    auto *job = new GitCloneJob(o, newWorktree());
    QSignalSpy lines(job, &GitCloneJob::progress);
    QSignalSpy result(job, &GitCloneJob::result);
    QPointer<GitCloneJob> guard(job);
    job->start();
    QCOMPARE(result.size(), 0); // never from inside start()
    QVERIFY(result.wait(30000));
    QCOMPARE(result.size(), 1);
    QVERIFY2(!job->failed(), qPrintable(job->errorString()));
    QCOMPARE(job->checkout().commit, m_second);
    QVERIFY(lines.size() >= 2);
    QTRY_VERIFY(guard.isNull()); // deletes itself
}

void TestGitClone::killJob()
{
    GitCloneOptions o;
    o.url = gitUrl(u"big.git"_s);
    auto *job = new GitCloneJob(o, newWorktree());
    QSignalSpy result(job, &GitCloneJob::result);
    job->start();
    job->kill();
    QVERIFY(result.wait(10000));
    QVERIFY(job->failed());
    QCOMPARE(job->error().code(), ErrorCode::Cancelled);
}

QTEST_GUILESS_MAIN(TestGitClone)
#include "tst_gitclone.moc"
