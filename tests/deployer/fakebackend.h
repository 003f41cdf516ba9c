#pragma once
// FakeBackend: a scripted DeployerBackend for tests. Answers come from `replies`
// (by operation name), asynchronously like the real one; calls are recorded.

#include <model/deployerbackend.h>

#include <map>
#include <QTimer>

namespace ttalkak::deployer::test {

class FakeBackend : public DeployerBackend
{
public:
    struct Call
    {
        QString op;
        QJsonObject body;
        QString id;
    };
    void setReply(const QString &op, const core::Result<QJsonObject> &r) { m_replies.insert_or_assign(op, r); }
    QList<Call> calls;
    QStringList subscribed;
    bool session = false;

    void signIn(const QUrl &, const QString &email, const QString &, bool create, QObject *c, Reply d) override
    {
        reply(create ? QStringLiteral("signup") : QStringLiteral("signin"), { { QStringLiteral("email"), email } }, {}, c, d);
    }
    void setSession(const QUrl &, const QString &) override { session = true; }
    void clearSession() override { session = false; }
    bool hasSession() const override { return session; }
    void createProject(const QJsonObject &b, QObject *c, Reply d) override { reply(QStringLiteral("createProject"), b, {}, c, d); }
    void createDeployment(const QJsonObject &b, QObject *c, Reply d) override { reply(QStringLiteral("createDeployment"), b, {}, c, d); }
    void relayInfo(QObject *c, Reply d) override { reply(QStringLiteral("relayInfo"), {}, {}, c, d); }
    void uploadBlob(const QString &f, const QMap<QString, QByteArray> &extra, QObject *c, Reply d) override
    {
        QJsonObject files;
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            files.insert(it.key(), QString::fromUtf8(it.value()));
        reply(QStringLiteral("uploadBlob"), { { QStringLiteral("extraFiles"), files } }, f, c, d);
    }
    void listDeployments(QObject *c, Reply d) override { reply(QStringLiteral("listDeployments"), {}, {}, c, d); }
    void deployment(const QString &id, QObject *c, Reply d) override { reply(QStringLiteral("deployment"), {}, id, c, d); }
    void command(const QString &id, const QString &cmd, const QJsonObject &extra, QObject *c, Reply d) override
    {
        QJsonObject b = extra;
        b.insert(QStringLiteral("command"), cmd);
        reply(QStringLiteral("command"), b, id, c, d);
    }
    void deleteDeployment(const QString &id, QObject *c, Reply d) override { reply(QStringLiteral("deleteDeployment"), {}, id, c, d); }
    void listDatabases(QObject *c, Reply d) override { reply(QStringLiteral("listDatabases"), {}, {}, c, d); }
    void createDatabase(const QJsonObject &b, QObject *c, Reply d) override { reply(QStringLiteral("createDatabase"), b, {}, c, d); }
    void database(const QString &id, QObject *c, Reply d) override { reply(QStringLiteral("database"), {}, id, c, d); }
    void deleteDatabase(const QString &id, QObject *c, Reply d) override { reply(QStringLiteral("deleteDatabase"), {}, id, c, d); }
    void logs(const QString &id, const QUrlQuery &q, QObject *c, Reply d) override
    {
        QJsonObject b;
        for (const auto &[k, v] : q.queryItems())
            b.insert(k, v);
        reply(QStringLiteral("logs"), b, id, c, d);
    }
    void metrics(const QString &id, qint64 from, qint64 to, QObject *c, Reply d) override
    {
        reply(QStringLiteral("metrics"), { { QStringLiteral("from"), double(from) }, { QStringLiteral("to"), double(to) } }, id, c, d);
    }
    void summary(const QString &id, const QString &w, const QString &l, QObject *c, Reply d) override
    {
        reply(QStringLiteral("summary"), { { QStringLiteral("window"), w }, { QStringLiteral("lang"), l } }, id, c, d);
    }
    void earnings(QObject *c, Reply d) override { reply(QStringLiteral("earnings"), {}, {}, c, d); }
    void subscribe(const QString &id) override { subscribed.append(id); }
    void unsubscribe(const QString &id) override { subscribed.removeAll(id); }

    using DeployerBackend::buildLogReceived;
    using DeployerBackend::uploadProgress;
    using DeployerBackend::statusReceived;

private:
    std::map<QString, core::Result<QJsonObject>> m_replies;
    void reply(const QString &op, const QJsonObject &body, const QString &id, QObject *c, Reply d)
    {
        calls.append({ op, body, id });
        const auto it = m_replies.find(op);
        const core::Result<QJsonObject> r
            = it != m_replies.end() ? it->second : core::Result<QJsonObject>(core::Error(core::ErrorCode::NotFound, op));
        QTimer::singleShot(0, c, [d, r] { d(r); });
    }
};

} // namespace ttalkak::deployer::test
