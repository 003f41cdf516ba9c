#include "blobstore.h"

#include "logging.h"
#include "records.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using ttalkak::core::Error;
using ttalkak::core::ErrorCode;
using ttalkak::core::Result;

namespace ttalkak::relay {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BlobStore", text);
}

} // namespace

BlobStore::BlobStore(Database &db, const QString &dataDir, qint64 maxBytes)
    : m_db(db)
    , m_dir(QDir(dataDir).filePath(u"blobs"_s))
    , m_maxBytes(maxBytes)
{
}

bool BlobStore::isValidId(const QString &sha256)
{
    static const QRegularExpression re(u"^[0-9a-f]{64}$"_s);
    return re.match(sha256).hasMatch();
}

QString BlobStore::path(const QString &sha256) const
{
    return QDir(m_dir).filePath(sha256);
}

std::shared_ptr<BlobUpload> BlobStore::beginUpload(const QString &sha256) const
{
    QDir().mkpath(m_dir); // a failure shows as the upload's open error
    return std::make_shared<BlobUpload>(path(sha256), sha256, m_maxBytes);
}

Result<bool> BlobStore::finish(BlobUpload &upload, const QString &userId)
{
    if (!upload.errorString().isEmpty()) {
        qCWarning(lcStore).noquote() << "blob upload failed:" << upload.errorString();
        return Error(ErrorCode::Io, tr("the upload could not be stored"));
    }
    if (upload.size() == 0)
        return Error(ErrorCode::InvalidInput, tr("the body is empty; send the .tar.gz archive"));
    if (QString::fromLatin1(upload.digestHex()) != upload.sha256())
        return Error(ErrorCode::InvalidInput, tr("the body's SHA-256 does not match the blob id in the path"));
    const qint64 now = Database::nowMs();
    auto known = m_db.exec(u"SELECT size FROM blobs WHERE sha256 = ?"_s, { upload.sha256() });
    if (!known)
        return known.error();
    const bool created = !(known->next() && QFileInfo::exists(path(upload.sha256())));
    // Identical bytes: renaming over an existing copy is harmless and repairs a lost file.
    if (created && !upload.commit()) {
        qCWarning(lcStore).noquote() << "cannot store a blob:" << upload.errorString();
        return Error(ErrorCode::Io, tr("the upload could not be stored"));
    }
    auto r = m_db.transaction<void>([&]() -> Result<void> {
        if (auto b
            = m_db.exec(u"INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s,
                { upload.sha256(), upload.size(), now });
            !b)
            return b.error();
        if (auto o = m_db.exec(
                u"INSERT INTO blob_owners (sha256, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s,
                { upload.sha256(), userId, now });
            !o)
            return o.error();
        return {};
    });
    if (!r)
        return r.error();
    qCInfo(lcStore).noquote() << "blob stored" << (u"blob="_s + upload.sha256()) << (u"user="_s + userId)
                              << (u"size="_s + QString::number(upload.size()))
                              << (u"new="_s + (created ? u"1"_s : u"0"_s));
    return created;
}

Result<std::optional<qint64>> BlobStore::ownedSize(const QString &userId, const QString &sha256) const
{
    auto q = m_db.exec(
        u"SELECT b.size FROM blobs b JOIN blob_owners o ON o.sha256 = b.sha256 WHERE b.sha256 = ? AND o.user_id = ?"_s,
        { sha256, userId });
    if (!q)
        return q.error();
    if (!q->next() || !QFileInfo::exists(path(sha256)))
        return std::optional<qint64>();
    return std::optional<qint64>(q->value(0).toLongLong());
}

Result<bool> BlobStore::usedByProvider(const QString &providerId, const QString &sha256) const
{
    // Specs are JSON text: narrow by a substring match, then check the parsed source.
    auto q = m_db.exec(u"SELECT spec FROM deployments WHERE provider_id = ? AND kind = 'app'"
                       " AND state NOT IN ('queued','deleted') AND spec LIKE ?"_s,
        { providerId, QString(u"%"_s + sha256 + u"%"_s) });
    if (!q)
        return q.error();
    while (q->next()) {
        const QJsonObject source = parseJsonObject(q->value(0).toString()).value(u"source"_s).toObject();
        if (source.value(u"type"_s).toString() == u"blob" && source.value(u"blob"_s).toString() == sha256)
            return true;
    }
    return false;
}

} // namespace ttalkak::relay
