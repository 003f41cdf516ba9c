// The device flow and the REST calls against a small local HTTP server that
// speaks GitHub's endpoints (GitHub itself is not reachable from the tests).

#include <core/secretstore.h>
#include <core/settings.h>
#include <model/deployerprefs.h>
#include <model/githubdeviceflow.h>
#include <model/githubsession.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace ttalkak;
using namespace ttalkak::deployer;

namespace {
class FakeGitHub : public QObject
{
public:
    QList<QByteArray> pollAnswers; // what /login/oauth/access_token says, in turn
    QStringList paths;
    QByteArray lastAuthorization;
    QByteArray lastBody;

    FakeGitHub()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
        });
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }

private:
    void onData(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype headEnd = buf.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QByteArray head = buf.left(headEnd);
        qsizetype length = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
            if (line.toLower().startsWith("authorization:"))
                lastAuthorization = line.mid(14).trimmed();
        }
        if (buf.size() < headEnd + 4 + length)
            return;
        lastBody = buf.mid(headEnd + 4, length);
        const QList<QByteArray> first = head.left(head.indexOf('\r')).split(' ');
        buf = buf.mid(headEnd + 4 + length);
        const QUrl target(QString::fromLatin1(first.value(1)));
        paths.append(target.path());
        QByteArray body;
        QByteArray extra;
        const QString page = QUrlQuery(target).queryItemValue(u"page"_s);
        if (target.path() == u"/login/device/code"_s) {
            body = R"({"device_code":"dev-123","user_code":"WDJB-MJHT","verification_uri":"https://github.com/login/device","expires_in":900,"interval":1})";
        } else if (target.path() == u"/login/oauth/access_token"_s) {
            body = pollAnswers.isEmpty() ? QByteArray(R"({"error":"expired_token"})") : pollAnswers.takeFirst();
        } else if (target.path() == u"/api/v3/user/repos"_s) {
            body = page == u"1"_s
                ? R"([{"full_name":"me/web","private":true,"default_branch":"main","clone_url":"https://gh.local/me/web.git"},{"full_name":"me/api","private":false,"default_branch":"dev","clone_url":"https://gh.local/me/api.git"}])"
                : R"([{"full_name":"me/docs","private":false,"default_branch":"main","clone_url":"https://gh.local/me/docs.git"}])";
            if (page == u"1"_s)
                extra = "Link: <" + url().toString().toUtf8() + "/api/v3/user/repos?page=2>; rel=\"next\"\r\n";
        } else if (target.path() == u"/api/v3/repos/me/limited/branches"_s) {
            // The primary rate limit: 403 with no calls left until the reset time.
            body = R"({"message":"API rate limit exceeded"})";
            s->write("HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nX-RateLimit-Remaining: 0\r\n"
                     "X-RateLimit-Reset: " + QByteArray::number(QDateTime::currentSecsSinceEpoch() + 600)
                + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            return;
        } else if (target.path() == u"/api/v3/repos/me/web/branches"_s) {
            body = R"([{"name":"main"},{"name":"feature"}])";
        } else if (target.path() == u"/api/v3/repos/me/web/commits"_s) {
            body = R"([{"sha":"0123456789abcdef0123456789abcdef01234567","commit":{"message":"Fix cart\n\nbody","author":{"name":"Kim","date":"2024-05-01T10:00:00Z"}}}])";
        } else {
            body = R"({"message":"Not Found"})";
        }
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + extra
            + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
} // namespace

class TestGitHubDeviceFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pendingSlowDownThenToken()
    {
        FakeGitHub gh;
        gh.pollAnswers = { R"({"error":"authorization_pending"})", R"({"error":"slow_down","interval":1})",
            R"({"access_token":"gho_abc","token_type":"bearer","scope":"repo"})" };
        QNetworkAccessManager net;
        GitHubDeviceFlow flow(&net);
        flow.setSecondMs(20);
        QSignalSpy code(&flow, &GitHubDeviceFlow::codeReady);
        QSignalSpy ok(&flow, &GitHubDeviceFlow::succeeded);
        QSignalSpy failed(&flow, &GitHubDeviceFlow::failed);
        flow.start(gh.url(), u"client-1"_s);
        QTRY_COMPARE(code.count(), 1);
        QCOMPARE(code.first().at(0).toString(), u"WDJB-MJHT"_s);
        QTRY_COMPARE(ok.count(), 1);
        QCOMPARE(ok.first().at(0).toString(), u"gho_abc"_s);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(gh.paths.count(u"/login/oauth/access_token"_s), 3);
        const QUrlQuery form(QString::fromUtf8(gh.lastBody));
        QCOMPARE(form.queryItemValue(u"device_code"_s), u"dev-123"_s);
        QCOMPARE(form.queryItemValue(u"client_id"_s), u"client-1"_s);
        QVERIFY(!flow.isRunning());
    }

    void deniedFails()
    {
        FakeGitHub gh;
        gh.pollAnswers = { R"({"error":"access_denied"})" };
        QNetworkAccessManager net;
        GitHubDeviceFlow flow(&net);
        flow.setSecondMs(20);
        QSignalSpy failed(&flow, &GitHubDeviceFlow::failed);
        flow.start(gh.url(), u"client-1"_s);
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.first().at(0).toString().contains(u"cancelled"_s));
    }

    void enterpriseUrls()
    {
        QCOMPARE(DeployerPrefs::webUrlForApi(QUrl(u"https://api.github.com"_s)), QUrl(u"https://github.com"_s));
        QCOMPARE(DeployerPrefs::webUrlForApi(QUrl(u"https://ghe.corp/api/v3"_s)), QUrl(u"https://ghe.corp"_s));
    }

    void rateLimitSaysWhenToRetry()
    {
        FakeGitHub gh;
        QNetworkAccessManager net;
        GitHubClient client(&net);
        client.setApiUrl(QUrl(gh.url().toString() + u"/api/v3"_s));
        client.setToken(u"gho_xyz"_s);
        std::optional<core::Result<QJsonObject>> answer;
        client.branches(u"me/limited"_s, this, [&](core::Result<QJsonObject> r) { answer = std::move(r); });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!*answer);
        QCOMPARE(answer->error().code(), core::ErrorCode::Unavailable);
        QVERIFY2(answer->error().message().contains(u"rate limit"_s), qPrintable(answer->error().message()));
    }

    void sessionListsReposBranchesCommits()
    {
        FakeGitHub gh;
        gh.pollAnswers = { R"({"access_token":"gho_xyz"})" };
        QTemporaryDir dir;
        core::Settings settings(dir.filePath(u"s.ini"_s));
        settings.setValue(core::Settings::Key::GitHubApiUrl, QString(gh.url().toString() + u"/api/v3"_s));
        DeployerPrefs prefs(&settings);
        QCOMPARE(prefs.gitHubWebUrl(), gh.url());
        core::MemorySecretStore secrets;
        QNetworkAccessManager net;
        GitHubSession session(&net, &secrets, &prefs);
        session.deviceFlow()->setSecondMs(20);
        QSignalSpy signedIn(&session, &GitHubSession::signedInChanged);
        session.signIn();
        QTRY_COMPARE(signedIn.count(), 1);
        QTRY_COMPARE(session.repositories()->rowCount(), 2);
        QCOMPARE(gh.lastAuthorization, QByteArray("Bearer gho_xyz"));
        QVERIFY(session.hasMoreRepositories());
        session.loadMoreRepositories();
        QTRY_COMPARE(session.repositories()->rowCount(), 3);
        QVERIFY(!session.hasMoreRepositories());
        session.setSearch(u"WEB"_s);
        QCOMPARE(session.filteredRepositories()->rowCount(), 1);

        session.selectRepository(session.repositories()->item(0));
        QTRY_COMPARE(session.commits()->rowCount(), 1);
        QCOMPARE(session.branches()->rowCount(), 2);
        QCOMPARE(session.commits()->index(0, 1).data().toString(), u"Fix cart"_s);
        const GitSelection sel = session.selection(0);
        QCOMPARE(sel.url, u"https://gh.local/me/web.git"_s);
        QCOMPARE(sel.ref, u"main"_s);
        QCOMPARE(sel.commit, u"0123456789abcdef0123456789abcdef01234567"_s);
        QVERIFY(sel.isPrivate);
        QCOMPARE(sel.token, u"gho_xyz"_s);

        bool stored = false;
        secrets.read(GitHubSession::TokenKey, this, [&](core::Result<QString> t) { stored = t && *t == u"gho_xyz"_s; });
        QTRY_VERIFY(stored);
    }
};

QTEST_GUILESS_MAIN(TestGitHubDeviceFlow)
#include "tst_githubdeviceflow.moc"
