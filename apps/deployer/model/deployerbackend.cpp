#include "deployerbackend.h"

namespace ttalkak::deployer {
DeployerBackend::~DeployerBackend() = default;
void DeployerBackend::listProjects(const QString &, QObject *context, Reply done)
{
    QMetaObject::invokeMethod(context, [done = std::move(done)] {
        done(core::Error(core::ErrorCode::Unsupported, QStringLiteral("no projects here")));
    }, Qt::QueuedConnection);
}

} // namespace ttalkak::deployer
