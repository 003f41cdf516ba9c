#pragma once
// EmptyStatePage: an icon, a title, an explanation and an optional action —
// for sections that need a relay connection before they show anything.

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace ttalkak::deployer {

class EmptyStatePage : public QWidget
{
    Q_OBJECT
public:
    // Texts are given as functions so they re-translate on a language switch.
    using Text = std::function<QString()>;
    EmptyStatePage(const QString &iconName, Text title, Text body, Text action, QWidget *parent = nullptr);

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Text m_titleText, m_bodyText, m_actionText;
    QLabel *m_title;
    QLabel *m_body;
    QPushButton *m_action;
};

} // namespace ttalkak::deployer
