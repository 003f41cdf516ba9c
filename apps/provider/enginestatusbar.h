#pragma once
// EngineStatusBar: the strip at the top of the window — is Docker usable (and how to fix it if
// not), which isolation is in effect, and whether this machine is sharing. Renders the engine's
// state; the pause/resume and drain buttons forward to the engine.

#include <QFrame>

class QLabel;
class QPushButton;

namespace ttalkak::provider {
class ProviderEngine;
}

namespace ttalkak::provider::ui {

class EngineStatusBar : public QFrame
{
    Q_OBJECT
public:
    explicit EngineStatusBar(ProviderEngine &engine, QWidget *parent = nullptr);

private:
    void refresh();

    ProviderEngine &m_engine;
    QLabel *m_dot;
    QLabel *m_status;
    QLabel *m_fix;
    QLabel *m_isolation;
    QLabel *m_sharing;
    QPushButton *m_pause;
    QPushButton *m_drain;
};

} // namespace ttalkak::provider::ui
