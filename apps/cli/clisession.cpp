#include "clisession.h"

#include "exitcodes.h"

#include <QCoreApplication>
#include <QTimer>

namespace ttalkak::cli {

using namespace Qt::StringLiterals;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

CliSession::CliSession()
{
    const QString ini = qEnvironmentVariable("TTALKAK_CONFIG");
    m_settings = ini.isEmpty() ? std::make_unique<core::Settings>() : std::make_unique<core::Settings>(ini);
    if (qEnvironmentVariable("TTALKAK_SECRET_STORE") == u"memory")
        m_secrets = std::make_unique<core::MemorySecretStore>();
    else
        m_secrets = std::make_unique<core::KeychainSecretStore>(QString(client::ClientConfig::kSecretService));
    m_config = std::make_unique<client::ClientConfig>(*m_settings, *m_secrets);
}

CliSession::~CliSession() = default;

void CliSession::withClient(const QString &relayOverride, QObject *context, std::function<void(client::RelayClient *)> ready,
                            std::function<void(int)> failed)
{
    QUrl relay = m_config->relayUrl();
    if (!relayOverride.isEmpty()) {
        auto parsed = client::ClientConfig::parseRelayUrl(relayOverride);
        if (!parsed) {
            err() << QCoreApplication::translate("cli", "error: %1").arg(parsed.error().message()) << Qt::endl;
            return failed(ExitUsage);
        }
        relay = *parsed;
    }
    m_config->loadToken(relay, context, [this, relay, ready = std::move(ready), failed = std::move(failed)](core::Result<QString> token) {
        if (!token || token->isEmpty()) {
            err() << QCoreApplication::translate("cli", "error: not signed in to %1 (run `ttalkak login` or set TTALKAK_TOKEN)")
                         .arg(relay.toString())
                  << Qt::endl;
            return failed(ExitAuth);
        }
        m_client = std::make_unique<client::RelayClient>(relay, *token);
        ready(m_client.get());
    });
}

int reportError(const core::Error &error, const QString &step)
{
    if (step.isEmpty())
        err() << QCoreApplication::translate("cli", "error: %1").arg(error.toString()) << Qt::endl;
    else
        err() << QCoreApplication::translate("cli", "error: %1: %2").arg(step, error.toString()) << Qt::endl;
    return exitCodeFor(error);
}

void quit(int code)
{
    QTimer::singleShot(0, QCoreApplication::instance(), [code] { QCoreApplication::exit(code); });
}

int runEventLoop()
{
    return QCoreApplication::exec();
}

} // namespace ttalkak::cli
