#include "relayfixture.h"

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;

RelayFixture::RelayFixture(const QStringList &extraArgs)
    : m_extraArgs(extraArgs)
{
}

bool RelayFixture::start()
{
    if (!m_db.available())
        return false;
    m_relay = std::make_unique<RelayProcess>(m_db.url(), m_db.dataDir(), m_extraArgs);
    return m_relay->start();
}

void RelayFixture::setCaCertificates(const QList<QSslCertificate> &cas)
{
    m_cas = cas;
    m_http.setCaCertificates(cas);
}

bool RelayFixture::restart()
{
    return m_relay->start();
}

TestUser RelayFixture::signUp(const QString &email)
{
    const HttpResult r = m_http.post(m_relay->url(u"/v1/auth/signup"_s), {}, {{u"email"_s, email}, {u"password"_s, u"s3cret-password"_s}});
    if (r.status != 201)
        qWarning() << "sign-up failed" << r.status << r.body;
    return {r.json.value(u"user"_s).toObject().value(u"id"_s).toString(), email, r.json.value(u"token"_s).toString()};
}

TestProvider RelayFixture::addProvider(const TestUser &owner, const QString &name)
{
    const HttpResult r = m_http.post(m_relay->url(u"/v1/providers"_s), owner.token, {{u"name"_s, name}});
    if (r.status != 201)
        qWarning() << "provider registration failed" << r.status << r.body;
    return {r.json.value(u"id"_s).toString(), r.json.value(u"registrationKey"_s).toString()};
}

std::unique_ptr<WsClient> RelayFixture::connectProvider(const TestProvider &p, const ProviderSpec &spec, const QJsonArray &running)
{
    auto ws = std::make_unique<WsClient>();
    if (!m_cas.isEmpty())
        ws->setCaCertificates(m_cas);
    if (!ws->open(m_relay->wsUrl(), p.key))
        return nullptr;
    const QJsonObject ack = ws->call(helloMessage(spec, running));
    if (ack.value(u"type"_s).toString() != u"ack") {
        qWarning() << "hello refused" << ack;
        return nullptr;
    }
    return ws;
}

std::unique_ptr<WsClient> RelayFixture::connectDeployer(const TestUser &u)
{
    auto ws = std::make_unique<WsClient>();
    if (!m_cas.isEmpty())
        ws->setCaCertificates(m_cas);
    if (!ws->open(m_relay->wsUrl(), u.token))
        return nullptr;
    return ws;
}

QString RelayFixture::createProject(const TestUser &u, const QString &name)
{
    const HttpResult r = m_http.post(m_relay->url(u"/v1/projects"_s), u.token, {{u"name"_s, name}});
    return r.json.value(u"id"_s).toString();
}

QJsonObject minimalAppSpec()
{
    return {{u"source"_s, QJsonObject{{u"type"_s, u"git"_s}, {u"url"_s, u"https://example.com/app.git"_s}}},
            {u"dockerfile"_s, u"FROM scratch"_s},
            {u"port"_s, 8080}};
}

QJsonObject RelayFixture::deploy(const TestUser &u, const QString &projectId, const QString &name, qint64 cpuMillis,
                                 qint64 memoryMb, qint64 diskMb)
{
    const HttpResult r = m_http.post(m_relay->url(u"/v1/deployments"_s), u.token,
                                     {{u"projectId"_s, projectId},
                                      {u"name"_s, name},
                                      {u"spec"_s, minimalAppSpec()},
                                      {u"resources"_s, QJsonObject{{u"cpuMillis"_s, cpuMillis}, {u"memoryMb"_s, memoryMb}, {u"diskMb"_s, diskMb}}}});
    if (r.status != 202)
        qWarning() << "deploy failed" << r.status << r.body;
    return r.json;
}

QJsonObject RelayFixture::deployment(const TestUser &u, const QString &id)
{
    return m_http.get(m_relay->url(u"/v1/deployments/"_s + id), u.token).json;
}
