#pragma once
// DetectionService: runs strategies::Registry detection + generation off the GUI
// thread (QtConcurrent) and reports each run with finished().
//
//   const quint64 id = service->start(u"/path/to/repo"_s, {});
//   connect(service, &DetectionService::finished, this, [](const DetectionOutcome &o) { ... });
//
// Thread: create and use from the GUI thread; finished() is emitted there.
// Every start() is reported once, in completion order; callers that only care
// about the latest request compare ids. The registry is immutable and shared
// by the worker threads.

#include "detectionoutcome.h"

#include <strategies/registry.h>

#include <QObject>

#include <memory>

namespace ttalkak::deployer {

struct DetectionConfig
{
    strategies::RepoLimits limits;
    QString baseImagesOverride; // a base-images override YAML file, "" = none
};

class DetectionService : public QObject
{
    Q_OBJECT
public:
    explicit DetectionService(QObject *parent = nullptr);
    DetectionService(std::shared_ptr<const strategies::Registry> registry, QObject *parent = nullptr);
    ~DetectionService() override;

    void setConfig(const DetectionConfig &config) { m_config = config; }
    DetectionConfig config() const { return m_config; }

    quint64 start(const QString &root, const QString &appDir);
    int pendingCount() const { return m_pending; }

    // The synchronous core of a run (what the worker executes). Thread-safe.
    static DetectionOutcome run(const strategies::Registry &registry, const DetectionConfig &config,
        const QString &root, const QString &appDir);

Q_SIGNALS:
    void started(quint64 id);
    void finished(const ttalkak::deployer::DetectionOutcome &outcome);

private:
    std::shared_ptr<const strategies::Registry> m_registry;
    DetectionConfig m_config;
    quint64 m_lastId = 0;
    int m_pending = 0;
};

} // namespace ttalkak::deployer
