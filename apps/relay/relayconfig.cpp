#include "relayconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QUrl>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <limits>

#include <functional>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {

// One table: flag/INI key, help text, and how a string value is applied.
struct Option
{
    QString name;
    QString help;
    QString valueName;
    std::function<bool(RelayConfig &, const QString &)> apply;
};

// Parses a whole integer no smaller than minimum into target (int or qint64);
// anything else, including overflow of T, leaves target unchanged.
template<typename T>
bool applyInteger(T &target, const QString &value, T minimum)
{
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok || n < qint64(minimum) || n > qint64(std::numeric_limits<T>::max()))
        return false;
    target = T(n);
    return true;
}

bool parseListen(const QString &v, QHostAddress &address, quint16 &portOut)
{
    // "HOST:PORT", ":PORT", "PORT" or "[v6]:PORT"
    QString host = u"127.0.0.1"_s;
    QString port = v;
    const qsizetype colon = v.lastIndexOf(u':');
    if (colon >= 0) {
        host = v.left(colon);
        port = v.mid(colon + 1);
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        if (host.isEmpty())
            host = u"0.0.0.0"_s;
    }
    bool ok = false;
    const uint p = port.toUInt(&ok);
    QHostAddress addr;
    if (!ok || p > 65535 || !addr.setAddress(host))
        return false;
    address = addr;
    portOut = quint16(p);
    return true;
}

// "FROM-TO", 1 <= FROM <= TO <= 65535.
bool applyPortRange(RelayConfig &c, const QString &v)
{
    const QStringList parts = v.split(u'-');
    bool okFrom = false;
    bool okTo = false;
    const uint from = parts.value(0).trimmed().toUInt(&okFrom);
    const uint to = parts.value(1).trimmed().toUInt(&okTo);
    if (parts.size() != 2 || !okFrom || !okTo || from < 1 || from > to || to > 65535)
        return false;
    c.dbIngressFrom = quint16(from);
    c.dbIngressTo = quint16(to);
    return true;
}

// An http(s) URL template whose host holds "{label}" exactly once.
bool applyPublicUrlBase(RelayConfig &c, const QString &v)
{
    const QUrl sample(QString(v).replace(u"{label}"_s, u"label"_s), QUrl::StrictMode);
    c.publicUrlBase = v;
    return v.count(u"{label}"_s) == 1 && sample.isValid() && (sample.scheme() == u"http" || sample.scheme() == u"https")
        && sample.host().contains(u"label"_s) && sample.userInfo().isEmpty();
}

bool applyListen(RelayConfig &c, const QString &v)
{
    return parseListen(v, c.listenAddress, c.listenPort);
}

const QList<Option> &options()
{
    static const QList<Option> table = {
        {u"listen"_s, QCoreApplication::translate("RelayConfig", "Address to listen on (HOST:PORT)."), u"addr"_s, applyListen},
        {u"tunnel-listen"_s, QCoreApplication::translate("RelayConfig", "Address for provider tunnel agents (HOST:PORT); TLS with --tls-cert/--tls-key."), u"addr"_s,
         [](RelayConfig &c, const QString &v) { return c.tunnelEnabled = parseListen(v, c.tunnelAddress, c.tunnelPort); }},
        {u"ingress-listen"_s, QCoreApplication::translate("RelayConfig", "Address for public HTTP ingress (HOST:PORT); hosts <name>.<domain>."), u"addr"_s,
         [](RelayConfig &c, const QString &v) { return c.ingressEnabled = parseListen(v, c.ingressAddress, c.ingressPort); }},
        {u"ingress-tls-listen"_s, QCoreApplication::translate("RelayConfig", "Address for public HTTPS ingress (HOST:PORT); needs --tls-cert/--tls-key for *.<domain>."), u"addr"_s,
         [](RelayConfig &c, const QString &v) { return c.ingressTlsEnabled = parseListen(v, c.ingressTlsAddress, c.ingressTlsPort); }},
        {u"public-url-base"_s, QCoreApplication::translate("RelayConfig", "Apps' public URL, with {label} for the app's name (e.g. https://{label}.example.com/)."), u"url"_s,
         applyPublicUrlBase},
        {u"ingress-max-connections"_s, QCoreApplication::translate("RelayConfig", "Concurrent ingress connections per deployment: default and maximum (0 = unlimited)."), u"n"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.ingressMaxConnections, v, 0); }},
        {u"ingress-bandwidth-bps"_s, QCoreApplication::translate("RelayConfig", "Ingress bytes per second per deployment: default and maximum (0 = unlimited)."), u"bytes"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<qint64>(c.ingressBandwidthBps, v, 0); }},
        {u"domain-check-address"_s, QCoreApplication::translate("RelayConfig", "Custom-domain checks connect to this address instead of resolving the host (tests, operators)."), u"addr"_s,
         [](RelayConfig &c, const QString &v) { return c.domainCheckAddress.setAddress(v); }},
        {u"data"_s, QCoreApplication::translate("RelayConfig", "Data directory (SQLite database, state)."), u"dir"_s,
         [](RelayConfig &c, const QString &v) { c.dataDir = v; return !v.isEmpty(); }},
        {u"domain"_s, QCoreApplication::translate("RelayConfig", "Public domain; apps get <name>.<domain>."), u"domain"_s,
         [](RelayConfig &c, const QString &v) { c.domain = v; return !v.isEmpty(); }},
        {u"db"_s, QCoreApplication::translate("RelayConfig", "Store: sqlite, sqlite:/path/file.db or postgres://user:pass@host:port/db."), u"url"_s,
         [](RelayConfig &c, const QString &v) {
             c.databaseUrl = v;
             return v == u"sqlite" || v.startsWith(u"sqlite:") || v.startsWith(u"postgres://") || v.startsWith(u"postgresql://");
         }},
        {u"tls-cert"_s, QCoreApplication::translate("RelayConfig", "TLS certificate (PEM)."), u"file"_s,
         [](RelayConfig &c, const QString &v) { c.tlsCertificate = v; return QFileInfo(v).isReadable(); }},
        {u"tls-key"_s, QCoreApplication::translate("RelayConfig", "TLS private key (PEM)."), u"file"_s,
         [](RelayConfig &c, const QString &v) { c.tlsKey = v; return QFileInfo(v).isReadable(); }},
        {u"log-format"_s, QCoreApplication::translate("RelayConfig", "Log format: json or text."), u"format"_s,
         [](RelayConfig &c, const QString &v) { c.logJson = v == u"json"; return v == u"json" || v == u"text"; }},
        {u"heartbeat-interval-ms"_s, QCoreApplication::translate("RelayConfig", "Provider heartbeat interval."), u"ms"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.heartbeatIntervalMs, v, 10); }},
        {u"heartbeat-timeout-ms"_s, QCoreApplication::translate("RelayConfig", "Provider lost after this silence."), u"ms"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.heartbeatTimeoutMs, v, 10); }},
        {u"offer-timeout-ms"_s, QCoreApplication::translate("RelayConfig", "Unanswered job offers expire after this."), u"ms"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.offerTimeoutMs, v, 10); }},
        {u"max-frame-bytes"_s, QCoreApplication::translate("RelayConfig", "Largest accepted WebSocket message."), u"bytes"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.maxFrameBytes, v, 1024); }},
        {u"max-body-bytes"_s, QCoreApplication::translate("RelayConfig", "Largest accepted HTTP request body."), u"bytes"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.maxBodyBytes, v, 1024); }},
        {u"max-blob-bytes"_s, QCoreApplication::translate("RelayConfig", "Largest accepted blob upload (PUT /v1/blobs)."), u"bytes"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<qint64>(c.maxBlobBytes, v, 1024); }},
        {u"db-ingress-range"_s, QCoreApplication::translate("RelayConfig", "Public TCP ports for databases (FROM-TO), on the ingress address."), u"range"_s,
         applyPortRange},
        {u"kdf-iterations"_s, QCoreApplication::translate("RelayConfig", "PBKDF2 iterations for new passwords (>= 100000)."), u"n"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.kdfIterations, v, 100000); }},
        {u"fee-basis-points"_s, QCoreApplication::translate("RelayConfig", "Operator fee in basis points."), u"bp"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.feeBasisPoints, v, 0) && c.feeBasisPoints <= 10000; }},
        {u"signup-credit"_s, QCoreApplication::translate("RelayConfig", "Credit granted at sign-up (micro-units)."), u"n"_s,
         [](RelayConfig &c, const QString &v) { bool ok = false; c.signupCreditMicros = v.toLongLong(&ok); return ok && c.signupCreditMicros >= 0; }},
        {u"settlement-interval-ms"_s, QCoreApplication::translate("RelayConfig", "Ledger settlement interval."), u"ms"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.settlementIntervalMs, v, 10) && c.settlementIntervalMs <= 3600000; }},
        {u"credit-grace-ms"_s, QCoreApplication::translate("RelayConfig", "Grace before an out-of-credit deployer's deployments stop."), u"ms"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.creditGraceMs, v, 0); }},
        {u"signin-max-failures"_s, QCoreApplication::translate("RelayConfig", "Failed sign-ins allowed per window."), u"n"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.signinMaxFailures, v, 1); }},
        {u"signin-window-ms"_s, QCoreApplication::translate("RelayConfig", "Sign-in rate-limit window."), u"ms"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.signinWindowMs, v, 1000); }},
        {u"metrics-token"_s, QCoreApplication::translate("RelayConfig", "Bearer token required for /metrics."), u"token"_s,
         [](RelayConfig &c, const QString &v) { c.metricsToken = v; return true; }},
        {u"shutdown-grace-ms"_s, QCoreApplication::translate("RelayConfig", "Time clients get to read the shutdown notice."), u"ms"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.shutdownGraceMs, v, 0); }},
        {u"llm-url"_s, QCoreApplication::translate("RelayConfig", "OpenAI-compatible chat-completions URL for summaries."), u"url"_s,
         [](RelayConfig &c, const QString &v) {
             c.llmUrl = v;
             const QUrl u(v);
             return u.isValid() && (u.scheme() == u"http" || u.scheme() == u"https") && !u.host().isEmpty();
         }},
        {u"llm-model"_s, QCoreApplication::translate("RelayConfig", "Model name sent to the LLM endpoint."), u"name"_s,
         [](RelayConfig &c, const QString &v) { c.llmModel = v; return !v.isEmpty(); }},
        {u"llm-key-file"_s, QCoreApplication::translate("RelayConfig", "File holding the LLM API key."), u"file"_s,
         [](RelayConfig &c, const QString &v) { c.llmKeyFile = v; return QFileInfo(v).isReadable(); }},
        {u"llm-timeout-ms"_s, QCoreApplication::translate("RelayConfig", "LLM request timeout."), u"ms"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.llmTimeoutMs, v, 100); }},
        {u"llm-max-tokens"_s, QCoreApplication::translate("RelayConfig", "Answer tokens per LLM summary."), u"n"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.llmMaxTokens, v, 16); }},
        {u"llm-token-budget"_s, QCoreApplication::translate("RelayConfig", "Prompt + answer tokens per LLM summary."), u"n"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<int>(c.llmTokenBudget, v, 256); }},
        {u"llm-refresh-ms"_s, QCoreApplication::translate("RelayConfig", "Refresh a cached LLM summary at most this often."), u"ms"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<qint64>(c.llmRefreshMs, v, 0); }},
        {u"log-retention-ms"_s, QCoreApplication::translate("RelayConfig", "Keep access and container logs this long."), u"ms"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<qint64>(c.logRetentionMs, v, 1000); }},
        {u"log-max-bytes"_s, QCoreApplication::translate("RelayConfig", "Log size cap per deployment (access and container logs each)."), u"bytes"_s,
         [](RelayConfig &c, const QString &v) { return applyInteger<qint64>(c.logMaxBytes, v, 1024); }},
    };
    return table;
}

Error invalid(const QString &name, const QString &value, const QString &file = {})
{
    return Error(ErrorCode::InvalidInput,
                 QCoreApplication::translate("RelayConfig", "invalid value for %1: \"%2\"").arg(name, value), file);
}

QString defaultDataDir()
{
    const QString state = qEnvironmentVariable("STATE_DIRECTORY"); // set by systemd StateDirectory=
    if (!state.isEmpty())
        return state;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace

Result<RelayConfig> RelayConfig::fromFile(const QString &iniPath, RelayConfig base)
{
    if (!QFileInfo(iniPath).isReadable())
        return Error(ErrorCode::NotFound, QCoreApplication::translate("RelayConfig", "cannot read config file"), iniPath);
    QSettings ini(iniPath, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("RelayConfig", "malformed config file"), iniPath);
    ini.beginGroup(u"relay"_s);
    const QStringList keys = ini.childKeys();
    for (const QString &key : keys) {
        const auto it = std::find_if(options().cbegin(), options().cend(), [&](const Option &o) { return o.name == key; });
        if (it == options().cend())
            return Error(ErrorCode::InvalidInput, QCoreApplication::translate("RelayConfig", "unknown key \"%1\"").arg(key), iniPath);
        const QString value = ini.value(key).toString();
        if (!it->apply(base, value))
            return invalid(key, value, iniPath);
    }
    return base;
}

Result<RelayConfig> RelayConfig::fromArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("RelayConfig", "Ttalkak relay: the hosted hub."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(u"config"_s, QCoreApplication::translate("RelayConfig", "INI config file ([relay] section)."), u"file"_s);
    parser.addOption(configOption);
    for (const Option &o : options())
        parser.addOption(QCommandLineOption(o.name, o.help, o.valueName));
    if (!parser.parse(arguments))
        return Error(ErrorCode::InvalidInput, parser.errorText());
    if (parser.isSet(u"help"_s))
        return Error(ErrorCode::Cancelled, parser.helpText());
    if (parser.isSet(u"version"_s))
        return Error(ErrorCode::Cancelled, QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion());
    if (!parser.positionalArguments().isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("RelayConfig", "unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));

    RelayConfig config;
    if (parser.isSet(configOption)) {
        auto fromIni = fromFile(parser.value(configOption), config);
        if (!fromIni)
            return fromIni.error();
        config = *fromIni;
    }
    for (const Option &o : options()) {
        if (parser.isSet(o.name) && !o.apply(config, parser.value(o.name)))
            return invalid(o.name, parser.value(o.name));
    }
    if (config.dataDir.isEmpty())
        config.dataDir = defaultDataDir();
    if (config.tlsCertificate.isEmpty() != config.tlsKey.isEmpty())
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("RelayConfig", "--tls-cert and --tls-key go together"));
    if (!config.llmKeyFile.isEmpty()) {
        QFile keyFile(config.llmKeyFile);
        if (!keyFile.open(QIODevice::ReadOnly))
            return Error(ErrorCode::NotFound, QCoreApplication::translate("RelayConfig", "cannot read the LLM key file"), config.llmKeyFile);
        config.llmApiKey = QString::fromUtf8(keyFile.read(4096)).trimmed();
    }
    if (config.ingressEnabled && !config.tunnelEnabled)
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("RelayConfig", "--ingress-listen needs --tunnel-listen"));
    if (config.ingressTlsEnabled && (!config.tunnelEnabled || !config.tlsEnabled()))
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("RelayConfig", "--ingress-tls-listen needs --tunnel-listen, --tls-cert and --tls-key"));
    if (config.llmTokenBudget <= config.llmMaxTokens + 100)
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("RelayConfig", "llm-token-budget must exceed llm-max-tokens by more than 100"));
    if (config.heartbeatTimeoutMs <= config.heartbeatIntervalMs)
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("RelayConfig", "heartbeat-timeout-ms must be larger than heartbeat-interval-ms"));
    return config;
}

QString RelayConfig::appUrl(const QString &label) const
{
    if (!publicUrlBase.isEmpty())
        return QString(publicUrlBase).replace(u"{label}"_s, label);
    if (!ingressTlsEnabled && !ingressEnabled)
        return {};
    const bool https = ingressTlsEnabled;
    const quint16 port = https ? ingressTlsPort : ingressPort;
    const bool defaultPort = port == (https ? 443 : 80);
    return (https ? u"https://"_s : u"http://"_s) + label + u'.' + domain + (defaultPort ? QString() : u':' + QString::number(port))
        + u'/';
}

QString RelayConfig::resolvedDatabaseUrl() const
{
    if (databaseUrl == u"sqlite")
        return u"sqlite:"_s + QDir(dataDir).filePath(u"relay.db"_s);
    if (databaseUrl.startsWith(u"sqlite:")) {
        const QString path = databaseUrl.mid(7);
        return u"sqlite:"_s + QDir(dataDir).absoluteFilePath(path);
    }
    return databaseUrl;
}

} // namespace ttalkak::relay
