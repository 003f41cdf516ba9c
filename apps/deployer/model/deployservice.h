#pragma once
// DeployService: runs "Deploy" for the open ProjectSession against the relay —
// upload the folder (local projects) or name the git source, create the project
// and the deployment with a protocol spec (docs/protocol.md "Deployment spec"),
// subscribe, and feed DeployProgress with the relay's status and build-log.
// Retry re-sends the same deployment as `redeploy` once it exists.
//
// Thread: GUI thread. One deployment at a time; deploy() while one runs restarts.

#include "deployprogress.h"

#include <client/deployspecbuilder.h>
#include <core/result.h>

#include <QObject>
#include <QPointer>

namespace ttalkak::deployer {

class DeployerBackend;
class ProjectSession;
class RelayLink;

// A GitHub repository picked in the GitHub browser: the exact commit to build,
// and the user's token for a private repository (sent as sourceToken).
struct GitSelection
{
    QString url; // https clone URL
    QString ref;
    QString commit; // 40 hex, or "" for the ref's head
    QString token;
    bool isPrivate = false;
};

class DeployService : public QObject
{
    Q_OBJECT
public:
    DeployService(DeployerBackend *backend, ProjectSession *session, RelayLink *relay, QObject *parent = nullptr);

    DeployProgress *progress() { return &m_progress; }
    void setGitSelection(const GitSelection &selection) { m_git = selection; }
    GitSelection gitSelection() const { return m_git; }

    void deploy();
    void retry();

    // The protocol spec for `source` (client::DeploySpecBuilder: validated like the relay;
    // a git source carries the generated helper files in spec.files).
    static core::Result<QJsonObject> buildSpec(ProjectSession &session, const client::SourceRef &source);
    // A relay-valid host label (a-z, 0-9, -, ≤ 63) from "owner/repo" etc.
    static QString deploymentName(const QString &displayName);

Q_SIGNALS:
    void started();
    // A deployment was created or changed (for the deployments list).
    void deploymentUpdated(const QJsonObject &deployment);

private:
    void createDeployment(const client::SourceRef &source);
    void redeploy(const QString &id, const QJsonObject &spec);
    void findOrCreateProject(const QJsonObject &project, const QJsonObject &spec);
    void submit(const QJsonObject &project, const QJsonObject &spec);
    void onUploadProgress(qint64 sent, qint64 total);
    void onStatus(const QJsonObject &status);
    void onBuildLog(const QString &deploymentId, const QString &line);

    DeployerBackend *m_backend;
    ProjectSession *m_session;
    RelayLink *m_relay;
    DeployProgress m_progress;
    GitSelection m_git;
    quint64 m_attempt = 0;
    int m_uploadStep = -1; // last quarter of the upload reported in the build log
};

} // namespace ttalkak::deployer
