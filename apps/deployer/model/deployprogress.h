#pragma once
// DeployProgress: one deployment's way from "queued" to "running", as a list
// model of steps (queued → assigned → fetching → building → starting → running)
// plus the live build log (bounded) and, at the end, the public URL or the
// failing step with the last log lines. Fed by DeployService with the relay's
// `status` and `build-log` messages; renders in DeployProgressPage.
//
// The relay's states are coarser than the steps: "building" covers fetching the
// source and the image build, and "running" is sent once the container is up
// and healthy. The build log tells them apart (Docker's "Step 1/N"/BuildKit "#1"
// lines start the build; "Successfully built/tagged" ends it).

#include <QAbstractListModel>
#include <QJsonObject>
#include <QUrl>

namespace ttalkak::deployer {

class DeployProgress : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Step { Queued, Assigned, Fetching, Building, Starting, Running, StepCount };
    Q_ENUM(Step)
    enum class StepState { Pending, Active, Done, Failed };
    Q_ENUM(StepState)
    enum class Phase { Idle, Preparing, InProgress, Succeeded, Failed };
    Q_ENUM(Phase)
    enum Roles { StepStateRole = Qt::UserRole + 1 };

    static constexpr int MaxLogLines = 5000;
    static constexpr int FailureTailLines = 20;

    explicit DeployProgress(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    Phase phase() const { return m_phase; }
    StepState stepState(Step step) const;
    Step currentStep() const { return m_current; }
    QString deploymentId() const { return m_deploymentId; }
    QString name() const { return m_name; }
    QUrl publicUrl() const { return m_url; }
    QString failure() const { return m_failure; }
    QStringList log() const { return m_log; }
    QStringList logTail(int lines = FailureTailLines) const;

    // A new attempt: clears the steps and the log.
    void start(const QString &name);
    void setDeployment(const QString &id, const QUrl &publicUrl);
    void applyStatus(const QJsonObject &status);
    void appendBuildLog(const QString &line);
    // A failure before the relay took over (upload, sign-in, validation).
    void fail(const QString &message);
    void retranslate();

Q_SIGNALS:
    void changed();
    void logLineAppended(const QString &line);
    void logCleared();

private:
    void advanceTo(Step step);
    void setPhase(Phase phase);
    static QString title(Step step);

    Phase m_phase = Phase::Idle;
    Step m_current = Queued;
    bool m_buildStarted = false;
    QString m_name;
    QString m_deploymentId;
    QUrl m_url;
    QString m_failure;
    QStringList m_log;
};

} // namespace ttalkak::deployer
