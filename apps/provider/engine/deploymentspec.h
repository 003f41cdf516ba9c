#pragma once
// DeploymentSpec: the mapping between a JobRequest and Docker objects — names, labels and the
// hardened ContainerSpec — and back from a listed container (re-adoption). Pure functions.
//
// Every object carries ttalkak.managed-by=ttalkak-provider and ttalkak.deployment=<id>; the
// container also carries what re-adoption needs (generation, kind, name, limits, port), so a
// restarted provider rebuilds its view from `GET /containers/json` alone.

#include "deployment.h"
#include "isolation.h"
#include "jobrequest.h"

#include <docker/containerspec.h>

#include <QJsonObject>
#include <QMap>

namespace ttalkak::provider::DeploymentSpec {

inline constexpr QLatin1StringView kManagedLabel { "ttalkak.managed-by" };
inline constexpr QLatin1StringView kManagedValue { "ttalkak-provider" };
inline constexpr QLatin1StringView kDeploymentLabel { "ttalkak.deployment" };

QString managedFilter(); // "ttalkak.managed-by=ttalkak-provider"
QString containerName(const JobRequest &request); // "<namePrefix><id>-g<generation>"
QString networkName(const QString &deploymentId); // "ttalkak-<id>-net"
QString volumeName(const QString &deploymentId); // "ttalkak-<id>-data"

// Labels for the network and volume (identity only) and for the container (identity + state).
QMap<QString, QString> objectLabels(const JobRequest &request);
QMap<QString, QString> containerLabels(const JobRequest &request);

// The hardened defaults, limits from the request (the caller checked them against the caps),
// the deployment's own network, a data volume for databases, ports on 127.0.0.1 only.
docker::ContainerSpec containerSpec(const JobRequest &request, const Isolation &isolation);

// A Deployment from the request, before anything exists in the engine.
Deployment fromRequest(const JobRequest &request);
// A Deployment from one entry of `GET /containers/json` (null id when it is not ours).
Deployment fromListEntry(const QJsonObject &container);
// The host port published for containerPort in an inspect reply (0 when none).
quint16 hostPortFromInspect(const QJsonObject &inspect, quint16 containerPort);

} // namespace ttalkak::provider::DeploymentSpec
