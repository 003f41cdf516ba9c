#pragma once
// ProviderTray: the system tray icon — status at a glance (tinted icon and tooltip), open the
// window, pause/resume sharing, quit. Only created when the desktop has a tray; otherwise the
// window stays the main UI and closing it quits.

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace ttalkak::provider {
class ProviderEngine;
}

namespace ttalkak::provider::ui {

class ProviderTray : public QObject
{
    Q_OBJECT
public:
    ProviderTray(ProviderEngine &engine, QObject *parent = nullptr);
    ~ProviderTray() override;

    static bool available();
    void show();

Q_SIGNALS:
    void openRequested();
    void quitRequested();

private:
    void refresh();

    ProviderEngine &m_engine;
    QMenu *m_menu;
    QSystemTrayIcon *m_icon;
    QAction *m_status;
    QAction *m_pause;
};

} // namespace ttalkak::provider::ui
