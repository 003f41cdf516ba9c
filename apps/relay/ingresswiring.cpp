#include "ingresswiring.h"

#include "accesslogstore.h"
#include "accountstore.h"
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

IngressWiring::IngressWiring(AccountStore &accounts, ResourceStore &resources, AccessLogStore &accessLogs, Options options,
                             QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_resources(resources)
    , m_accessLogs(accessLogs)
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

    if (m_options.ingressEnabled) {
        tunnel::HttpIngressConfig ingressConfig;
        ingressConfig.domain = m_options.domain;
        m_ingress = std::make_unique<tunnel::HttpIngress>(m_hub.get(), ingressConfig);
        m_ingress->setResolver([this](const tunnel::HostQuery &query) -> std::optional<tunnel::Route> {
            if (query.name.isEmpty()) // custom domains: not offered yet
                return std::nullopt;
            auto target = m_resources.ingressTarget(query.name);
            if (!target) {
                qCWarning(lcRelay).noquote() << "ingress lookup failed:" << target.error().toString();
                return std::nullopt;
            }
            if (!*target)
                return std::nullopt;
            tunnel::Route route;
            route.deployment = (*target)->deploymentId;
            route.machineId = (*target)->providerId;
            route.port = (*target)->port;
            return route;
        });
        connect(m_ingress.get(), &tunnel::HttpIngress::requestLogged, this, &IngressWiring::onRequestLogged);
    }
}

IngressWiring::~IngressWiring()
{
    flush();
    m_ingress.reset(); // before the hub it uses
    m_hub.reset();
}

Result<void> IngressWiring::start()
{
    if (!m_options.tlsCertificate.isEmpty() && !m_options.tlsKey.isEmpty()) {
        auto tls = loadTls(m_options.tlsCertificate, m_options.tlsKey);
        if (!tls)
            return tls.error();
        m_hub->setTls(*tls);
    }
    if (auto l = m_hub->listen(m_options.tunnelAddress, m_options.tunnelPort); !l)
        return l.error();
    if (m_ingress) {
        if (auto l = m_ingress->listen(m_options.ingressAddress, m_options.ingressPort); !l)
            return l.error();
    }
    return {};
}

void IngressWiring::stop()
{
    if (m_ingress)
        m_ingress->close();
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

int IngressWiring::connectedMachines() const
{
    return int(m_hub->connectedMachines().size());
}

int IngressWiring::ingressSessions() const
{
    return m_ingress ? m_ingress->sessionCount() : 0;
}

} // namespace ttalkak::relay
