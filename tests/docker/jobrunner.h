#pragma once
// Test helper: runs a DockerJob to its result inside QTest's event loop and hands it back owned.

#include <docker/dockerjob.h>

#include <QSignalSpy>
#include <QTest>

#include <memory>

template<typename J> std::unique_ptr<J> runJob(J *job, int timeoutMs = 30000)
{
    job->setAutoDelete(false);
    std::unique_ptr<J> owned(job);
    QSignalSpy spy(job, &ttalkak::docker::DockerJob::result);
    job->start();
    if (spy.isEmpty() && !spy.wait(timeoutMs))
        qWarning("job did not finish within %d ms", timeoutMs);
    return owned;
}

// QVERIFY2 message for a job that should have succeeded.
// Evaluates its argument once, so JOB_OK(runJob(...)) runs the job once.
#define JOB_OK(job)                                                                                                    \
    do {                                                                                                               \
        auto &&job_ = (job);                                                                                           \
        QVERIFY2(job_->isFinished() && !job_->failed(), qPrintable(job_->errorString()));                              \
    } while (false)
