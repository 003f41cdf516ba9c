#pragma once
// Shared set-up for the tests that talk to the real Docker engine (ctest label "docker").
//
// No engine answering: the test is skipped with the reason, or FAILS when TTALKAK_REQUIRE_DOCKER=1
// (CI). Base image: $TTALKAK_TEST_BASE_IMAGE, else the newest local ttalkak-local/debian:* —
// nothing is ever pulled. Everything a test creates carries the label ttalkak.test=<run id> and
// is removed by cleanupAll().

#include "jobrunner.h"

#include <docker/dockerclient.h>

#include <QString>

namespace enginefixture {

// Empty when the engine answers, else why not.
QString engineProblem(ttalkak::docker::DockerClient &client);
// Empty when none is available (reason in *why).
QString baseImage(ttalkak::docker::DockerClient &client, QString *why);
// "ttalkak.test" label value unique to this process.
QString runLabel();
QString labelFilter();
// Removes containers, networks and volumes labelled with runLabel(), and the given images.
void cleanupAll(ttalkak::docker::DockerClient &client, const QStringList &images = {});
// Runs a container to completion (create, start, wait) and returns exit code and demuxed logs.
struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString id;
    QString error;
};
RunResult runToCompletion(
    ttalkak::docker::DockerClient &client, ttalkak::docker::ContainerSpec spec, int timeoutMs = 60000);

} // namespace enginefixture

// In initTestCase(): skip or fail when the engine or a base image is missing.
#define REQUIRE_ENGINE(client, imageVar)                                                                               \
    do {                                                                                                               \
        const QString problem_ = enginefixture::engineProblem(client);                                                 \
        QString why_;                                                                                                  \
        if (problem_.isEmpty())                                                                                        \
            imageVar = enginefixture::baseImage(client, &why_);                                                        \
        const QString reason_ = !problem_.isEmpty() ? problem_ : why_;                                                 \
        if (!reason_.isEmpty()) {                                                                                      \
            if (qEnvironmentVariable("TTALKAK_REQUIRE_DOCKER") == QLatin1StringView("1"))                              \
                QFAIL(qPrintable(QStringLiteral("TTALKAK_REQUIRE_DOCKER=1 but: ") + reason_));                         \
            QSKIP(qPrintable(reason_));                                                                                \
        }                                                                                                              \
    } while (false)
