#include "emptystatepage.h"
#include "icons.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

EmptyStatePage::EmptyStatePage(const QString &iconName, Text title, Text body, Text action, QWidget *parent)
    : QWidget(parent)
    , m_titleText(std::move(title))
    , m_bodyText(std::move(body))
    , m_actionText(std::move(action))
    , m_title(new QLabel(this))
    , m_body(new QLabel(this))
    , m_action(new QPushButton(this))
{
    auto *icon = new QLabel(this);
    icon->setPixmap(icons::icon(iconName).pixmap(64, 64));
    icon->setAlignment(Qt::AlignCenter);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setWeight(QFont::DemiBold);
    m_title->setFont(f);
    m_title->setAlignment(Qt::AlignCenter);
    m_body->setAlignment(Qt::AlignCenter);
    m_body->setWordWrap(true);
    m_body->setFixedWidth(460);
    m_body->setObjectName(u"muted"_s);
    m_action->setVisible(bool(m_actionText));
    m_action->setCursor(Qt::PointingHandCursor);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_body, 0, Qt::AlignHCenter);
    layout->addSpacing(10);
    layout->addWidget(m_action, 0, Qt::AlignHCenter);
    layout->addStretch(3);

    connect(m_action, &QPushButton::clicked, this, &EmptyStatePage::actionTriggered);
    retranslateUi();
}

void EmptyStatePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EmptyStatePage::retranslateUi()
{
    m_title->setText(m_titleText());
    m_body->setText(m_bodyText());
    // A wrapped label centred in a box layout does not get its height-for-width; give it explicitly.
    m_body->setFixedHeight(m_body->heightForWidth(m_body->width()));
    if (m_actionText)
        m_action->setText(m_actionText());
}

} // namespace ttalkak::deployer
