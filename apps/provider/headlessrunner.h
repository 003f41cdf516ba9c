#pragma once
// HeadlessRunner: `ttalkak-provider --headless` — the engine without a window, for servers.
// SIGTERM/SIGINT end it cleanly: streams closed, containers left running for re-adoption, exit 0.
// Signals reach the event loop through a self-pipe (the only async-signal-safe way in).

#include <QObject>

class QSocketNotifier;

namespace ttalkak::provider {

class ProviderEngine;

class HeadlessRunner : public QObject
{
    Q_OBJECT
public:
    explicit HeadlessRunner(ProviderEngine &engine, QObject *parent = nullptr);
    ~HeadlessRunner() override;

    // Installs the signal handlers and starts the engine.
    bool start();

private:
    void onSignal();
    void logState();

    ProviderEngine &m_engine;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ttalkak::provider
