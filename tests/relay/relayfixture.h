#pragma once
// RelayFixture: what most relay tests start with — a fresh store (SQLite or PostgreSQL), the
// relay process on it, and helpers to sign users up and register providers over REST.

#include "httpclient.h"
#include "relayprocess.h"
#include "testdatabase.h"
#include "wsclient.h"

#include <memory>

struct TestUser
{
    QString id;
    QString email;
    QString token;
};

struct TestProvider
{
    QString id;
    QString key;
};

// The smallest valid app spec (docs/protocol.md, "Deployment spec"): a public git URL, a
// Dockerfile and the port.
QJsonObject minimalAppSpec();

class RelayFixture
{
public:
    explicit RelayFixture(const QStringList &extraArgs = {});
    // False with a reason when the store is unavailable (skip or fail, see REQUIRE_RELAY).
    bool start();
    bool storeAvailable() const { return m_db.available(); }
    QString skipReason() const { return m_db.skipReason(); }

    RelayProcess &relay() { return *m_relay; }
    HttpClient &http() { return m_http; }
    // For a relay started with --tls-cert/--tls-key: REST and WebSocket clients trust these.
    void setCaCertificates(const QList<QSslCertificate> &cas);
    TestDatabase &db() { return m_db; }
    // Restart the relay process on the same store (after terminate() or kill()).
    bool restart();

    TestUser signUp(const QString &email);
    TestProvider addProvider(const TestUser &owner, const QString &name);
    // A connected provider that has said hello; nullptr on failure.
    std::unique_ptr<WsClient> connectProvider(const TestProvider &p, const ProviderSpec &spec = {}, const QJsonArray &running = {});
    std::unique_ptr<WsClient> connectDeployer(const TestUser &u);
    QString createProject(const TestUser &u, const QString &name);
    QJsonObject deploy(const TestUser &u, const QString &projectId, const QString &name, qint64 cpuMillis = 500,
                       qint64 memoryMb = 256, qint64 diskMb = 1024);
    QJsonObject deployment(const TestUser &u, const QString &id);

private:
    TestDatabase m_db;
    QStringList m_extraArgs;
    std::unique_ptr<RelayProcess> m_relay;
    HttpClient m_http;
    QList<QSslCertificate> m_cas;
};

#define REQUIRE_RELAY(fixture)                                                                     \
    do {                                                                                           \
        if (!(fixture).storeAvailable()) {                                                         \
            if (TestDatabase::postgresRequired())                                                  \
                QFAIL(qPrintable((fixture).skipReason()));                                         \
            QSKIP(qPrintable((fixture).skipReason()));                                             \
        }                                                                                          \
        QVERIFY((fixture).start());                                                                \
    } while (false)
