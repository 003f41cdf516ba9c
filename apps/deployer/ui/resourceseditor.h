#pragma once
// ResourcesEditor: CPU and memory for the deployment, and the price estimate
// that the session derives from its PriceQuoteSource.

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace ttalkak::deployer {

class ProjectSession;

class ResourcesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ResourcesEditor(ProjectSession *session, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void pushToSession();
    void pullFromSession();
    void retranslateUi();

    ProjectSession *m_session;
    QLabel *m_intro;
    QLabel *m_cpuLabel;
    QLabel *m_memoryLabel;
    QLabel *m_priceLabel;
    QDoubleSpinBox *m_cpu;
    QSpinBox *m_memory;
    QLabel *m_price;
};

} // namespace ttalkak::deployer
