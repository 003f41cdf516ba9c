#pragma once
// RelayConfig: everything an operator can set. Read from an INI file (`--config FILE`, keys in
// section [relay] named like the flags) and then overridden by command-line flags.
//
//   auto cfg = RelayConfig::fromArguments(QCoreApplication::arguments());
//   if (!cfg) { print(cfg.error().toString()); return 2; }

#include <core/result.h>

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace ttalkak::relay {

struct RelayConfig
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080;          // 0 = any free port (logged as `listening port=N`)
    QString dataDir;                    // SQLite file and other state
    QString domain = QStringLiteral("localhost");
    QString databaseUrl = QStringLiteral("sqlite"); // "sqlite", "sqlite:/path/x.db" or "postgres://..."
    QString tlsCertificate;             // PEM; TLS on the listener when both are set
    QString tlsKey;
    bool logJson = true;
    // Public ingress (libs/tunnel); each is off unless its flag is given. Port 0 = any free port.
    bool tunnelEnabled = false;         // --tunnel-listen: providers' agents connect here (TLS with tls-cert/key)
    QHostAddress tunnelAddress = QHostAddress::LocalHost;
    quint16 tunnelPort = 0;
    bool ingressEnabled = false;        // --ingress-listen: public HTTP, routed by Host <name>.<domain>
    QHostAddress ingressAddress = QHostAddress::LocalHost;
    quint16 ingressPort = 0;
    bool ingressTlsEnabled = false;     // --ingress-tls-listen: the same routes over TLS (--tls-cert/--tls-key,
    QHostAddress ingressTlsAddress = QHostAddress::LocalHost; // a wildcard certificate for *.<domain>)
    quint16 ingressTlsPort = 0;
    // Apps' `url` template for operators behind a load balancer, e.g. "https://{label}.example.com/";
    // empty: derived from the domain and the ingress listeners.
    QString publicUrlBase;
    int ingressMaxConnections = 256;    // per deployment: default and maximum of spec.limits (0 = unlimited)
    qint64 ingressBandwidthBps = 0;     // per deployment, both directions: default and maximum (0 = unlimited)
    // Custom-domain checks connect here instead of resolving the host (tests, split-horizon DNS).
    QHostAddress domainCheckAddress;
    // Databases' public TCP ports (one per database, on the ingress address) come from this range.
    quint16 dbIngressFrom = 15400;      // --db-ingress-range FROM-TO
    quint16 dbIngressTo = 15499;

    int heartbeatIntervalMs = 10000;    // told to providers in hello-ack
    int heartbeatTimeoutMs = 30000;     // provider considered lost after this long without heartbeat
    int offerTimeoutMs = 15000;         // unanswered offer -> next provider
    int maxFrameBytes = 256 * 1024;     // WebSocket frames/messages larger than this are refused
    int maxBodyBytes = 1024 * 1024;     // HTTP request bodies (blob uploads: maxBlobBytes)
    qint64 maxBlobBytes = 200LL * 1024 * 1024; // PUT /v1/blobs/{sha256}, streamed to <data>/blobs
    int kdfIterations = 120000;         // PBKDF2-HMAC-SHA256 iterations for new passwords
    int feeBasisPoints = 1000;          // operator fee, 1000 = 10 %
    qint64 signupCreditMicros = 10'000'000; // credit granted at sign-up, in micro-units
    int settlementIntervalMs = 3600000; // pending ledger entries are settled at least this often
    int creditGraceMs = 3600000;        // a deployer below zero this long gets its deployments stopped
    int signinMaxFailures = 5;          // per e-mail and per client address ...
    int signinWindowMs = 60000;         // ... within this window, then 429
    QString metricsToken;               // bearer token for /metrics; empty = loopback clients only
    int shutdownGraceMs = 2000;         // time given to clients to read the shutdown notice
    qint64 logRetentionMs = 7LL * 24 * 3600 * 1000; // access and container log rows older than this go
    qint64 logMaxBytes = 64LL * 1024 * 1024;        // per deployment and log kind; oldest rows go first
    // Optional LLM phrasing of summaries (any OpenAI-compatible chat-completions endpoint).
    QString llmUrl;                     // empty: summaries are local only
    QString llmModel;
    QString llmKeyFile;                 // file holding the API key (keep it 0600); read at start
    QString llmApiKey;                  // from llmKeyFile; never logged or shown
    int llmTimeoutMs = 20000;
    int llmMaxTokens = 400;             // answer tokens per summary
    int llmTokenBudget = 2000;          // prompt (estimated) + answer tokens per summary
    qint64 llmRefreshMs = 600000;       // a cached answer is refreshed at most this often

    static core::Result<RelayConfig> fromArguments(const QStringList &arguments);
    static core::Result<RelayConfig> fromFile(const QString &iniPath, RelayConfig base);
    bool tlsEnabled() const { return !tlsCertificate.isEmpty() && !tlsKey.isEmpty(); }
    // An app's public URL: publicUrlBase with {label} replaced, else https://<label>.<domain>[:port]/
    // with the HTTPS ingress, http://… with the HTTP one (default ports omitted), else empty.
    QString appUrl(const QString &label) const;
    // Absolute SQLite path or the postgres URL, resolved against dataDir.
    QString resolvedDatabaseUrl() const;
};

} // namespace ttalkak::relay
