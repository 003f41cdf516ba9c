#include "providertray.h"
#include "appicon.h"

#include <engine/providerengine.h>

#include "autostart.h"

#include <QDebug>
#include <QMenu>
#include <QSignalBlocker>
#include <QSystemTrayIcon>

namespace ttalkak::provider::ui {

ProviderTray::ProviderTray(ProviderEngine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_menu(new QMenu)
    , m_icon(new QSystemTrayIcon(this))
{
    m_status = m_menu->addAction(QString());
    m_status->setEnabled(false);
    m_menu->addSeparator();
    m_menu->addAction(tr("Open Ttalkak Provider"), this, &ProviderTray::openRequested);
    m_pause = m_menu->addAction(QString(), this, [this] {
        if (m_engine.isAccepting())
            m_engine.pauseSharing();
        else
            m_engine.resumeSharing();
    });
    m_menu->addSeparator();
    // Start sharing at login: an XDG autostart entry (the file is the setting).
    QAction *autostart = m_menu->addAction(tr("Start at login"));
    autostart->setCheckable(true);
    autostart->setChecked(Autostart().isEnabled());
    connect(autostart, &QAction::toggled, this, [autostart](bool on) {
        if (auto r = Autostart().setEnabled(on); !r) {
            qWarning().noquote() << "autostart:" << r.error().toString();
            const QSignalBlocker block(autostart);
            autostart->setChecked(!on);
        }
    });
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &ProviderTray::quitRequested);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT openRequested();
    });
    connect(&engine, &ProviderEngine::healthChanged, this, &ProviderTray::refresh);
    connect(&engine, &ProviderEngine::sharingChanged, this, &ProviderTray::refresh);
    connect(&engine, &ProviderEngine::deploymentAdded, this, &ProviderTray::refresh);
    connect(&engine, &ProviderEngine::deploymentRemoved, this, &ProviderTray::refresh);
    refresh();
}

ProviderTray::~ProviderTray()
{
    delete m_menu; // a QMenu cannot be a child of a QObject that is not a widget
}

bool ProviderTray::available()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void ProviderTray::show()
{
    m_icon->show();
}

void ProviderTray::refresh()
{
    const bool up = m_engine.health().isHealthy();
    const bool sharing = m_engine.isAccepting();
    const QColor color = !up ? AppIcon::downColor() : sharing ? AppIcon::sharingColor() : AppIcon::pausedColor();
    m_icon->setIcon(AppIcon::make(color));
    const int running = int(m_engine.deploymentIds().size());
    const QString state = !up ? m_engine.health().statusText()
        : sharing             ? tr("Sharing · %n deployment(s)", nullptr, running)
                              : tr("Paused · %n deployment(s)", nullptr, running);
    m_icon->setToolTip(tr("Ttalkak Provider — %1").arg(state));
    m_status->setText(state);
    m_pause->setText(sharing ? tr("Pause sharing") : tr("Resume sharing"));
    m_pause->setEnabled(m_engine.sharing() == ProviderEngine::Sharing::Sharing
        || m_engine.sharing() == ProviderEngine::Sharing::Paused);
}

} // namespace ttalkak::provider::ui
