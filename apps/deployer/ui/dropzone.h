#pragma once
// DropZone: the dashed "drop a repository folder here" target on the welcome
// page. Purely visual: the main window accepts the drop and calls setHighlighted().

#include <QFrame>

class QLabel;
class QPushButton;

namespace ttalkak::deployer {

class DropZone : public QFrame
{
    Q_OBJECT
public:
    explicit DropZone(QWidget *parent = nullptr);

    void setHighlighted(bool on);
    bool isHighlighted() const { return m_highlighted; }

Q_SIGNALS:
    void chooseFolderRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    bool m_highlighted = false;
    QLabel *m_title;
    QLabel *m_hint;
    QPushButton *m_choose;
};

} // namespace ttalkak::deployer
