#include "enginestatusbar.h"
#include "appicon.h"

#include <engine/providerengine.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ttalkak::provider::ui {

EngineStatusBar::EngineStatusBar(ProviderEngine &engine, QWidget *parent)
    : QFrame(parent)
    , m_engine(engine)
    , m_dot(new QLabel(this))
    , m_status(new QLabel(this))
    , m_fix(new QLabel(this))
    , m_isolation(new QLabel(this))
    , m_sharing(new QLabel(this))
    , m_pause(new QPushButton(this))
    , m_drain(new QPushButton(tr("Drain..."), this))
{
    setObjectName(u"engineStatusBar"_s);
    setFrameShape(QFrame::NoFrame);
    m_dot->setFixedSize(14, 14);
    QFont bold = m_status->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_status->setFont(bold);
    m_fix->setWordWrap(true);
    m_fix->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fix->setObjectName(u"fixText"_s);
    m_isolation->setObjectName(u"badge"_s);
    m_isolation->setWordWrap(false);
    m_sharing->setObjectName(u"badge"_s);
    m_drain->setToolTip(tr("Hand every deployment back to the relay for rescheduling, then stop it here."));

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    auto *first = new QHBoxLayout;
    first->addWidget(m_dot);
    first->addWidget(m_status, 1);
    text->addLayout(first);
    text->addWidget(m_fix);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(16, 10, 16, 10);
    row->addLayout(text, 1);
    row->addWidget(m_isolation);
    row->addWidget(m_sharing);
    row->addWidget(m_pause);
    row->addWidget(m_drain);

    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_engine.isAccepting())
            m_engine.pauseSharing();
        else
            m_engine.resumeSharing();
    });
    connect(m_drain, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::question(this, tr("Drain this machine?"),
            tr("Every deployment running here is handed back to the relay, which moves it to another "
               "machine, and is then stopped and removed here. Continue?"));
        if (answer == QMessageBox::Yes)
            m_engine.drain();
    });
    connect(&engine, &ProviderEngine::healthChanged, this, &EngineStatusBar::refresh);
    connect(&engine, &ProviderEngine::sharingChanged, this, &EngineStatusBar::refresh);
    connect(&engine, &ProviderEngine::readyChanged, this, &EngineStatusBar::refresh);
    refresh();
}

void EngineStatusBar::refresh()
{
    const EngineHealth &health = m_engine.health();
    const bool up = health.isHealthy();
    const QColor color = health.status() == EngineHealth::Status::Unknown ? QColor(0x9c, 0xa3, 0xaf)
        : up                                                              ? AppIcon::sharingColor()
                                                                          : AppIcon::downColor();
    m_dot->setStyleSheet(u"background:%1; border-radius:7px;"_s.arg(color.name()));
    m_status->setText(health.statusText());
    QString fix = health.fixText();
    if (up)
        fix = tr("%1 CPU cores and %2 MB of memory on this machine · Docker data in %3")
                  .arg(m_engine.machine().cpuCores)
                  .arg(m_engine.machine().memoryTotalMb)
                  .arg(health.dataRoot());
    m_fix->setText(fix);
    setProperty("state", up ? u"ok"_s : u"down"_s);
    style()->unpolish(this);
    style()->polish(this);

    const Isolation iso = m_engine.isolation();
    m_isolation->setText(tr("Isolation: %1").arg(iso.title()));
    m_isolation->setToolTip(iso.description());
    m_isolation->setVisible(up);

    QString sharing;
    switch (m_engine.sharing()) {
    case ProviderEngine::Sharing::Sharing:
        sharing = tr("Sharing");
        break;
    case ProviderEngine::Sharing::Paused:
        sharing = tr("Paused");
        break;
    case ProviderEngine::Sharing::Draining:
        sharing = tr("Draining...");
        break;
    case ProviderEngine::Sharing::Drained:
        sharing = tr("Drained");
        break;
    }
    m_sharing->setText(sharing);
    m_pause->setText(m_engine.isAccepting() ? tr("Pause sharing") : tr("Resume sharing"));
    m_pause->setEnabled(m_engine.sharing() != ProviderEngine::Sharing::Draining);
    m_drain->setEnabled(m_engine.sharing() == ProviderEngine::Sharing::Sharing
        || m_engine.sharing() == ProviderEngine::Sharing::Paused);
}

} // namespace ttalkak::provider::ui
