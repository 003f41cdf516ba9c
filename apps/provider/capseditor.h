#pragma once
// CapsEditor: how much of this machine to share and at what price, next to what the machine
// has. Issues from Caps::validate show as the owner types; Apply is enabled only when the caps
// are valid and changed, and hands them to the engine (which persists them).

#include <engine/caps.h>

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace ttalkak::provider {
class ProviderEngine;
}

namespace ttalkak::provider::ui {

class CapsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit CapsEditor(ProviderEngine &engine, QWidget *parent = nullptr);

    Caps edited() const;
    void setEdited(const Caps &caps);
    QList<CapIssue> issues() const { return m_issues; }
    void apply();
    void revert();

private:
    void revalidate();
    void refreshMachine();

    ProviderEngine &m_engine;
    QDoubleSpinBox *m_cpu;
    QSpinBox *m_memory;
    QSpinBox *m_disk;
    QSpinBox *m_count;
    QDoubleSpinBox *m_price;
    double m_memoryPrice = 20000; // not edited here yet: passed through from the caps
    QLabel *m_cpuHave;
    QLabel *m_memoryHave;
    QLabel *m_diskHave;
    QLabel *m_countHave;
    QLabel *m_issuesLabel;
    QPushButton *m_apply;
    QPushButton *m_revert;
    QList<CapIssue> m_issues;
};

} // namespace ttalkak::provider::ui
