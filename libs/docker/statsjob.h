#pragma once
// StatsJob: GET /containers/{id}/stats. Streaming (default): `sample` fires about once a second
// until the container stops or kill(). One-shot: a single sample, then result. Each sample is
// computed as the Docker CLI does (see StatsSample). The first streamed sample has an empty
// precpu_stats, so its CPU % is the average since the container started, as in `docker stats`.

#include "jsonstreamjob.h"
#include "statssample.h"

namespace ttalkak::docker {

class StatsJob : public JsonStreamJob
{
    Q_OBJECT
public:
    StatsJob(std::shared_ptr<Internal::ClientContext> context, const QString &container, bool stream,
        QObject *parent = nullptr);
    ~StatsJob() override;

    const StatsSample &last() const { return m_last; }
    int sampleCount() const { return m_samples; }

Q_SIGNALS:
    void sample(const ttalkak::docker::StatsSample &sample);

protected:
    void handleMessage(const QJsonObject &object) override;

private:
    StatsSample m_last;
    int m_samples = 0;
};

} // namespace ttalkak::docker
