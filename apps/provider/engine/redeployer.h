#pragma once
// Redeployer: brings up the next generation of a running deployment beside the old one —
// build (or reuse) the image, start a new container, wait until it serves — and only then
// reports it, so the engine can switch the tunnel route and retire the old container with no
// failed request. Databases cannot share their data volume between two servers: with
// `replaceFirst` the old container is removed before the new one starts (a short outage).
// `finished` fires once; deleting the redeployer cancels it (and its build).

#include "deployment.h"
#include "isolation.h"
#include "jobrequest.h"
#include "sourceaccess.h"

#include <core/result.h>

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace ttalkak::docker {
class DockerClient;
}

namespace ttalkak::provider {

class ImageBuilder;

class Redeployer : public QObject
{
    Q_OBJECT
public:
    Redeployer(docker::DockerClient &client, QNetworkAccessManager &network, const SourceAccess &access,
        const Isolation &isolation, JobRequest next, QString oldContainerId, bool replaceFirst,
        QObject *parent = nullptr);
    ~Redeployer() override;

    void start();
    const JobRequest &request() const { return m_next; }
    bool replacesFirst() const { return m_replaceFirst; }

    static constexpr int kReadyTimeoutMs = 90000;

Q_SIGNALS:
    void progress(const QString &line);
    // The new container, running and answering; or why not (the new container is removed).
    void finished(const ttalkak::core::Result<ttalkak::provider::Deployment> &launched);

private:
    void build();
    void removeOld();
    void launch();
    void probe(const Deployment &launched);
    void discard(const Deployment &launched, const QString &why);
    void finish(const core::Result<Deployment> &outcome);

    docker::DockerClient &m_client;
    QNetworkAccessManager &m_network;
    SourceAccess m_access;
    Isolation m_isolation;
    JobRequest m_next;
    QString m_oldContainerId;
    bool m_replaceFirst;
    QPointer<ImageBuilder> m_builder;
    bool m_done = false;
};

} // namespace ttalkak::provider
