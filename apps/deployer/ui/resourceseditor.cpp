#include "resourceseditor.h"

#include <model/projectsession.h>

#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

ResourcesEditor::ResourcesEditor(ProjectSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_intro(new QLabel(this))
    , m_cpuLabel(new QLabel(this))
    , m_memoryLabel(new QLabel(this))
    , m_priceLabel(new QLabel(this))
    , m_cpu(new QDoubleSpinBox(this))
    , m_memory(new QSpinBox(this))
    , m_price(new QLabel(this))
{
    m_intro->setObjectName(u"muted"_s);
    m_intro->setWordWrap(true);
    m_cpu->setObjectName(u"cpuSpin"_s);
    m_cpu->setRange(ResourceRequest::MinCpuMillis / 1000.0, ResourceRequest::MaxCpuMillis / 1000.0);
    m_cpu->setSingleStep(0.25);
    m_cpu->setDecimals(2);
    m_memory->setObjectName(u"memorySpin"_s);
    m_memory->setRange(ResourceRequest::MinMemoryMb, ResourceRequest::MaxMemoryMb);
    m_memory->setSingleStep(128);
    m_price->setObjectName(u"priceEstimate"_s);
    m_price->setWordWrap(true);
    for (QWidget *w : { static_cast<QWidget *>(m_cpu), static_cast<QWidget *>(m_memory) })
        w->setMinimumWidth(160);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(12);
    form->addRow(m_cpuLabel, m_cpu);
    form->addRow(m_memoryLabel, m_memory);
    form->addRow(m_priceLabel, m_price);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(14);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addStretch();

    connect(m_cpu, &QDoubleSpinBox::valueChanged, this, &ResourcesEditor::pushToSession);
    connect(m_memory, &QSpinBox::valueChanged, this, &ResourcesEditor::pushToSession);
    connect(m_session, &ProjectSession::resourcesChanged, this, &ResourcesEditor::pullFromSession);
    connect(m_session, &ProjectSession::priceEstimateChanged, this,
        [this] { m_price->setText(m_session->priceEstimate()); });
    pullFromSession();
    retranslateUi();
}

void ResourcesEditor::pushToSession()
{
    ResourceRequest r = m_session->resources();
    r.cpuMillis = int(std::lround(m_cpu->value() * 1000));
    r.memoryMb = m_memory->value();
    m_session->setResources(r);
}

void ResourcesEditor::pullFromSession()
{
    const ResourceRequest r = m_session->resources();
    const QSignalBlocker b1(m_cpu);
    const QSignalBlocker b2(m_memory);
    m_cpu->setValue(r.cpuMillis / 1000.0);
    m_memory->setValue(r.memoryMb);
}

void ResourcesEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ResourcesEditor::retranslateUi()
{
    m_intro->setText(tr("The provider reserves this much for your app. Static sites are happy with a quarter of "
                        "a CPU and 256 MB; servers usually want 1 CPU and 512 MB or more."));
    m_cpuLabel->setText(tr("CPU"));
    m_memoryLabel->setText(tr("Memory"));
    m_priceLabel->setText(tr("Estimate"));
    m_cpu->setSuffix(tr(" vCPU"));
    m_memory->setSuffix(tr(" MB"));
    m_price->setText(m_session->priceEstimate());
}

} // namespace ttalkak::deployer
