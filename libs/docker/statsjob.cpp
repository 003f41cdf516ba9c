#include "statsjob.h"

#include <QUrl>

namespace ttalkak::docker {

StatsJob::StatsJob(
    std::shared_ptr<Internal::ClientContext> context, const QString &container, bool stream, QObject *parent)
    : JsonStreamJob(std::move(context), QByteArrayLiteral("GET"),
        "/containers/" + QUrl::toPercentEncoding(container)
            + "/stats?stream=" + (stream ? QByteArrayLiteral("1") : QByteArrayLiteral("0")),
        nullptr, parent)
{
}

StatsJob::~StatsJob() = default;

void StatsJob::handleMessage(const QJsonObject &object)
{
    m_last = StatsSample::fromJson(object);
    ++m_samples;
    Q_EMIT sample(m_last);
}

} // namespace ttalkak::docker
