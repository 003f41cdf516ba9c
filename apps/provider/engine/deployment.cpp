#include "deployment.h"

namespace ttalkak::provider {

QString Deployment::stateName(State state)
{
    switch (state) {
    case State::Creating:
        return tr("Starting");
    case State::Running:
        return tr("Running");
    case State::Stopped:
        return tr("Stopped");
    case State::Exited:
        return tr("Exited");
    case State::Failed:
        return tr("Failed");
    case State::Removing:
        return tr("Removing");
    case State::Building:
        return tr("Building");
    }
    return {};
}

QString Deployment::kindName(DeploymentKind kind)
{
    return kind == DeploymentKind::Database ? tr("Database") : tr("Web");
}

} // namespace ttalkak::provider
