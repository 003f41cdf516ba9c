#include "enginefixture.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

using namespace ttalkak::docker;
using namespace Qt::StringLiterals;

namespace enginefixture {

QString engineProblem(DockerClient &client)
{
    client.setTimeouts(3000, 30000);
    auto ping = runJob(client.ping(), 10000);
    if (ping->failed())
        return u"no Docker engine at %1: %2"_s.arg(client.endpoint().toString(), ping->errorString());
    return {};
}

QString baseImage(DockerClient &client, QString *why)
{
    const QString fromEnv = qEnvironmentVariable("TTALKAK_TEST_BASE_IMAGE");
    if (!fromEnv.isEmpty()) {
        auto inspect = runJob(client.inspectImage(fromEnv));
        if (inspect->failed()) {
            *why = u"TTALKAK_TEST_BASE_IMAGE=%1 is not a local image: %2"_s.arg(fromEnv, inspect->errorString());
            return {};
        }
        return fromEnv;
    }
    auto list = runJob(client.listImages(u"ttalkak-local/debian"_s));
    QString best;
    qint64 newest = -1;
    for (const QJsonValue &v : list->json().array()) {
        const QJsonObject img = v.toObject();
        const auto tags = img[u"RepoTags"].toArray();
        if (tags.isEmpty() || img[u"Created"].toInteger() <= newest)
            continue;
        newest = img[u"Created"].toInteger();
        best = tags.first().toString();
    }
    if (best.isEmpty())
        *why = u"no base image: set TTALKAK_TEST_BASE_IMAGE or build ttalkak-local/debian:* (scripts/)"_s;
    return best;
}

QString runLabel()
{
    static const QString label
        = QCoreApplication::applicationName() + u'-' + QString::number(QCoreApplication::applicationPid());
    return label;
}

QString labelFilter()
{
    return u"ttalkak.test="_s + runLabel();
}

void cleanupAll(DockerClient &client, const QStringList &images)
{
    auto list = runJob(client.listContainers({ labelFilter() }, true));
    for (const QJsonValue &c : list->json().array())
        runJob(client.removeContainer(c[u"Id"].toString(), true, true));
    auto nets = runJob(client.call(
        "GET", "/networks?filters=" + QUrl::toPercentEncoding(u"{\"label\":[\""_s + labelFilter() + u"\"]}"_s)));
    for (const QJsonValue &n : nets->json().array())
        runJob(client.removeNetwork(n[u"Id"].toString()));
    auto vols = runJob(client.call(
        "GET", "/volumes?filters=" + QUrl::toPercentEncoding(u"{\"label\":[\""_s + labelFilter() + u"\"]}"_s)));
    for (const QJsonValue &v : vols->json()[u"Volumes"].toArray())
        runJob(client.removeVolume(v[u"Name"].toString(), true));
    for (const QString &img : images)
        runJob(client.removeImage(img, true));
}

RunResult runToCompletion(DockerClient &client, ContainerSpec spec, int timeoutMs)
{
    RunResult r;
    spec.labels.insert(u"ttalkak.test"_s, runLabel());
    spec.restartPolicy = u"no"_s;
    auto create = runJob(client.createContainer(spec));
    if (create->failed()) {
        r.error = create->errorString();
        return r;
    }
    r.id = create->value(u"Id").toString();
    auto *wait = client.waitContainer(r.id, u"next-exit"_s);
    wait->setAutoDelete(false);
    std::unique_ptr<ApiJob> waitOwned(wait);
    QSignalSpy waited(wait, &DockerJob::result);
    wait->start();
    auto start = runJob(client.startContainer(r.id));
    if (start->failed()) {
        r.error = start->errorString();
        return r;
    }
    if (waited.isEmpty() && !waited.wait(timeoutMs)) {
        r.error = u"container did not stop in time"_s;
        return r;
    }
    if (wait->failed()) {
        r.error = wait->errorString();
        return r;
    }
    r.exitCode = wait->value(u"StatusCode").toInt();
    auto logs = runJob(client.logs(r.id));
    for (const LogLine &l : logs->collected())
        (l.stream == LogStream::Stderr ? r.err : r.out) += l.text + '\n';
    return r;
}

} // namespace enginefixture
