#include "imagebuilder.h"
#include "blobdownload.h"
#include "logging.h"
#include "sourcearchive.h"

#include <core/git/gitclone.h>
#include <docker/buildcontext.h>
#include <docker/dockerclient.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace ttalkak::provider {

using core::Error;
using core::ErrorCode;
using docker::DockerJob;

ImageBuilder::ImageBuilder(docker::DockerClient &client, QNetworkAccessManager &network, const SourceAccess &access,
    const QString &deploymentId, const BuildSpec &spec, const QMap<QString, QString> &labels, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_network(network)
    , m_access(access)
    , m_deploymentId(deploymentId)
    , m_spec(spec)
    , m_labels(labels)
{
    connect(&m_unpack, &QFutureWatcher<Error>::finished, this, [this] {
        const Error error = m_unpack.result();
        error.message().isEmpty() ? build() : fail(error);
    });
}

ImageBuilder::~ImageBuilder()
{
    // Jobs still running are cancelled: the clone and download are our children; a Docker
    // build stops when its connection closes.
    if (m_dockerJob) {
        disconnect(m_dockerJob, nullptr, this, nullptr);
        m_dockerJob->kill();
    }
}

QString ImageBuilder::dockerfileName()
{
    return u".ttalkak.Dockerfile"_s;
}

QString ImageBuilder::imageTag(const QString &deploymentId, const BuildSpec &spec, const QString &sourceKey)
{
    // Length-prefixed fields: no two different specs serialise alike.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto field = [&hash](const QString &value) {
        const QByteArray bytes = value.toUtf8();
        const QByteArray length = QByteArray::number(bytes.size()) + ':';
        hash.addData(length);
        hash.addData(bytes);
    };
    field(spec.source.type == SourceSpec::Type::Blob ? u"blob"_s : u"git"_s);
    field(sourceKey);
    const QString context = QDir::cleanPath(spec.contextDir.isEmpty() ? u"."_s : spec.contextDir);
    field(context);
    field(spec.dockerfile);
    field(spec.dockerignore);
    field(QString::number(spec.buildArgs.size()));
    for (auto it = spec.buildArgs.cbegin(); it != spec.buildArgs.cend(); ++it) {
        field(it.key());
        field(it.value());
    }
    field(QString::number(spec.files.size()));
    for (auto it = spec.files.cbegin(); it != spec.files.cend(); ++it) {
        field(it.key());
        field(it.value());
    }
    return u"ttalkak/"_s + deploymentId + u':' + QString::fromLatin1(hash.result().toHex().left(16));
}

void ImageBuilder::start()
{
    const SourceSpec &s = m_spec.source;
    m_sourceKey = s.type == SourceSpec::Type::Blob ? s.blobSha256 : s.commit;
    // Without a pinned commit the tag is known only after the clone says where the ref points.
    QTimer::singleShot(0, this, [this] { m_sourceKey.isEmpty() ? fetch() : checkImage(); });
}

void ImageBuilder::checkImage()
{
    m_tag = imageTag(m_deploymentId, m_spec, m_sourceKey);
    auto *job = m_client.inspectImage(m_tag);
    m_dockerJob = job;
    connect(job, &DockerJob::result, this, [this](DockerJob *j) {
        m_dockerJob = nullptr;
        if (!j->failed()) {
            m_reused = true;
            Q_EMIT progress(tr("Reusing image %1 (already built from this source and spec).").arg(m_tag));
            return done();
        }
        if (j->error().code() != ErrorCode::NotFound)
            return fail(j->error());
        m_fetched ? build() : fetch();
    });
    job->start();
}

void ImageBuilder::fetch()
{
    m_work = std::make_shared<QTemporaryDir>(QDir::temp().filePath(u"ttalkak-build-XXXXXX"_s));
    if (!m_work->isValid())
        return fail(Error(ErrorCode::Io, tr("Cannot create a work directory: %1").arg(m_work->errorString())));
    m_spec.source.type == SourceSpec::Type::Blob ? fetchBlob() : fetchGit();
}

void ImageBuilder::fetchGit()
{
    core::GitCloneOptions o;
    o.url = m_spec.source.url;
    o.ref = m_spec.source.ref;
    o.commit = m_spec.source.commit;
    o.token = m_spec.source.token;
    o.allowFile = m_access.allowFileSources;
    o.maxBytes = m_access.maxSourceBytes;
    o.maxSeconds = m_access.maxFetchSeconds;
    o.gitDir = m_work->filePath(u"repo.git"_s);
    m_spec.source.token.clear(); // the clone job holds the only copy now
    Q_EMIT progress(tr("Cloning %1 %2")
                        .arg(QUrl(o.url).toDisplayString(QUrl::RemoveUserInfo), o.commit.isEmpty() ? o.ref : o.commit));
    m_clone = new core::GitCloneJob(o, m_work->filePath(u"src"_s), this);
    connect(m_clone, &core::GitCloneJob::progress, this, &ImageBuilder::progress);
    connect(m_clone, &core::GitCloneJob::result, this, [this](core::GitCloneJob *job) {
        if (job->failed())
            return fail(job->error());
        m_fetched = true;
        if (m_sourceKey.isEmpty()) {
            m_sourceKey = job->checkout().commit;
            return checkImage(); // the resolved commit may have been built before
        }
        build();
    });
    m_clone->start();
}

void ImageBuilder::fetchBlob()
{
    if (m_access.relayUrl.isEmpty())
        return fail(Error(ErrorCode::Unavailable, tr("No relay is configured to download the source from.")));
    BlobRequest r;
    r.relayUrl = m_access.relayUrl;
    r.providerKey = m_access.providerKey;
    r.sha256 = m_spec.source.blobSha256;
    r.maxBytes = m_access.maxSourceBytes;
    r.timeoutSeconds = m_access.maxFetchSeconds;
    Q_EMIT progress(tr("Downloading the source (%1 bytes)").arg(m_spec.source.blobSize));
    m_download = new BlobDownload(m_network, r, m_work->filePath(u"source.tar.gz"_s), this);
    connect(m_download, &BlobDownload::result, this, [this](BlobDownload *job) {
        if (job->failed())
            return fail(job->error());
        unpack();
    });
    m_download->start();
}

void ImageBuilder::unpack()
{
    Q_EMIT progress(tr("Unpacking the source"));
    ExtractLimits limits;
    limits.maxBytes = m_access.maxSourceBytes;
    limits.maxEntries = 200000;
    m_unpack.setFuture(QtConcurrent::run([work = m_work, limits] {
        auto r = extractSourceArchive(work->filePath(u"source.tar.gz"_s), work->filePath(u"src"_s), limits);
        return r ? Error() : r.error();
    }));
}

void ImageBuilder::build()
{
    m_fetched = true;
    // contextDir was validated by the relay and the spec parser; check again where it lands.
    const QString context = QDir::cleanPath(m_spec.contextDir.isEmpty() ? u"."_s : m_spec.contextDir);
    if (QDir::isAbsolutePath(context) || context == u".." || context.startsWith(u"../"))
        return fail(Error(ErrorCode::Unsafe, tr("The context folder leaves the source tree."), m_spec.contextDir));
    const QString srcRoot = QFileInfo(m_work->filePath(u"src"_s)).canonicalFilePath();
    const QString dir = QFileInfo(QDir(srcRoot).filePath(context)).canonicalFilePath();
    if (srcRoot.isEmpty() || dir.isEmpty() || !QFileInfo(dir).isDir())
        return fail(Error(ErrorCode::NotFound, tr("The context folder does not exist."), m_spec.contextDir));
    if (dir != srcRoot && !dir.startsWith(srcRoot + u'/'))
        return fail(Error(ErrorCode::Unsafe, tr("The context folder leaves the source tree."), m_spec.contextDir));

    // Our Dockerfile travels as an extra tar entry; a project file of that name would clash.
    QFile::remove(QDir(dir).filePath(dockerfileName()));
    if (!m_spec.dockerignore.isEmpty()) {
        QFile::remove(QDir(dir).filePath(u".dockerignore"_s));
        QFile f(QDir(dir).filePath(u".dockerignore"_s));
        // NewOnly: never write through a link that reappeared in between.
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly) || f.write(m_spec.dockerignore.toUtf8()) < 0)
            return fail(Error(ErrorCode::Io, f.errorString(), u".dockerignore"_s));
    }
    docker::BuildContextOptions co;
    co.dockerfile = dockerfileName();
    co.extraFiles.insert(dockerfileName(), m_spec.dockerfile.toUtf8());
    // Generated helper files travel the same way; a checkout file of the same path gives way.
    for (auto it = m_spec.files.cbegin(); it != m_spec.files.cend(); ++it) {
        QFile::remove(QDir(dir).filePath(it.key()));
        co.extraFiles.insert(it.key(), it.value().toUtf8());
    }
    co.maxBytes = m_access.maxSourceBytes;
    auto context_ = docker::BuildContext::open(dir, co);
    if (!context_)
        return fail(context_.error());

    docker::BuildOptions bo;
    bo.tags = { m_tag };
    bo.dockerfile = dockerfileName();
    bo.buildArgs = m_spec.buildArgs;
    bo.labels = m_labels;
    Q_EMIT progress(tr("Building image %1").arg(m_tag));
    auto *job = m_client.build(std::move(*context_), bo);
    m_dockerJob = job;
    connect(job, &docker::BuildJob::output, this, &ImageBuilder::progress);
    connect(job, &DockerJob::result, this, [this](DockerJob *j) {
        m_dockerJob = nullptr;
        if (j->failed())
            return fail(j->error());
        done();
    });
    job->start();
}

void ImageBuilder::fail(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    qCWarning(lcEngine).noquote() << "build for" << m_deploymentId << "failed:" << error.toString();
    m_work.reset();
    Q_EMIT finished(error);
    deleteLater();
}

void ImageBuilder::done()
{
    if (m_finished)
        return;
    m_finished = true;
    qCInfo(lcEngine).noquote() << "image for" << m_deploymentId << (m_reused ? "reused:" : "built:") << m_tag;
    m_work.reset();
    Q_EMIT finished(m_tag);
    deleteLater();
}

} // namespace ttalkak::provider
