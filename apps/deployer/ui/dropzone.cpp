#include "dropzone.h"
#include "icons.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

DropZone::DropZone(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_choose(new QPushButton(this))
{
    setObjectName(u"dropZone"_s);
    setMinimumSize(520, 280);
    setMaximumHeight(400);
    auto *icon = new QLabel(this);
    icon->setPixmap(icons::icon(u"folder-drop"_s).pixmap(72, 72));
    icon->setAlignment(Qt::AlignCenter);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.35);
    f.setWeight(QFont::DemiBold);
    m_title->setFont(f);
    m_title->setAlignment(Qt::AlignCenter);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setObjectName(u"muted"_s);
    m_choose->setObjectName(u"chooseFolderButton"_s);
    m_choose->setCursor(Qt::PointingHandCursor);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->setSpacing(10);
    layout->addStretch();
    layout->addWidget(icon);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addSpacing(8);
    layout->addWidget(m_choose, 0, Qt::AlignHCenter);
    layout->addStretch();

    connect(m_choose, &QPushButton::clicked, this, &DropZone::chooseFolderRequested);
    retranslateUi();
}

void DropZone::setHighlighted(bool on)
{
    if (m_highlighted == on)
        return;
    m_highlighted = on;
    update();
}

void DropZone::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(2, 2, -2, -2);
    QPainterPath path;
    path.addRoundedRect(r, 14, 14);
    p.fillPath(path, m_highlighted ? QColor(0xe7, 0xed, 0xff) : QColor(0xfa, 0xfb, 0xfd));
    QPen pen(m_highlighted ? QColor(0x3b, 0x5b, 0xdb) : QColor(0xb4, 0xbe, 0xcc), 2, Qt::DashLine);
    pen.setDashPattern({ 6, 4 });
    p.setPen(pen);
    p.drawPath(path);
}

void DropZone::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void DropZone::retranslateUi()
{
    m_title->setText(tr("Drop a repository folder here"));
    m_hint->setText(tr("Ttalkak looks at your project, explains what it found and writes a Dockerfile for it. "
                       "Nothing is uploaded until you deploy."));
    m_choose->setText(tr("Choose folder…"));
}

} // namespace ttalkak::deployer
