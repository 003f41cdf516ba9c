#include "deployprogress.h"

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

DeployProgress::DeployProgress(QObject *parent)
    : QAbstractListModel(parent)
{
}

int DeployProgress::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : StepCount;
}

QVariant DeployProgress::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto step = Step(index.row());
    if (role == Qt::DisplayRole)
        return title(step);
    if (role == StepStateRole)
        return QVariant::fromValue(stepState(step));
    return {};
}

QString DeployProgress::title(Step step)
{
    switch (step) {
    case Queued:
        return tr("Queued");
    case Assigned:
        return tr("Assigned to a provider");
    case Fetching:
        return tr("Fetching the source");
    case Building:
        return tr("Building the image");
    case Starting:
        return tr("Starting the container");
    case Running:
        return tr("Running");
    case StepCount:
        break;
    }
    return {};
}

DeployProgress::StepState DeployProgress::stepState(Step step) const
{
    if (m_phase == Phase::Idle || m_phase == Phase::Preparing)
        return StepState::Pending;
    if (m_phase == Phase::Succeeded)
        return StepState::Done;
    if (step < m_current)
        return StepState::Done;
    if (step > m_current)
        return StepState::Pending;
    return m_phase == Phase::Failed ? StepState::Failed : StepState::Active;
}

QStringList DeployProgress::logTail(int lines) const
{
    return m_log.mid(qMax(0, m_log.size() - lines));
}

void DeployProgress::start(const QString &name)
{
    beginResetModel();
    m_name = name;
    m_current = Queued;
    m_buildStarted = false;
    m_deploymentId.clear();
    m_url.clear();
    m_failure.clear();
    m_log.clear();
    m_phase = Phase::Preparing;
    endResetModel();
    Q_EMIT logCleared();
    Q_EMIT changed();
}

void DeployProgress::setDeployment(const QString &id, const QUrl &publicUrl)
{
    m_deploymentId = id;
    m_url = publicUrl;
    setPhase(Phase::InProgress);
}

void DeployProgress::applyStatus(const QJsonObject &status)
{
    const QString state = status.value(u"state"_s).toString();
    if (state == u"queued"_s || state == u"offered"_s) {
        advanceTo(Queued);
    } else if (state == u"assigned"_s) {
        advanceTo(Fetching);
    } else if (state == u"building"_s) {
        advanceTo(m_buildStarted ? Building : Fetching);
    } else if (state == u"running"_s) {
        advanceTo(Running);
        setPhase(Phase::Succeeded);
        return;
    } else if (state == u"failed"_s || state == u"stopped"_s || state == u"deleting"_s || state == u"deleted"_s) {
        QString why = status.value(u"reason"_s).toString();
        if (why.isEmpty())
            why = status.value(u"detail"_s).toString();
        m_failure = why.isEmpty() ? tr("The deployment is %1.").arg(state) : why;
        setPhase(Phase::Failed);
        return;
    }
    if (m_phase == Phase::Preparing || m_phase == Phase::Failed)
        setPhase(Phase::InProgress);
}

void DeployProgress::appendBuildLog(const QString &line)
{
    if (m_log.size() >= MaxLogLines)
        m_log.removeFirst();
    m_log.append(line);
    Q_EMIT logLineAppended(line);

    const QString t = line.trimmed();
    if (!m_buildStarted && (t.startsWith(u"Step "_s) || t.startsWith(u'#'))) {
        m_buildStarted = true;
        advanceTo(Building);
    } else if (t.startsWith(u"Successfully built"_s) || t.startsWith(u"Successfully tagged"_s)
        || t.contains(u"writing image"_s)) {
        advanceTo(Starting);
    }
}

void DeployProgress::fail(const QString &message)
{
    m_failure = message;
    setPhase(Phase::Failed);
}

void DeployProgress::retranslate()
{
    Q_EMIT dataChanged(index(0), index(StepCount - 1), { Qt::DisplayRole });
}

void DeployProgress::advanceTo(Step step)
{
    if (step <= m_current)
        return; // statuses may repeat or arrive late; steps never go back
    m_current = step;
    Q_EMIT dataChanged(index(0), index(StepCount - 1), { StepStateRole });
    Q_EMIT changed();
}

void DeployProgress::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT dataChanged(index(0), index(StepCount - 1), { StepStateRole });
    Q_EMIT changed();
}

} // namespace ttalkak::deployer
