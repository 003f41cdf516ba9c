#pragma once
// ProjectSession: the project being prepared for deployment — its source, the
// detected plan, the (possibly edited) Dockerfile and .dockerignore, the env
// vars and the resources. Widgets render it and forward the user's actions;
// all decisions live here so they are testable without a window.
//
//   ProjectSession session(&detection, &relay, &prices);
//   session.open(*ProjectSource::fromLocalFolder(path));   // detection starts at once
//   connect(&session, &ProjectSession::detectionFinished, ...);
//
// Thread: GUI thread. Only the latest detection request counts: results of
// superseded runs (the user dropped another folder meanwhile) are dropped.

#include "detectionoutcome.h"
#include "envvarsmodel.h"
#include "projectsource.h"
#include "reasonsmodel.h"
#include "resourcerequest.h"

#include <QJsonObject>
#include <QObject>

namespace ttalkak::deployer {

class DetectionService;
class PriceQuoteSource;
class RelayLink;

class ProjectSession : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Empty, // nothing opened yet
        Detecting, // a local folder is being analysed
        Ready, // plan + generated files available
        Failed, // detection failed: error() says why, appCandidates() may offer a way out
        Remote, // a GitHub URL without its files: nothing detected (use openFetched)
    };
    Q_ENUM(State)

    ProjectSession(DetectionService *detection, RelayLink *relay, PriceQuoteSource *prices, QObject *parent = nullptr);
    ~ProjectSession() override;

    State state() const { return m_state; }
    const ProjectSource &source() const { return m_source; }
    QString appDir() const { return m_appDir; }
    QStringList appCandidates() const { return m_candidates; }
    const std::optional<strategies::Plan> &plan() const { return m_plan; }
    const std::optional<core::Error> &error() const { return m_error; }
    qint64 lastDetectionMs() const { return m_elapsedMs; }

    // Opens a source. A local folder starts detection at the repository root.
    void open(const ProjectSource &source);
    // A GitHub source whose files were fetched into `folder` (GitHubSession::fetchSource):
    // detection runs on them, so the Dockerfile is real; the provider still clones the repo.
    void openFetched(const ProjectSource &source, const QString &folder);
    // Re-detects with another app folder (monorepos). "" = the repository root.
    void setAppDir(const QString &appDir);
    void redetect();
    // Detection again for the same source, keeping the user's Dockerfile/.dockerignore edits:
    // the strategies' "why" reasons are translated when made, so a language change re-runs it.
    void refreshReasons();

    QString dockerfile() const { return m_dockerfile; }
    QString generatedDockerfile() const { return m_generated.dockerfile; }
    bool isDockerfileModified() const { return m_dockerfile != m_generated.dockerfile; }
    void setDockerfile(const QString &text);
    void resetDockerfile();

    QString dockerignore() const { return m_dockerignore; }
    QString generatedDockerignore() const { return m_generated.dockerignore; }
    bool isDockerignoreModified() const { return m_dockerignore != m_generated.dockerignore; }
    void setDockerignore(const QString &text);
    void resetDockerignore();

    // Helper files the generated Dockerfile COPYs (e.g. .ttalkak/nginx.conf).
    QMap<QString, QByteArray> extraFiles() const { return m_generated.files; }

    ReasonsModel *reasons() { return &m_reasons; }
    EnvVarsModel *environment() { return &m_env; }

    ResourceRequest resources() const { return m_resources; }
    void setResources(const ResourceRequest &request);
    // "≈ 1.23 credits / month" or the reason there is no estimate yet.
    QString priceEstimate() const;

    // Why Deploy cannot run now (translated, most important first); empty = ready.
    QStringList deployBlockers() const;
    bool canDeploy() const { return deployBlockers().isEmpty(); }
    // The deployment spec the relay client will send (docs/protocol.md:
    // POST /v1/deployments {name, spec, resources}). Secret values included:
    // the caller sends it over the authenticated connection only.
    QJsonObject deploymentSpec() const;

Q_SIGNALS:
    void stateChanged(ttalkak::deployer::ProjectSession::State state);
    void sourceChanged();
    void detectionStarted();
    void detectionFinished();
    void dockerfileChanged();
    void dockerignoreChanged();
    void resourcesChanged();
    void priceEstimateChanged();
    void deployReadinessChanged();

private:
    void onDetectionFinished(const DetectionOutcome &outcome);
    void setState(State state);
    void startDetection();

    DetectionService *m_detection;
    RelayLink *m_relay;
    PriceQuoteSource *m_prices;

    State m_state = State::Empty;
    ProjectSource m_source;
    QString m_appDir;
    QString m_detectRoot; // the local folder, or a fetched GitHub source's files
    QStringList m_candidates;
    quint64 m_pendingId = 0;
    bool m_keepEdits = false;
    std::optional<strategies::Plan> m_plan;
    std::optional<core::Error> m_error;
    qint64 m_elapsedMs = 0;
    strategies::Generated m_generated;
    QString m_dockerfile;
    QString m_dockerignore;
    ReasonsModel m_reasons;
    EnvVarsModel m_env;
    ResourceRequest m_resources;
};

} // namespace ttalkak::deployer
