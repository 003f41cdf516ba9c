#include "offlinebackend.h"

#include <QTimer>

namespace ttalkak::deployer {

void OfflineBackend::signIn(const QUrl &, const QString &, const QString &, bool, QObject *context, Reply done)
{
    fail(context, std::move(done));
}

void OfflineBackend::fail(QObject *context, Reply done)
{
    QTimer::singleShot(0, context, [done = std::move(done)] {
        done(core::Error(core::ErrorCode::Unavailable, tr("This build of the deployer has no relay client.")));
    });
}

} // namespace ttalkak::deployer
