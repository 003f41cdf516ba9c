#pragma once
// BuildJob: POST /build with a streamed context (classic builder). `output` fires for every
// progress line as the engine sends it ("Step 2/5 : RUN npm ci", the RUN's own output...), as
// plain text (the engine's ANSI colour codes removed).
// A failing step arrives as an error object inside the HTTP 200 stream: the job then fails with
// ErrorCode::Remote and the engine's message ("The command '/bin/sh -c exit 3' returned a
// non-zero code: 3"). On success imageId() is "sha256:…".

#include "jsonstreamjob.h"

#include <QMap>
#include <QStringList>

namespace ttalkak::docker {

class BuildContext;

struct BuildOptions
{
    QStringList tags; // "name:tag"
    QString dockerfile; // context-relative; empty: the context's
    QMap<QString, QString> buildArgs;
    QString target; // multi-stage target
    QMap<QString, QString> labels;
    bool noCache = false;
    bool pull = false; // re-pull FROM images (needs a registry)
    bool removeIntermediate = true; // rm + forcerm
    // Caps for the build's RUN containers (0: engine default).
    qint64 memoryBytes = 0;
    qint64 cpuQuota = 0; // with cpuPeriod (µs)
    qint64 cpuPeriod = 0;
    QString networkMode; // "none" forbids network during RUN
    QString registryConfig; // X-Registry-Config (base64 JSON), optional
};

class BuildJob : public JsonStreamJob
{
    Q_OBJECT
public:
    BuildJob(std::shared_ptr<Internal::ClientContext> context, std::unique_ptr<BuildContext> buildContext,
        const BuildOptions &options, QObject *parent = nullptr);
    ~BuildJob() override;

    const QString &imageId() const { return m_imageId; }
    // Everything the engine printed, for a failed build's log.
    const QStringList &log() const { return m_log; }

Q_SIGNALS:
    void output(const QString &line);

protected:
    void handleMessage(const QJsonObject &object) override;
    void handleStreamError(const QString &message) override;
    core::Error endOfStream() override;

private:
    QString m_imageId;
    QStringList m_log;
    QString m_partial;
};

} // namespace ttalkak::docker
