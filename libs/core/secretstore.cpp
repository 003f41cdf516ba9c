#include "secretstore.h"
#include "logging.h"

#include <QMetaObject>
#include <QPointer>

#include <qt6keychain/keychain.h>

namespace ttalkak::core {

namespace {
// Runs `fn` later on context's thread, so callers see the same asynchrony
// from every store and never re-enter themselves.
void post(QObject *context, std::function<void()> fn)
{
    QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
}

Error keychainError(QKeychain::Job *job, const QString &key)
{
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        return Error(ErrorCode::NotFound, QObject::tr("No secret stored for '%1'").arg(key));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error(ErrorCode::PermissionDenied, job->errorString());
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error(ErrorCode::Unavailable,
                     QObject::tr("No keychain is available (is a Secret Service such as gnome-keyring running?): %1")
                         .arg(job->errorString()));
    default:
        return Error(ErrorCode::Io, job->errorString());
    }
}
} // namespace

void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    Result<QString> r = m_secrets.contains(key)
        ? Result<QString>(m_secrets.value(key))
        : Result<QString>(Error(ErrorCode::NotFound, QObject::tr("No secret stored for '%1'").arg(key)));
    post(context, [done = std::move(done), r] { done(r); });
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context, DoneCallback done)
{
    m_secrets.insert(key, secret);
    post(context, [done = std::move(done)] { done(ok()); });
}

void MemorySecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    m_secrets.remove(key);
    post(context, [done = std::move(done)] { done(ok()); });
}

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service)) {}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);   // never write secrets to a plain file
    QObject::connect(job, &QKeychain::Job::finished, context, [key, done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            qCDebug(lcSecrets) << "read failed" << key << j->errorString();
            done(keychainError(j, key));
            return;
        }
        done(static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context, DoneCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context, [key, done = std::move(done)](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? ok() : Result<void>(keychainError(j, key)));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [key, done = std::move(done)](QKeychain::Job *j) {
        // Removing what is not there is success: the end state is the same.
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
            done(ok());
        else
            done(keychainError(j, key));
    });
    job->start();
}

} // namespace ttalkak::core
