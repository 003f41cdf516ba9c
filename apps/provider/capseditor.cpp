#include "capseditor.h"

#include <engine/providerengine.h>

#include <cmath>

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ttalkak::provider::ui {

CapsEditor::CapsEditor(ProviderEngine &engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_cpu(new QDoubleSpinBox(this))
    , m_memory(new QSpinBox(this))
    , m_disk(new QSpinBox(this))
    , m_count(new QSpinBox(this))
    , m_price(new QDoubleSpinBox(this))
    , m_cpuHave(new QLabel(this))
    , m_memoryHave(new QLabel(this))
    , m_diskHave(new QLabel(this))
    , m_countHave(new QLabel(this))
    , m_issuesLabel(new QLabel(this))
    , m_apply(new QPushButton(tr("Apply"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
{
    m_cpu->setObjectName(u"cpuCores"_s);
    m_memory->setObjectName(u"memoryMb"_s);
    m_disk->setObjectName(u"diskGb"_s);
    m_count->setObjectName(u"maxDeployments"_s);
    m_price->setObjectName(u"price"_s);
    m_apply->setObjectName(u"apply"_s);
    m_issuesLabel->setObjectName(u"capIssues"_s);

    // Ranges are wide on purpose: validate() says what is wrong instead of the box clamping silently.
    m_cpu->setRange(0, 1024);
    m_cpu->setDecimals(2);
    m_cpu->setSingleStep(0.25);
    m_cpu->setSuffix(tr(" cores"));
    m_memory->setRange(0, 16 * 1024 * 1024);
    m_memory->setSingleStep(256);
    m_memory->setSuffix(tr(" MB"));
    m_disk->setRange(0, 1024 * 1024);
    m_disk->setSuffix(tr(" GB"));
    m_count->setRange(0, 1000);
    // Shown in credits; Caps and the relay count micro-credits.
    m_price->setRange(-1, 1000);
    m_price->setDecimals(4);
    m_price->setSingleStep(0.01);
    m_price->setSuffix(tr(" credits per core-hour"));
    for (QWidget *w : { static_cast<QWidget *>(m_cpu), static_cast<QWidget *>(m_memory), static_cast<QWidget *>(m_disk),
             static_cast<QWidget *>(m_count), static_cast<QWidget *>(m_price) })
        w->setMinimumWidth(180);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(10);
    auto row = [form, this](const QString &label, QWidget *field, QLabel *have) {
        auto *line = new QHBoxLayout;
        line->setSpacing(14);
        line->addWidget(field);
        if (have) {
            have->setObjectName(u"hint"_s);
            line->addWidget(have);
        }
        line->addStretch(1);
        form->addRow(label, line);
        Q_UNUSED(this);
    };
    row(tr("CPU"), m_cpu, m_cpuHave);
    row(tr("Memory"), m_memory, m_memoryHave);
    row(tr("Disk"), m_disk, m_diskHave);
    row(tr("Deployments at once"), m_count, m_countHave);
    row(tr("Price"), m_price, nullptr);

    auto *box = new QGroupBox(tr("What this machine shares"), this);
    box->setLayout(form);
    box->setMaximumWidth(900);

    auto *intro = new QLabel(tr("Deployments only run within these caps. Each one gets its own CPU and memory "
                                "limit; the disk cap counts their images and data. Lower the caps any time: "
                                "running deployments keep their limits, new ones must fit."),
        this);
    intro->setWordWrap(true);
    intro->setMaximumWidth(900);
    intro->setObjectName(u"hint"_s);

    m_issuesLabel->setWordWrap(true);
    m_issuesLabel->setTextFormat(Qt::RichText);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    m_apply->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(intro);
    layout->addWidget(box);
    layout->addWidget(m_issuesLabel);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(m_cpu, &QDoubleSpinBox::valueChanged, this, &CapsEditor::revalidate);
    connect(m_memory, &QSpinBox::valueChanged, this, &CapsEditor::revalidate);
    connect(m_disk, &QSpinBox::valueChanged, this, &CapsEditor::revalidate);
    connect(m_count, &QSpinBox::valueChanged, this, &CapsEditor::revalidate);
    connect(m_price, &QDoubleSpinBox::valueChanged, this, &CapsEditor::revalidate);
    connect(m_apply, &QPushButton::clicked, this, &CapsEditor::apply);
    connect(m_revert, &QPushButton::clicked, this, &CapsEditor::revert);
    connect(&engine, &ProviderEngine::capsChanged, this, &CapsEditor::revert);
    connect(&engine, &ProviderEngine::healthChanged, this, &CapsEditor::refreshMachine);
    connect(&engine, &ProviderEngine::deploymentAdded, this, &CapsEditor::refreshMachine);
    connect(&engine, &ProviderEngine::deploymentRemoved, this, &CapsEditor::refreshMachine);
    refreshMachine();
    revert();
}

Caps CapsEditor::edited() const
{
    Caps c;
    c.cpuCores = m_cpu->value();
    c.memoryMb = m_memory->value();
    c.diskGb = m_disk->value();
    c.maxDeployments = m_count->value();
    c.pricePerCpuHour = std::round(m_price->value() * 1'000'000);
    c.pricePerGbHour = m_memoryPrice;
    return c;
}

void CapsEditor::setEdited(const Caps &c)
{
    m_cpu->setValue(c.cpuCores);
    m_memory->setValue(int(c.memoryMb));
    m_disk->setValue(int(c.diskGb));
    m_count->setValue(c.maxDeployments);
    m_price->setValue(c.pricePerCpuHour / 1'000'000);
    m_memoryPrice = c.pricePerGbHour;
    revalidate();
}

void CapsEditor::revert()
{
    setEdited(m_engine.caps());
}

void CapsEditor::apply()
{
    const auto result = m_engine.setCaps(edited());
    if (!result)
        m_issuesLabel->setText(
            u"<span style='color:#b91c1c'>%1</span>"_s.arg(result.error().message().toHtmlEscaped()));
    revalidate();
}

void CapsEditor::refreshMachine()
{
    const MachineResources &m = m_engine.machine();
    const Committed used = m_engine.committed();
    m_cpuHave->setText(tr("this machine has %n core(s) · %1 in use", nullptr, m.cpuCores).arg(used.cpuCores));
    m_memoryHave->setText(
        tr("of %1 MB (%2 MB free) · %3 MB in use").arg(m.memoryTotalMb).arg(m.memoryAvailableMb).arg(used.memoryMb));
    m_diskHave->setText(tr("%1 GB free on %2 · %3 GB in use").arg(m.diskFreeGb).arg(m.diskPath).arg(used.diskGb));
    m_countHave->setText(tr("%n running now", nullptr, used.deployments));
    revalidate();
}

void CapsEditor::revalidate()
{
    const Caps c = edited();
    m_issues = m_engine.validateCaps(c);
    QStringList lines;
    for (const CapIssue &i : std::as_const(m_issues)) {
        const bool error = i.severity == CapIssue::Severity::Error;
        lines << u"<span style='color:%1'>%2 %3</span>"_s.arg(
            error ? u"#b91c1c"_s : u"#b45309"_s, error ? u"✖"_s : u"⚠"_s, i.message.toHtmlEscaped());
    }
    m_issuesLabel->setText(lines.join(u"<br>"));
    m_issuesLabel->setVisible(!lines.isEmpty());
    const bool changed = !(c == m_engine.caps());
    m_apply->setEnabled(changed && !Caps::hasErrors(m_issues));
    m_revert->setEnabled(changed);
}

} // namespace ttalkak::provider::ui
