#pragma once
// Deployment: what the engine knows about one Ttalkak-managed container. A plain value; the
// engine owns the live set and emits changes (ProviderEngine::deploymentChanged).

#include "jobrequest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ttalkak::provider {

struct Deployment
{
    Q_DECLARE_TR_FUNCTIONS(Deployment)
public:
    // Building: fetching the source and building the image, before any container exists.
    // (Last so the values stored by older code keep their meaning.)
    enum class State { Creating, Running, Stopped, Exited, Failed, Removing, Building };

    QString id;
    int generation = 1;
    QString name;
    DeploymentKind kind = DeploymentKind::Web;
    QString image;
    QString containerId;
    QString network;
    QString volume; // empty unless a database
    double cpuCores = 0;
    qint64 memoryMb = 0;
    qint64 diskGb = 0;
    quint16 containerPort = 0;
    quint16 hostPort = 0; // on 127.0.0.1
    State state = State::Creating;
    QString health; // "", "starting", "healthy", "unhealthy"
    int exitCode = 0;
    bool oomKilled = false;
    bool adopted = false; // found running at start-up rather than created by this process
    QDateTime startedAt;
    QString detail; // last error or event, for the user

    bool isActive() const { return state == State::Building || state == State::Creating || state == State::Running; }
    static QString stateName(State state); // translated
    static QString kindName(DeploymentKind kind); // translated
};

} // namespace ttalkak::provider
