#include "ingresswiring.h"

#include "accesslogstore.h"
#include "accountstore.h"
#include "customdomainstore.h"
#include "logging.h"
#include "resourcestore.h"

#include <tunnel/httpingress.h>
#include <tunnel/tunnelhub.h>

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {

Result<QSslConfiguration> loadTls(const QString &certPath, const QString &keyPath)
{
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, QObject::tr("cannot read the TLS certificate or key"), certPath);
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull())
        return Error(ErrorCode::InvalidInput, QObject::tr("unusable TLS certificate or key"), certPath);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}

} // namespace

IngressWiring::IngressWiring(AccountStore &accounts, ResourceStore &resources, AccessLogStore &accessLogs,
                             CustomDomainStore &domains, Options options, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_resources(resources)
    , m_accessLogs(accessLogs)
    , m_domains(domains)
    , m_options(std::move(options))
    , m_hub(std::make_unique<tunnel::TunnelHub>())
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(m_options.flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &IngressWiring::flush);

    m_hub->setVerifier([this](const QString &machineId, const QByteArray &key) {
        // The provider's registration key is a bearer token: AccountStore compares its hash.
        auto principal = m_accounts.authenticate(QString::fromUtf8(key));
        return principal && principal->isProvider() && principal->providerId == machineId;
    });
    connect(m_hub.get(), &tunnel::TunnelHub::agentConnected, this, [](const QString &machine, int connections) {
        qCInfo(lcRelay).noquote() << "tunnel agent connected" << (u"provider="_s + machine)
                                  << (u"connections="_s + QString::number(connections));
    });
    connect(m_hub.get(), &tunnel::TunnelHub::agentDisconnected, this,
            [](const QString &machine, int connections, const QString &reason) {
                qCInfo(lcRelay).noquote() << "tunnel agent disconnected" << (u"provider="_s + machine)
                                          << (u"connections="_s + QString::number(connections)) << (u"reason="_s + reason);
            });
    connect(m_hub.get(), &tunnel::TunnelHub::authenticationFailed, this, [](const QHostAddress &peer, const QString &machine) {
        qCWarning(lcRelay).noquote() << "tunnel authentication failed" << (u"provider="_s + machine.left(64))
                                     << (u"peer="_s + peer.toString());
    });

    if (m_options.ingressEnabled)
        m_ingress = makeIngress();
    if (m_options.ingressTlsEnabled)
        m_tlsIngress = makeIngress();
}

std::unique_ptr<tunnel::HttpIngress> IngressWiring::makeIngress()
{
    tunnel::HttpIngressConfig ingressConfig;
    ingressConfig.domain = m_options.domain;
    auto ingress = std::make_unique<tunnel::HttpIngress>(m_hub.get(), ingressConfig);
    ingress->setResolver([this](const tunnel::HostQuery &query) { return route(query); });
    ingress->setLocalResponder([this](const tunnel::HostQuery &query, const QString &path) { return challengeAnswer(query, path); });
    connect(ingress.get(), &tunnel::HttpIngress::requestLogged, this, &IngressWiring::onRequestLogged);
    return ingress;
}

std::optional<tunnel::Route> IngressWiring::route(const tunnel::HostQuery &query) const
{
    QString label = query.name;
    if (label.isEmpty()) { // a custom domain: only once verified
        auto owner = m_domains.verifiedDeployment(query.host);
        if (!owner) {
            qCWarning(lcRelay).noquote() << "custom domain lookup failed:" << owner.error().toString();
            return std::nullopt;
        }
        if (!*owner)
            return std::nullopt;
        label = **owner; // ingressTarget takes a deployment id as a label too
    }
    auto target = m_resources.ingressTarget(label);
    if (!target) {
        qCWarning(lcRelay).noquote() << "ingress lookup failed:" << target.error().toString();
        return std::nullopt;
    }
    if (!*target)
        return std::nullopt;
    // The deployment's own limit (spec.limits), never above the relay's; 0 means "unlimited".
    auto bounded = [](qint64 wanted, qint64 relayMax) {
        return relayMax == 0 ? wanted : wanted == 0 ? relayMax : std::min(wanted, relayMax);
    };
    tunnel::Route route;
    route.deployment = (*target)->deploymentId;
    route.machineId = (*target)->providerId;
    route.port = (*target)->port;
    route.maxConnections = int(bounded((*target)->maxConnections, m_options.maxConnections));
    route.bandwidthBytesPerSecond = bounded((*target)->bandwidthBytesPerSecond, m_options.bandwidthBytesPerSecond);
    return route;
}

std::optional<QByteArray> IngressWiring::challengeAnswer(const tunnel::HostQuery &query, const QString &path) const
{
    const QStringView prefix = CustomDomainStore::kChallengePrefix;
    if (!query.name.isEmpty() || !path.startsWith(prefix))
        return std::nullopt;
    const QString token = path.mid(prefix.size());
    auto pending = m_domains.isPendingChallenge(query.host, token);
    if (!pending) {
        qCWarning(lcRelay).noquote() << "custom domain challenge lookup failed:" << pending.error().toString();
        return std::nullopt;
    }
    if (!*pending)
        return std::nullopt;
    return token.toLatin1();
}

IngressWiring::~IngressWiring()
{
    flush();
    m_ingress.reset(); // before the hub they use
    m_tlsIngress.reset();
    m_hub.reset();
}

Result<void> IngressWiring::start()
{
    if (!m_options.tlsCertificate.isEmpty() && !m_options.tlsKey.isEmpty()) {
        auto tls = loadTls(m_options.tlsCertificate, m_options.tlsKey);
        if (!tls)
            return tls.error();
        m_hub->setTls(*tls);
        if (m_tlsIngress)
            m_tlsIngress->setTls(*tls); // X-Forwarded-Proto: https
    } else if (m_tlsIngress) {
        return Error(ErrorCode::InvalidInput, tr("the HTTPS ingress needs a TLS certificate and key"));
    }
    if (auto l = m_hub->listen(m_options.tunnelAddress, m_options.tunnelPort); !l)
        return l.error();
    if (m_ingress) {
        if (auto l = m_ingress->listen(m_options.ingressAddress, m_options.ingressPort); !l)
            return l.error();
    }
    if (m_tlsIngress) {
        if (auto l = m_tlsIngress->listen(m_options.ingressTlsAddress, m_options.ingressTlsPort); !l)
            return l.error();
    }
    return {};
}

void IngressWiring::stop()
{
    if (m_ingress)
        m_ingress->close();
    if (m_tlsIngress)
        m_tlsIngress->close();
    m_hub->close();
    flush();
}

void IngressWiring::onRequestLogged(const tunnel::AccessLogEntry &entry)
{
    if (entry.deployment.isEmpty()) // unknown host: nobody's log
        return;
    AccessLogRow row;
    row.at = entry.time.toMSecsSinceEpoch();
    row.deploymentId = entry.deployment;
    row.method = entry.method;
    row.path = entry.path.left(2048);
    row.status = entry.status;
    row.latencyMs = int(std::min<qint64>((entry.latencyUs + 500) / 1000, std::numeric_limits<int>::max()));
    row.bytesIn = entry.bytesIn;
    row.bytesOut = entry.bytesOut;
    QHostAddress client = entry.client;
    bool v4 = false;
    const quint32 ip4 = client.toIPv4Address(&v4);
    row.client = v4 ? QHostAddress(ip4).toString() : client.toString();
    m_pending.append(row);
    if (m_pending.size() >= m_options.maxBatch)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void IngressWiring::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QList<AccessLogRow> rows = std::exchange(m_pending, {});
    if (auto r = m_accessLogs.append(rows); !r)
        qCWarning(lcStore).noquote() << "access log append failed:" << r.error().toString()
                                     << (u"rows="_s + QString::number(rows.size()));
}

quint16 IngressWiring::tunnelPort() const
{
    return m_hub->serverPort();
}

quint16 IngressWiring::ingressPort() const
{
    return m_ingress ? m_ingress->serverPort() : 0;
}

quint16 IngressWiring::ingressTlsPort() const
{
    return m_tlsIngress ? m_tlsIngress->serverPort() : 0;
}

int IngressWiring::connectedMachines() const
{
    return int(m_hub->connectedMachines().size());
}

int IngressWiring::ingressSessions() const
{
    return (m_ingress ? m_ingress->sessionCount() : 0) + (m_tlsIngress ? m_tlsIngress->sessionCount() : 0);
}

} // namespace ttalkak::relay
