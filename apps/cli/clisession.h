#pragma once
// CliSession: what a relay subcommand needs — settings, the secret store, the relay URL and
// token (ClientConfig), and the stdout/stderr streams — built once per run.
//
// Where things live: settings in the user's config file, or the INI file named by
// $TTALKAK_CONFIG; the token in the keychain (service "ttalkak"), or in process memory when
// $TTALKAK_SECRET_STORE=memory (tests; nothing persists). $TTALKAK_RELAY_URL and
// $TTALKAK_TOKEN override both (CI).

#include <client/clientconfig.h>
#include <client/relayclient.h>

#include <QTextStream>

#include <functional>
#include <memory>

namespace ttalkak::cli {

QTextStream &out();
QTextStream &err();

class CliSession
{
public:
    CliSession();
    ~CliSession();

    client::ClientConfig &config() { return *m_config; }
    core::SecretStore &secrets() { return *m_secrets; }

    // Loads the token, then calls `ready` with a client for the relay (a --relay value
    // overrides the configured one). Without a token: prints why and calls `failed(ExitAuth)`.
    void withClient(const QString &relayOverride, QObject *context,
                    std::function<void(client::RelayClient *)> ready, std::function<void(int)> failed);

private:
    std::unique_ptr<core::Settings> m_settings;
    std::unique_ptr<core::SecretStore> m_secrets;
    std::unique_ptr<client::ClientConfig> m_config;
    std::unique_ptr<client::RelayClient> m_client;
};

// Prints "error: <message>" and returns the exit code for it.
int reportError(const core::Error &error, const QString &step = {});
// Runs the event loop until quit(code); returns the code.
int runEventLoop();
// Ends runEventLoop() with `code`; safe to call before the loop runs (it is queued).
void quit(int code);

} // namespace ttalkak::cli
